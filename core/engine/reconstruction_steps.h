#pragma once
// The steps that layer-wise (engine/reconstruction.h) and block-wise
// (engine/block_reconstruction.h) refinement share. Internal to engine/.
#include <optional>

#include <torch/types.h>

#include "common/cancel.h"
#include "common/events.h"
#include "engine/reconstruction.h"
#include "models/model.h"

namespace zsq::engine {

// The conv or linear module behind a named layer.
const torch::nn::Module* moduleOf(models::NamedQuantLayer& layer);

// The inputs `model` gives `module` on every calibration image (no grad).
torch::Tensor collectInputs(models::ZooModelImpl& model, const torch::nn::Module* module, const torch::Tensor& images,
                            const torch::Device& device, const CancelToken* cancel);

// The teacher's output of its layer number `index` on every image (no grad).
torch::Tensor collectOutputs(models::ZooModelImpl& teacher, std::size_t index, const torch::Tensor& images,
                             const torch::Device& device, const CancelToken* cancel);

// Every quantized weight's range by Lp error search (per channel where the
// setting says so).
void searchWeightRanges(models::ZooModelImpl& student, double p);

// Every activation range the same way, in forward order, each on the
// activations of the student quantized up to it; the quantizers end Frozen.
void searchActivationRanges(models::ZooModelImpl& student, const torch::Tensor& images, double p,
                            const torch::Device& device, EventSink& sink, const CancelToken* cancel);

// AdaRound's regulariser exponent at step `it`: none during the warm-up,
// then cosine-annealed from betaStart to betaEnd over the remaining steps.
std::optional<double> roundingBeta(const ReconstructionConfig& config, int it);

} // namespace zsq::engine
