#pragma once
// LibTorch has no load_state_dict; this is the one the project uses.
#include <map>
#include <string>

#include <torch/nn/module.h>

namespace zsq::io {

using TensorMap = std::map<std::string, torch::Tensor>;

// Parameters and buffers under their dotted PyTorch names.
TensorMap stateDict(const torch::nn::Module& module);

// Copies every tensor of `state` into the module's parameter or buffer of the
// same name. Missing or unexpected keys and shape mismatches are InputErrors
// naming the first few offending keys; nothing is modified in that case.
void loadStateDict(torch::nn::Module& module, const TensorMap& state);

} // namespace zsq::io
