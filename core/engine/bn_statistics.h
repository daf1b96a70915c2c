#pragma once
// Batch statistics of BatchNorm inputs against the running statistics the
// teacher learned on real data: the signal every data-free method here
// synthesises from.
#include <vector>

#include "models/model.h"

namespace zsq::engine {

// Per-channel batch mean and biased variance of a BN input [N, C, H, W].
std::pair<torch::Tensor, torch::Tensor> channelMeanVar(const torch::Tensor& x);

// GDFQ's BNS loss: mean over BN layers of
//   MSE(batch mean, running_mean) + MSE(batch var, running_var).
// In a data-parallel run (distributed::active()) both losses use the mean
// and variance of the global batch, identical on every rank.
torch::Tensor bnsLoss(const std::vector<models::BnInput>& inputs);

// ZeroQ's loss: sum over BN layers of ||mu - running_mean||^2 / C +
// ||sigma - running_sigma||^2 / C with sigma = sqrt(var + eps).
torch::Tensor zeroqLoss(const std::vector<models::BnInput>& inputs);

} // namespace zsq::engine
