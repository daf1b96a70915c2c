#pragma once
// The steps that layer-wise (engine/reconstruction.h) and block-wise
// (engine/block_reconstruction.h) refinement share. Internal to engine/.
#include <map>
#include <optional>
#include <string>

#include <torch/types.h>

#include "common/cancel.h"
#include "common/events.h"
#include "engine/reconstruction.h"
#include "models/model.h"
#include "quant/range_search.h"

namespace zsq::engine {

// The conv or linear module behind a named layer.
const torch::nn::Module* moduleOf(models::NamedQuantLayer& layer);

// The inputs `model` gives `module` on every calibration image (no grad).
torch::Tensor collectInputs(models::ZooModelImpl& model, const torch::nn::Module* module, const torch::Tensor& images,
                            const torch::Device& device, const CancelToken* cancel);

// The teacher's output of its layer number `index` on every image (no grad).
torch::Tensor collectOutputs(models::ZooModelImpl& teacher, std::size_t index, const torch::Tensor& images,
                             const torch::Device& device, const CancelToken* cancel);

// The range initialisation of every quantizer: config.rangeInit, or its
// override in config.layerRangeInit. InputError for an override that names
// neither a weight layer nor an activation quantizer of `student`.
class RangeInitChoice {
public:
    RangeInitChoice(models::ZooModelImpl& student, const ReconstructionConfig& config);
    quant::RangeSearchOptions forQuantizer(const std::string& name) const;

private:
    quant::RangeSearchOptions base_;
    std::map<std::string, quant::RangeInit> overrides_;
};

// Every quantized weight's range (per channel where the setting says so),
// by the layer's range initialisation.
void searchWeightRanges(models::ZooModelImpl& student, const RangeInitChoice& choice);

// Every activation range the same way, in forward order, each on the
// activations of the student quantized up to it; the quantizers end Frozen.
void searchActivationRanges(models::ZooModelImpl& student, const torch::Tensor& images, const RangeInitChoice& choice,
                            const torch::Device& device, EventSink& sink, const CancelToken* cancel);

// AdaRound's regulariser exponent at step `it`: none during the warm-up,
// then cosine-annealed from betaStart to betaEnd over the remaining steps.
std::optional<double> roundingBeta(const ReconstructionConfig& config, int it);

} // namespace zsq::engine
