#include "methods/losses.h"

#include <torch/torch.h>

namespace zsq::methods {

torch::Tensor kdLoss(const torch::Tensor& s, const torch::Tensor& t, double temperature, KlReduction reduction)
{
    torch::Tensor logP = torch::log_softmax(s / temperature, 1);
    torch::Tensor q = torch::softmax(t / temperature, 1);
    // KL(q || p) summed over classes: q * (log q - log p); xlogy handles q = 0.
    torch::Tensor elementwise = torch::xlogy(q, q) - q * logP;
    const double denom = reduction == KlReduction::Mean ? static_cast<double>(s.numel())
                                                        : static_cast<double>(s.size(0));
    return elementwise.sum() / denom * temperature * temperature;
}

DkdTerms dkdLoss(const torch::Tensor& s, const torch::Tensor& t, const torch::Tensor& labels, double temperature)
{
    const double T = temperature;
    const std::int64_t n = s.size(0);
    torch::Tensor gtMask = torch::zeros_like(s, torch::kBool).scatter_(1, labels.view({-1, 1}), true);
    torch::Tensor pS = torch::softmax(s / T, 1);
    torch::Tensor pT = torch::softmax(t / T, 1);
    // Binary distributions [p_target, p_rest].
    torch::Tensor bS = torch::stack({(pS * gtMask).sum(1), (pS * gtMask.logical_not()).sum(1)}, 1).clamp_min(1e-12);
    torch::Tensor bT = torch::stack({(pT * gtMask).sum(1), (pT * gtMask.logical_not()).sum(1)}, 1);
    torch::Tensor tckd = (torch::xlogy(bT, bT) - bT * torch::log(bS)).sum() / n * T * T;
    // Non-target distributions: mask the target with a large negative logit.
    const double big = 1000.0;
    torch::Tensor logPS = torch::log_softmax(s / T - big * gtMask, 1);
    torch::Tensor pTn = torch::softmax(t / T - big * gtMask, 1);
    torch::Tensor nckd = (torch::xlogy(pTn, pTn) - pTn * logPS).sum() / n * T * T;
    return {tckd, nckd};
}

torch::Tensor cosineToClassCentre(const torch::Tensor& features, const torch::Tensor& weight, const torch::Tensor& labels)
{
    torch::Tensor f = torch::nn::functional::normalize(features, torch::nn::functional::NormalizeFuncOptions().dim(1));
    torch::Tensor w = torch::nn::functional::normalize(weight.index_select(0, labels),
                                                       torch::nn::functional::NormalizeFuncOptions().dim(1));
    return (f * w).sum(1);
}

torch::Tensor amaLogits(const torch::Tensor& features, const torch::Tensor& weight, const torch::Tensor& labels,
                        double scale, double margin)
{
    using torch::nn::functional::normalize;
    using torch::nn::functional::NormalizeFuncOptions;
    torch::Tensor f = normalize(features, NormalizeFuncOptions().dim(1));
    torch::Tensor w = normalize(weight, NormalizeFuncOptions().dim(1));
    torch::Tensor cosine = torch::mm(f, w.t()).clamp(-1.0 + 1e-6, 1.0 - 1e-6);
    torch::Tensor theta = torch::acos(cosine.gather(1, labels.view({-1, 1})));
    torch::Tensor target = torch::cos((theta + margin).clamp(0.0, M_PI));
    torch::Tensor logits = cosine.scatter(1, labels.view({-1, 1}), target);
    return scale * logits;
}

} // namespace zsq::methods
