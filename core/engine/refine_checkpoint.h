#pragma once
// refine.ckpt: a block reconstruction's state after its last finished block
// (the student's weights with the finished blocks' rounding baked in, every
// quantizer's range, the reports so far and the CPU random state), so that a
// cancelled refinement resumes at the next block and ends bit-exactly where
// an uninterrupted one would (same thread count). Written with the engine's
// checkpoint container (engine/checkpoint_archive.h).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/reconstruction.h"

namespace zsq::engine {

struct RefineProgress {
    std::size_t blocksDone = 0;
    std::vector<LayerReconstruction> reports;
    double seconds = 0;          // refinement time before the resume
};

// What must be equal for a resume to continue the same refinement: its
// settings, the blocks found, and a checksum of the calibration images.
nlohmann::json refineSettings(const ReconstructionConfig& config, const torch::Tensor& calibration,
                              const std::vector<std::string>& blockNames);

void saveRefineCheckpoint(const std::string& path, models::ZooModelImpl& student, const nlohmann::json& settings,
                          const RefineProgress& progress);

// Restores the student's weights and quantizer state and the random state;
// InputError naming the file and the settings that differ.
RefineProgress loadRefineCheckpoint(const std::string& path, models::ZooModelImpl& student,
                                    const nlohmann::json& settings);

// Whether `path` is a refinement checkpoint (not a run checkpoint); false
// for anything unreadable.
bool isRefineCheckpoint(const std::string& path);

} // namespace zsq::engine
