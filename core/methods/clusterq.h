#pragma once
#include <memory>

#include "methods/method.h"

namespace zsq::methods {

// ClusterQ (Gao et al., ICDM 2022): per-class BN statistics of the deeper
// layers, clustered by label and aligned to EMA-updated centroids built from
// correctly classified synthetic samples, with Gaussian-perturbed targets for
// intra-class diversity.
std::unique_ptr<Method> makeClusterQ(const MethodOptions& options);

// Per-class channel mean and std of one BN input: [K, C] each, and the
// per-class sample counts [K]. Classes absent from the batch have count 0.
struct ClassStats {
    torch::Tensor mean, stdev, count;
};
ClassStats perClassStats(const torch::Tensor& bnInput, const torch::Tensor& labels, std::int64_t numClasses,
                         double eps);

} // namespace zsq::methods
