#pragma once
// Torch-free description of a model file, for `zsq info` and the GUI's layer
// tree. Including this header does not pull in LibTorch.
#include <cstdint>
#include <string>
#include <vector>

namespace zsq::api {

struct LayerSummary {
    std::string name;                   // PyTorch module path, e.g. "layer1.0.conv1"
    std::string kind;                   // "conv", "linear", "batchnorm", "activation"
    std::vector<std::int64_t> weightShape;
    std::int64_t parameters = 0;
    bool quantizable = false;           // conv/linear weights and activation quantizers
    int bits = 0;                       // current setting (0 = float)
};

struct ModelSummary {
    std::string path;
    std::string format;                 // "TorchScript", "state_dict", "ZSQ checkpoint"
    std::string arch;
    std::string archDescription;
    std::int64_t numClasses = 0;
    std::int64_t inChannels = 0;
    std::int64_t inputSize = 0;         // 0: the data's size (fully convolutional)
    // The preprocessing in use (models/preprocessing.h) and where it came from.
    std::string resize;                 // none | resize | resize_crop
    std::int64_t resizeSize = 0;
    std::vector<double> mean, stdev;
    std::vector<std::string> classNames;
    std::string preprocessingSource;    // "checkpoint", "r20.json", "resnet20 defaults (assumed)", ...
    bool preprocessingAssumed = false;  // nothing but the architecture's defaults backs mean/std
    std::string preprocessingText;      // one line for display
    std::string preprocessingJson;      // the sidecar form, e.g. to save as MODEL.json
    std::int64_t parameters = 0;
    std::int64_t floatBits = 0;
    std::int64_t quantizedBits = 0;     // equal to floatBits for a float model
    int quantizableLayers = 0;
    int batchNorms = 0;
    int activationQuantizers = 0;
    std::string metaJson;               // checkpoint metadata ("{}" for PyTorch files)
    std::vector<LayerSummary> layers;   // in forward/registration order
};

// Loads the file and describes it. Throws zsq::InputError (common/error.h)
// with a one-line message for anything that is not a loadable model.
// `preprocessingJson`: overrides in the run config's form
// ({"preprocessing": {"mean": [0.5], ...}}, "" = none), named `source` in messages.
ModelSummary summarizeModelFile(const std::string& path, const std::string& arch = "",
                                const std::string& preprocessingJson = "", const std::string& source = "GUI");

// Path of the shipped demo model; throws InputError when it is missing.
std::string demoModelPath();

} // namespace zsq::api
