#pragma once
// The optimizers' state in a run checkpoint (run.ckpt) as plain tensors and
// JSON, so that resuming reads it with io's own torch.save reader like every
// other byte of the file. (It was a LibTorch serialize archive inside a byte
// tensor, read back by torch::serialize::InputArchive, which runs LibTorch's
// unpickler on bytes from the file.)
//
// Layout: tensors named "<group>.<param>.<field>" (exp_avg, exp_avg_sq,
// max_exp_avg_sq for Adam; momentum_buffer for SGD) for the parameters that
// have state; JSON {"groups": [{"params": N, <the group's options>}],
// "steps": {"<group>.<param>": step}} (Adam's per-parameter step counts).
#include <string>

#include <nlohmann/json.hpp>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>

#include "io/state_dict.h"

namespace zsq::engine {

struct OptimizerRecord {
    nlohmann::json meta;
    io::TensorMap tensors;
};

OptimizerRecord saveAdamState(torch::optim::Adam& optimizer);
OptimizerRecord saveSgdState(torch::optim::SGD& optimizer);

// Replaces the optimizer's state and its groups' options with the record's.
// InputError (without a file name: the caller adds it) when the record does
// not fit the optimizer: other group or parameter counts, a tensor of another
// shape, a missing or unknown field, a negative step, non-finite values.
void loadAdamState(torch::optim::Adam& optimizer, const nlohmann::json& meta, const io::TensorMap& tensors);
void loadSgdState(torch::optim::SGD& optimizer, const nlohmann::json& meta, const io::TensorMap& tensors);

} // namespace zsq::engine
