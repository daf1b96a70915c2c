#include "quant/fake_quant.h"

#include <cmath>

#include "common/error.h"

namespace zsq::quant {

namespace {
void checkBits(int bits)
{
    if (bits < kMinBits || bits > kMaxBits)
        throw InputError("bit width " + std::to_string(bits) + " is outside 2..8");
}
} // namespace

AffineParams affineParams(const torch::Tensor& lo, const torch::Tensor& hi, int bits)
{
    checkBits(bits);
    const double levels = std::pow(2.0, bits) - 1.0;
    const double half = std::pow(2.0, bits - 1);
    AffineParams p;
    p.scale = levels / (hi - lo).clamp_min(1e-8);
    p.zeroPoint = torch::round(p.scale * lo) + half;
    return p;
}

torch::Tensor fakeQuantize(const torch::Tensor& x, const torch::Tensor& lo,
                           const torch::Tensor& hi, int bits)
{
    const double half = std::pow(2.0, bits - 1);
    // The range is a statistic, not something to learn through.
    const AffineParams p = affineParams(lo.detach(), hi.detach(), bits);
    const torch::Tensor q = torch::clamp(torch::round(p.scale * x.detach() - p.zeroPoint), -half, half - 1);
    const torch::Tensor dequant = (q + p.zeroPoint) / p.scale;
    // Straight-through estimator: forward the quantized value, backward identity.
    return x + (dequant - x).detach();
}

std::pair<torch::Tensor, torch::Tensor> weightRange(const torch::Tensor& weight, bool perChannel)
{
    if (!perChannel || weight.dim() < 2) {
        torch::Tensor flat = weight.detach().reshape({1, -1});
        return {std::get<0>(flat.min(1)), std::get<0>(flat.max(1))};
    }
    torch::Tensor flat = weight.detach().reshape({weight.size(0), -1});
    return {std::get<0>(flat.min(1)), std::get<0>(flat.max(1))};
}

torch::Tensor fakeQuantizeWeight(const torch::Tensor& weight, int bits, bool perChannel)
{
    auto [lo, hi] = weightRange(weight, perChannel);
    if (perChannel && weight.dim() >= 2) {
        std::vector<std::int64_t> shape(weight.dim(), 1);
        shape[0] = weight.size(0);
        lo = lo.view(shape);
        hi = hi.view(shape);
    } else {
        lo = lo.reshape({});
        hi = hi.reshape({});
    }
    return fakeQuantize(weight, lo, hi, bits);
}

void RangeEma::update(const torch::Tensor& x)
{
    torch::NoGradGuard noGrad;
    torch::Tensor d = x.detach();
    // One pass over the activation for both ends (min() and max() are two).
    const auto [minT, maxT] = torch::aminmax(d);
    const double lo = minT.item<double>();
    const double hi = maxT.item<double>();
    rawLo_ = momentum_ * rawLo_ + (1.0 - momentum_) * lo;
    rawHi_ = momentum_ * rawHi_ + (1.0 - momentum_) * hi;
    ++steps_;
}

torch::Tensor RangeEma::lo() const
{
    const double correction = steps_ > 0 ? 1.0 - std::pow(momentum_, static_cast<double>(steps_)) : 1.0;
    return torch::tensor(rawLo_ / correction, torch::kFloat);
}

torch::Tensor RangeEma::hi() const
{
    const double correction = steps_ > 0 ? 1.0 - std::pow(momentum_, static_cast<double>(steps_)) : 1.0;
    return torch::tensor(rawHi_ / correction, torch::kFloat);
}

void RangeEma::setRange(double lo, double hi)
{
    // Stored so that the bias-corrected value equals the given range exactly
    // after one step: raw = (1 - b) * v and correction = 1 - b.
    steps_ = 1;
    rawLo_ = (1.0 - momentum_) * lo;
    rawHi_ = (1.0 - momentum_) * hi;
}

void RangeEma::getState(double& rawLo, double& rawHi, std::int64_t& steps) const
{
    rawLo = rawLo_;
    rawHi = rawHi_;
    steps = steps_;
}

void RangeEma::setState(double rawLo, double rawHi, std::int64_t steps)
{
    rawLo_ = rawLo;
    rawHi_ = rawHi;
    steps_ = steps;
}

void RangeEma::reset()
{
    rawLo_ = rawHi_ = 0;
    steps_ = 0;
}

} // namespace zsq::quant
