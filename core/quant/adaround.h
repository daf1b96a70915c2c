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

    // GENIE-M (Jeon et al. 2023): each output channel's step size learned
    // too, as a factor on the initial step (starting at 1) while floor(u)
    // stays that of the initial step: w = factor * (clamp(floor + h) + zp) / scale.
    void learnStep();
    bool learnsStep() const { return factor_.defined(); }
    torch::Tensor& stepFactor() { return factor_; }
    // The fixed range (lo/hi of [out] or [1], as given to the constructor)
    // whose grid holds hardWeight(): both ends times the learned factor.
    std::pair<torch::Tensor, torch::Tensor> decidedRange(const torch::Tensor& lo, const torch::Tensor& hi) const;
    // Share of variables whose h is still strictly between 0.01 and 0.99.
    double undecidedFraction() const;

private:
    torch::Tensor rectified() const;
    torch::Tensor floor_, scale_, zp_, v_;
    torch::Tensor lo_, hi_, factor_; // broadcast range; factor undefined unless learnStep()
    int bits_ = 0;
    double qmin_ = 0, qmax_ = 0;
};

} // namespace zsq::quant
