#pragma once
// Base class of every model in the zoo. A model exposes, without hooks:
//   - the input of each BatchNorm, in forward order (for BN-statistics losses),
//   - the penultimate feature vector and the classifier weights (class centres),
//   - its quantizable layers and activation quantizers under stable names
//     (the PyTorch module paths, e.g. "layer1.0.conv1").
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>

#include "models/quant_layers.h"

namespace zsq::models {

// What a model is and what input it expects (normalisation included: models
// consume normalised tensors, datasets and generators produce them).
// The preprocessing fields (input size .. classNames) are part of the model:
// a file that does not carry them gets them from a sidecar JSON, the run
// config or the command line (models/preprocessing.h).
struct ModelInfo {
    std::string arch;              // zoo name: resnet18, resnet20, mobilenet_v2, fmnist, ...
    std::int64_t numClasses = 0;
    std::int64_t inChannels = 3;
    std::int64_t inputSize = 224;  // square H = W; 0: the data's own size (fully convolutional)
    std::vector<double> mean;      // per channel
    std::vector<double> stdev;     // per channel
    // How a dataset image of another size becomes inputSize: "none" (it must
    // already be inputSize), "resize" (bilinear, whole image) or
    // "resize_crop" (shorter side to resizeSize, then the centre crop).
    std::string resize = "resize";
    std::int64_t resizeSize = 0;   // resize_crop only; 0: inputSize / 0.875 (256 for 224)
    std::vector<std::string> classNames; // empty: unknown (the dataset's are shown)
    // Where the preprocessing came from, for messages: "checkpoint",
    // "sidecar r20.json", "assumed (resnet20 defaults)", ...
    std::string preprocessingSource;
    // True while nothing but the architecture's defaults backs mean/std.
    bool preprocessingAssumed = false;
};

// One BatchNorm's input, captured during a forward pass.
struct BnInput {
    torch::nn::BatchNorm2dImpl* bn = nullptr;
    torch::Tensor input;
};

// What the caller wants captured from a forward pass.
struct ForwardCapture {
    bool captureBnInputs = false;
    std::vector<BnInput> bnInputs;   // filled when captureBnInputs
    torch::Tensor features;          // penultimate features, always filled
};

struct NamedQuantLayer {
    std::string name;
    std::string kind;                // "conv" or "linear"
    QConv2dImpl* conv = nullptr;     // one of conv / linear is set
    QLinearImpl* linear = nullptr;
    WeightQuantSetting& setting() { return conv ? conv->quant : linear->quant; }
    torch::Tensor weight() const { return conv ? conv->weight : linear->weight; }
};

struct NamedActQuant {
    std::string name;
    ActQuantImpl* act = nullptr;
};

class ZooModelImpl : public torch::nn::Module {
public:
    explicit ZooModelImpl(ModelInfo info) : info_(std::move(info)) {}

    // Logits; fills `capture` when given.
    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture = nullptr);

    const ModelInfo& info() const { return info_; }
    // Replaces the preprocessing fields (input size, resize policy, mean/std,
    // class names, their source); the architecture, classes and channels
    // must stay as they are.
    void setPreprocessing(const ModelInfo& from);
    // The classifier's weight matrix [classes, features]: one row per class centre.
    torch::Tensor classifierWeight();

    // Valid after finishConstruction(); pointers live as long as the model.
    std::vector<NamedQuantLayer>& quantLayers() { return quantLayers_; }
    std::vector<NamedActQuant>& actQuants() { return actQuants_; }
    std::vector<std::pair<std::string, torch::nn::BatchNorm2dImpl*>> batchNorms();

protected:
    // Penultimate features [N, F].
    virtual torch::Tensor forwardFeatures(const torch::Tensor& x, ForwardCapture* capture) = 0;
    virtual QLinearImpl& classifier() = 0;

    // Subclasses call this at the end of their constructor: it indexes the
    // quantizable layers and activation quantizers by name.
    void finishConstruction();

private:
    ModelInfo info_;
    std::vector<NamedQuantLayer> quantLayers_;
    std::vector<NamedActQuant> actQuants_;
};

using ModelPtr = std::shared_ptr<ZooModelImpl>;

// Runs a BatchNorm, recording its input when the capture asks for it. Every
// block of every zoo model calls its BatchNorms through this.
torch::Tensor runBn(torch::nn::BatchNorm2d& module, const torch::Tensor& x, ForwardCapture* capture);

// A child container whose only job is to reproduce PyTorch's module paths
// ("features.stage1.unit1...", "layer1.0...").
std::shared_ptr<torch::nn::Module> addContainer(torch::nn::Module& parent, const std::string& name);

// BatchNorm with PyTorch's defaults and weight 1 / bias 0.
torch::nn::BatchNorm2d makeBatchNorm(std::int64_t channels);

} // namespace zsq::models
