#include "quant/adaround.h"

#include <cmath>

#include "quant/fake_quant.h"

namespace zsq::quant {

namespace {
constexpr double kZeta = 1.1;
constexpr double kGamma = -0.1;
} // namespace

AdaRoundWeight::AdaRoundWeight(const torch::Tensor& weight, const torch::Tensor& lo, const torch::Tensor& hi, int bits)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor w = weight.detach();
    auto [l, h] = broadcastRange(w, lo.to(w.device()), hi.to(w.device()));
    const AffineParams p = affineParams(l, h, bits);
    lo_ = l;
    hi_ = h;
    bits_ = bits;
    scale_ = p.scale;
    zp_ = p.zeroPoint;
    qmin_ = -std::pow(2.0, bits - 1);
    qmax_ = std::pow(2.0, bits - 1) - 1;
    const torch::Tensor u = scale_ * w - zp_;
    floor_ = torch::floor(u);
    // Start where rounding to nearest would be: h(V) = frac(u).
    const torch::Tensor rest = (u - floor_).clamp(0.01, 0.99);
    v_ = (-torch::log((kZeta - kGamma) / (rest - kGamma) - 1.0)).set_requires_grad(true);
}

torch::Tensor AdaRoundWeight::rectified() const
{
    return torch::clamp(torch::sigmoid(v_) * (kZeta - kGamma) + kGamma, 0.0, 1.0);
}

namespace {
// A factor kept away from 0 (a step of zero would collapse a channel).
torch::Tensor boundedFactor(const torch::Tensor& factor) { return factor.clamp_min(0.2); }
} // namespace

void AdaRoundWeight::learnStep()
{
    factor_ = torch::ones_like(scale_).set_requires_grad(true);
}

torch::Tensor AdaRoundWeight::softWeight() const
{
    const torch::Tensor w = (torch::clamp(floor_ + rectified(), qmin_, qmax_) + zp_) / scale_;
    return factor_.defined() ? w * boundedFactor(factor_) : w;
}

torch::Tensor AdaRoundWeight::hardWeight() const
{
    torch::NoGradGuard noGrad;
    const torch::Tensor q = torch::clamp(floor_ + (v_ >= 0).to(floor_.scalar_type()), qmin_, qmax_);
    if (!factor_.defined())
        return (q + zp_) / scale_;
    // On the grid of the scaled range exactly as fakeQuantize computes it,
    // so that a checkpoint's fixed range reproduces the weight.
    const torch::Tensor f = boundedFactor(factor_);
    const AffineParams p = affineParams(lo_ * f, hi_ * f, bits_);
    return (q + p.zeroPoint) / p.scale;
}

std::pair<torch::Tensor, torch::Tensor> AdaRoundWeight::decidedRange(const torch::Tensor& lo, const torch::Tensor& hi) const
{
    if (!factor_.defined())
        return {lo, hi};
    torch::NoGradGuard noGrad;
    const torch::Tensor f = boundedFactor(factor_).detach().reshape(lo.sizes()).to(lo.device());
    return {lo * f, hi * f};
}

torch::Tensor AdaRoundWeight::regularizer(double beta) const
{
    return (1.0 - (2.0 * rectified() - 1.0).abs().pow(beta)).sum();
}

double AdaRoundWeight::undecidedFraction() const
{
    torch::NoGradGuard noGrad;
    const torch::Tensor h = rectified();
    return ((h > 0.01) & (h < 0.99)).to(torch::kDouble).mean().item<double>();
}

} // namespace zsq::quant
