#include "quant/fake_quant.h"

#include "distributed/communicator.h"
#include "distributed/context.h"

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

std::pair<torch::Tensor, torch::Tensor> broadcastRange(const torch::Tensor& weight, const torch::Tensor& lo,
                                                       const torch::Tensor& hi)
{
    if (lo.numel() == 1)
        return {lo.reshape({}), hi.reshape({})};
    std::vector<std::int64_t> shape(static_cast<std::size_t>(weight.dim()), 1);
    shape[0] = weight.size(0);
    return {lo.view(shape), hi.view(shape)};
}

torch::Tensor fakeQuantizeWeightInRange(const torch::Tensor& weight, const torch::Tensor& lo,
                                        const torch::Tensor& hi, int bits)
{
    auto [l, h] = broadcastRange(weight, lo.to(weight.device()), hi.to(weight.device()));
    return fakeQuantize(weight, l, h, bits);
}

void RangeEma::update(const torch::Tensor& x)
{
    torch::NoGradGuard noGrad;
    // One pass over the activation for both ends (min() and max() are two).
    auto [minT, maxT] = torch::aminmax(x.detach());
    if (distributed::Communicator* comm = distributed::active()) {
        // Data-parallel calibration: the global batch's min and max (one
        // MIN all-reduce of [min, -max]), so every rank keeps the same range.
        torch::Tensor both = torch::stack({minT, -maxT}).to(torch::kFloat).contiguous();
        comm->allReduce(both, distributed::ReduceOp::Min);
        minT = both[0].to(minT.scalar_type());
        maxT = (-both[1]).to(maxT.scalar_type());
    }
    const auto opts = torch::TensorOptions().dtype(torch::kDouble).device(x.device());
    if (!rawLo_.defined()) {
        rawLo_ = torch::zeros({}, opts);
        rawHi_ = torch::zeros({}, opts);
    } else {
        to(x.device());
    }
    // b * m + (1 - b) * x in double, as the host arithmetic it replaces.
    rawLo_ = rawLo_ * momentum_ + minT.to(torch::kDouble) * (1.0 - momentum_);
    rawHi_ = rawHi_ * momentum_ + maxT.to(torch::kDouble) * (1.0 - momentum_);
    ++steps_;
    invalidate();
}

double RangeEma::correction() const
{
    return steps_ > 0 ? 1.0 - std::pow(momentum_, static_cast<double>(steps_)) : 1.0;
}

void RangeEma::invalidate()
{
    loCache_ = torch::Tensor();
    hiCache_ = torch::Tensor();
}

torch::Tensor RangeEma::lo() const
{
    if (!rawLo_.defined())
        return torch::zeros({}, torch::kFloat);
    if (!loCache_.defined())
        loCache_ = (rawLo_ / correction()).to(torch::kFloat);
    return loCache_;
}

torch::Tensor RangeEma::hi() const
{
    if (!rawHi_.defined())
        return torch::zeros({}, torch::kFloat);
    if (!hiCache_.defined())
        hiCache_ = (rawHi_ / correction()).to(torch::kFloat);
    return hiCache_;
}

void RangeEma::to(const torch::Device& device)
{
    if (rawLo_.defined() && rawLo_.device() != device) {
        rawLo_ = rawLo_.to(device);
        rawHi_ = rawHi_.to(device);
        invalidate();
    }
}

void RangeEma::setRange(double lo, double hi)
{
    // Stored so that the bias-corrected value equals the given range exactly
    // after one step: raw = (1 - b) * v and correction = 1 - b.
    setState((1.0 - momentum_) * lo, (1.0 - momentum_) * hi, 1);
}

void RangeEma::getState(double& rawLo, double& rawHi, std::int64_t& steps) const
{
    rawLo = rawLo_.defined() ? rawLo_.item<double>() : 0.0;
    rawHi = rawHi_.defined() ? rawHi_.item<double>() : 0.0;
    steps = steps_;
}

void RangeEma::setState(double rawLo, double rawHi, std::int64_t steps)
{
    const torch::Device device = rawLo_.defined() ? rawLo_.device() : torch::Device(torch::kCPU);
    rawLo_ = torch::tensor(rawLo, torch::kDouble).to(device);
    rawHi_ = torch::tensor(rawHi, torch::kDouble).to(device);
    steps_ = steps;
    invalidate();
}

void RangeEma::reset()
{
    rawLo_ = torch::Tensor();
    rawHi_ = torch::Tensor();
    steps_ = 0;
    invalidate();
}

} // namespace zsq::quant
