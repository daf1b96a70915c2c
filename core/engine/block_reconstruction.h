#pragma once
// Block reconstruction (BRECQ, Li et al. 2021; as GENIE uses it, Jeon et al.
// 2023): after the range search of engine/reconstruction.h, the student is
// refined one block at a time in forward order. For each block (a residual
// unit, an inverted-residual unit; a layer where a model has no blocks) the
// block's output on calibration images, as the next block receives it, is
// brought close to the teacher's by learning at once
//   - the AdaRound rounding of every weight in the block (quant/adaround.h),
//   - the range ends of every activation quantizer in the block (LSQ+,
//     quant/learned_quant.h), unless their learning rate is 0,
// with QDrop (each element of the block's quantized activations kept in
// float with probability qdrop) switchable. The last block's output is the
// logits.
#include <string>
#include <vector>

#include "engine/reconstruction.h"

namespace zsq::engine {

// The block a quantizable layer belongs to, from its module path: the path
// up to its first component that is a number or "unitN" ("layer1.0.conv1" ->
// "layer1.0", "features.stage2.unit1.body.conv2.conv" ->
// "features.stage2.unit1", "features.3.conv.0.0" -> "features.3"); a path
// without one is a block of its own ("conv1", "fc", "output").
std::string blockOfLayer(const std::string& layerName);

struct ReconstructionBlock {
    std::string name;
    std::vector<std::size_t> layers;      // indices into quantLayers()
    std::vector<std::size_t> activations; // indices into actQuants()
    // The quantizable layer after the block, whose input is the block's
    // output; npos: the block ends the model (its output is the logits).
    std::size_t next = static_cast<std::size_t>(-1);
};

// The blocks of `model` in forward order, from one forward pass on `probe`
// (a few images): each layer goes to its blockOfLayer() group, each
// activation quantizer to the block of the layer that ran last before it.
std::vector<ReconstructionBlock> findBlocks(models::ZooModelImpl& model, const torch::Tensor& probe);

// Refines `student` block by block (weights hard-rounded, activation ranges
// set, quantizers Frozen at the end). One report per block: output MSE
// before (searched ranges, rounding to nearest) and after.
std::vector<LayerReconstruction> reconstructBlocks(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                                                   const torch::Tensor& images, const ReconstructionConfig& config,
                                                   const torch::Device& device, EventSink& sink,
                                                   const CancelToken* cancel);

} // namespace zsq::engine
