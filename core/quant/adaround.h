#pragma once
// AdaRound (Nagel et al., ICML 2020): instead of rounding each weight to the
// nearest grid point, learn whether it rounds up or down so that the layer's
// output on calibration data stays close to full precision.
//   w_soft = (clamp(floor(u) + h(V), qmin, qmax) + zp) / scale,  u = scale*w - zp
//   h(V)   = clamp(sigmoid(V) * (zeta - gamma) + gamma, 0, 1),  zeta 1.1, gamma -0.1
//   reg    = sum(1 - |2 h(V) - 1|^beta)   (pushes every h to 0 or 1)
// The grid (scale, zp) is quant/fake_quant.h's for the fixed range lo/hi, so
// the hard result is reproduced exactly by fakeQuantizeWeightInRange.
#include <torch/types.h>

namespace zsq::quant {

class AdaRoundWeight {
public:
    // lo/hi: [out] or [1] as fakeQuantizeWeightInRange takes them.
    AdaRoundWeight(const torch::Tensor& weight, const torch::Tensor& lo, const torch::Tensor& hi, int bits);

    torch::Tensor& logits() { return v_; }                 // V, the learned variables
    torch::Tensor softWeight() const;                      // differentiable in V
    torch::Tensor hardWeight() const;                      // rounding decided: h = [V >= 0]
    torch::Tensor regularizer(double beta) const;
    // Share of variables whose h is still strictly between 0.01 and 0.99.
    double undecidedFraction() const;

private:
    torch::Tensor rectified() const;
    torch::Tensor floor_, scale_, zp_, v_;
    double qmin_ = 0, qmax_ = 0;
};

} // namespace zsq::quant
