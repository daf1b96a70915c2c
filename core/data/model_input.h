#pragma once
// Dataset images -> a model's input, by the model's own preprocessing
// (models/preprocessing.h): its resize policy, then its mean and std.
#include <torch/types.h>

#include "data/dataset_registry.h"
#include "models/model.h"

namespace zsq::data {

// images: float [N, C, H, W] in [0, 1]. InputError when the channels differ
// from the model's, or when the size differs under the "none" policy.
torch::Tensor prepareInput(const torch::Tensor& images, const models::ModelInfo& info);

// The request that opens `source`/`split` for this model: image folders are
// decoded at the model's input size by its resize policy.
DatasetRequest datasetRequestFor(const std::string& source, const std::string& split, const models::ModelInfo& info);

} // namespace zsq::data
