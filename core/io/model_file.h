#pragma once
// Reading models from the files PyTorch users actually have, and the
// project's own checkpoint format:
//   - TorchScript archives (torch.jit.save of a scripted or traced model):
//     their tensors are read from data.pkl by io's own reader, and none of
//     the archive's code runs, unless the user sets ZSQ_ALLOW_TORCHSCRIPT_CODE=1
//     (then LibTorch's torch::jit::load opens it, running its code);
//   - state_dict files (torch.save(dict(model.state_dict())), also wrapped in
//     {"state_dict": ...} or {"model": ...}, with or without "module." prefixes);
//   - ZSQ checkpoints: a torch.save-compatible dict {"format": "zsq-checkpoint",
//     "meta": JSON text, "state": {name: tensor}}, which Python's torch.load
//     also reads.
// The architecture is detected from the keys where possible.
#include <string>

#include <nlohmann/json.hpp>

#include "io/arch_detection.h"
#include "io/state_dict.h"
#include "models/model.h"
#include "models/preprocessing.h"

namespace zsq::io {

enum class ModelFileFormat { TorchScript, StateDict, ZsqCheckpoint };
std::string formatName(ModelFileFormat format);

struct RawModelFile {
    ModelFileFormat format = ModelFileFormat::StateDict;
    TensorMap tensors;
    nlohmann::json meta;   // only for ZSQ checkpoints
    // A TorchScript archive's extra file "preprocessing.json", when present
    // (see models/preprocessing.h); null otherwise.
    nlohmann::json preprocessing;
};

// Reads tensors (and metadata) without building a model. InputError for
// anything that is not one of the formats above.
RawModelFile readModelFile(const std::string& path);

struct LoadOptions {
    std::string arch;          // empty: detect (or the sidecar's "arch")
    // Preprocessing given by the user (run config keys, command-line flags):
    // wins over the file's own, the sidecar's and the defaults.
    models::PreprocessingOverrides preprocessing;
    std::string preprocessingSource = "command line"; // names `preprocessing` in messages
    // A preprocessing JSON named explicitly; replaces the sidecar lookup.
    std::string preprocessingFile;
    bool useSidecar = true;
};

struct LoadedModel {
    models::ModelPtr model;
    ModelFileFormat format = ModelFileFormat::StateDict;
    nlohmann::json meta;       // checkpoint metadata (empty for PyTorch files)
    std::string path;
};

// Reads, detects, builds and fills a model; for ZSQ checkpoints also restores
// the quantizer state. The preprocessing is resolved in the order of
// models/preprocessing.h (defaults, file, sidecar, options) and recorded in
// the model's info (preprocessingSource). The model is in eval mode on the CPU.
LoadedModel loadModel(const std::string& path, const LoadOptions& options = {});

// Saves the model's weights, its ModelInfo, its quantizer state and `extra`
// metadata atomically as a ZSQ checkpoint.
void saveCheckpoint(const std::string& path, models::ZooModelImpl& model,
                    const nlohmann::json& extra = nlohmann::json::object());

// The shipped demo model (resources/models/fmnist_resnet8.zsq), looked for
// beside the installed share folder and the source tree.
std::string demoModelPath();

// Reads a torch.save file written by LibTorch's pickler (tensors, our
// checkpoints); InputError naming `what` when it is not one.
c10::IValue readPickleFile(const std::string& path, const std::string& what);

// Input/output tensors for `zsq infer`, in torch.save's format.
torch::Tensor readTensorFile(const std::string& path);
void writeTensorFile(const std::string& path, const torch::Tensor& tensor);

} // namespace zsq::io
