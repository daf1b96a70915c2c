#pragma once
// The building blocks every zoo model is made of: a convolution and a linear
// layer whose weights can be fake-quantized in place, and an activation
// quantizer that follows each ReLU/ReLU6. Their parameters are registered
// under PyTorch's names ("weight", "bias"), and the activation quantizer
// registers nothing, so a model's state_dict keys equal PyTorch's exactly.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "quant/fake_quant.h"

namespace zsq::models {

// Per-layer weight quantization setting; bits == 0 keeps full precision.
struct WeightQuantSetting {
    int bits = 0;
    bool perChannel = true;
    // A fixed range ([out] per channel or [1]) set by range search or
    // reconstruction; undefined: the weight's min/max at every forward (the
    // papers' quantizer).
    torch::Tensor lo, hi;
    bool fixedRange() const { return lo.defined() && hi.defined(); }
    // While defined, the forward pass uses this (differentiable) weight
    // instead of quantizing `weight`: block reconstruction puts AdaRound's
    // soft weight here for each step (engine/block_reconstruction.h).
    torch::Tensor trainingWeight;
};

struct Conv2dSpec {
    std::int64_t in = 0, out = 0, kernel = 1, stride = 1, padding = 0, groups = 1, dilation = 1;
    bool bias = false;
};

class QConv2dImpl : public torch::nn::Module {
public:
    explicit QConv2dImpl(const Conv2dSpec& spec);
    torch::Tensor forward(const torch::Tensor& x);
    // The weight the forward pass uses: quantized when a setting is active.
    torch::Tensor effectiveWeight() const;

    Conv2dSpec spec;
    WeightQuantSetting quant;
    torch::Tensor weight;
    torch::Tensor bias; // undefined when spec.bias is false
};
TORCH_MODULE(QConv2d);

class QLinearImpl : public torch::nn::Module {
public:
    QLinearImpl(std::int64_t in, std::int64_t out, bool bias = true);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor effectiveWeight() const;

    std::int64_t in, out;
    WeightQuantSetting quant;
    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(QLinear);

// Activation quantizer placed after a ReLU/ReLU6.
//   Off        : identity
//   Calibrate  : update the EMA of batch min/max, quantize with the current range
//   Frozen     : quantize with the stored range
class ActQuantImpl : public torch::nn::Module {
public:
    enum class Mode { Off, Calibrate, Frozen };
    ActQuantImpl() = default;
    torch::Tensor forward(const torch::Tensor& x);

    Mode mode = Mode::Off;
    int bits = 0;
    quant::RangeEma range{0.9};
    // While both are defined (block reconstruction), a Frozen quantizer uses
    // these learnable 0-dim range ends instead of `range`, with gradients to
    // both (LSQ+, quant/learned_quant.h), and keeps each element in float
    // with probability `dropProbability` (QDrop).
    torch::Tensor learnedLo, learnedHi;
    double dropProbability = 0;
};
TORCH_MODULE(ActQuant);

// While an instance is alive, every QConv2d/QLinear forward on this thread
// appends (layer, output) to it: the per-layer analysis compares FP and
// quantized outputs layer by layer without a hook in every model.
class LayerOutputRecorder {
public:
    LayerOutputRecorder();
    ~LayerOutputRecorder();
    LayerOutputRecorder(const LayerOutputRecorder&) = delete;
    LayerOutputRecorder& operator=(const LayerOutputRecorder&) = delete;

    std::vector<std::pair<const torch::nn::Module*, torch::Tensor>> outputs;
    // Called by the layers; a no-op when no recorder is active.
    static void record(const torch::nn::Module* layer, const torch::Tensor& output);

private:
    LayerOutputRecorder* previous_;
};

// The same for the layers' inputs (reconstruction collects a layer's
// calibration inputs with it).
class LayerInputRecorder {
public:
    LayerInputRecorder();
    ~LayerInputRecorder();
    LayerInputRecorder(const LayerInputRecorder&) = delete;
    LayerInputRecorder& operator=(const LayerInputRecorder&) = delete;

    // Only this layer's inputs are kept (nullptr: every layer's).
    const torch::nn::Module* only = nullptr;
    // With `only` set: throw ForwardStopped once its input is recorded, so
    // that a caller who needs nothing after it skips the rest of the model.
    bool stopAfterOnly = false;
    struct ForwardStopped {};
    std::vector<std::pair<const torch::nn::Module*, torch::Tensor>> inputs;
    static void record(const torch::nn::Module* layer, const torch::Tensor& input);

private:
    LayerInputRecorder* previous_;
};

// Kaiming-normal (fan_out, ReLU) as torchvision initialises convolutions.
void initConvKaiming(QConv2dImpl& conv);

} // namespace zsq::models
