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

torch::Tensor AdaRoundWeight::softWeight() const
{
    return (torch::clamp(floor_ + rectified(), qmin_, qmax_) + zp_) / scale_;
}

torch::Tensor AdaRoundWeight::hardWeight() const
{
    torch::NoGradGuard noGrad;
    return (torch::clamp(floor_ + (v_ >= 0).to(floor_.scalar_type()), qmin_, qmax_) + zp_) / scale_;
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
