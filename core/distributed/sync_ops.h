#pragma once
// The collectives a data-parallel training step needs, in the form that
// keeps W ranks x B/W samples equal to one process x B samples:
//  - a differentiable all-reduce (sum) whose backward all-reduces the
//    gradient (SyncBatchNorm's rule; see docs/methods.md for why the sum);
//  - global per-channel mean/variance of BN inputs (sums and sums of
//    squares in double, all-reduced together);
//  - BatchNorm in training mode on the global batch (generator BNs);
//  - gradient averaging in flat buckets, and parameter broadcast.
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/nn/modules/batchnorm.h>
#include <torch/types.h>

namespace zsq::distributed {

class Communicator;

// y = sum over ranks of x; dL/dx = sum over ranks of dL/dy.
torch::Tensor allReduceSumDifferentiable(Communicator& comm, const torch::Tensor& x);

// Per-channel mean and biased variance over [N, H, W] of every tensor in
// `inputs` ([N, C, H, W] or [N, C]) over the samples of all ranks, with one
// all-reduce for all of them. `globalCount` (optional) receives N*H*W
// summed over ranks per input.
std::vector<std::pair<torch::Tensor, torch::Tensor>> globalChannelMeanVar(Communicator& comm,
                                                                          const std::vector<torch::Tensor>& inputs,
                                                                          std::vector<double>* globalCount = nullptr);

// BatchNorm2d in training mode with the global batch's statistics; the
// running statistics follow them (unbiased variance, as torch does).
torch::Tensor syncBatchNorm(Communicator& comm, const torch::Tensor& x, torch::nn::BatchNorm2dImpl& bn);

// Replaces each parameter's gradient by its mean over ranks, in buckets of
// about `bucketBytes`. A parameter without a gradient counts as zeros, so
// every rank sends the same buckets.
void averageGradients(Communicator& comm, const std::vector<torch::Tensor>& parameters,
                      std::int64_t bucketBytes = 16 << 20);

// Copies rank `root`'s values of the tensors (parameters, buffers) to all
// ranks, grouped by dtype.
void broadcastTensors(Communicator& comm, const std::vector<torch::Tensor>& tensors, int root = 0);

// The slice [rank * n/W, (rank + 1) * n/W) of dim 0 of a tensor that every
// rank drew whole from the same random stream.
torch::Tensor shardOf(Communicator& comm, const torch::Tensor& global);

} // namespace zsq::distributed
