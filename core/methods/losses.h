#pragma once
// Losses of the three generative methods. Each takes logits/features that
// the caller has already computed, so one teacher pass serves both the
// generator and the student step.
#include <torch/types.h>

namespace zsq::methods {

enum class KlReduction { Mean, BatchMean };

// Hinton KD: KL(softmax(t/T) || softmax(s/T)) * T^2. GDFQ's code uses
// KLDivLoss's 'mean' reduction (divides by batch x classes); ClusterQ's uses
// 'batchmean' (divides by batch).
torch::Tensor kdLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits, double temperature,
                     KlReduction reduction);

// Decoupled KD (Zhao et al., CVPR 2022): alpha * TCKD + beta * NCKD, both x T^2
// and averaged over the batch. TCKD is the KL between the binary
// [p_target, 1 - p_target] distributions; NCKD the KL over the non-target
// classes with the target masked out before the softmax.
struct DkdTerms {
    torch::Tensor tckd, nckd;
};
DkdTerms dkdLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits, const torch::Tensor& labels,
                 double temperature);

// Cosine of the angle between each feature and its class centre (the
// classifier weight row of its label), and the angle in radians.
torch::Tensor cosineToClassCentre(const torch::Tensor& features, const torch::Tensor& classifierWeight,
                                  const torch::Tensor& labels);

// Adversarial Margin Add: ArcFace-style logits s * cos(theta_j) with the
// target's angle replaced by theta_y + margin. A positive margin makes the
// target harder to reach (compacts classes), a negative one easier; which
// sign enlarges the intra-class angle of the generated data is measured in
// docs/results.md.
torch::Tensor amaLogits(const torch::Tensor& features, const torch::Tensor& classifierWeight,
                        const torch::Tensor& labels, double scale, double margin);

} // namespace zsq::methods
