#include "models/quant_layers.h"

#include "models/swing_convolution.h"
#include "quant/learned_quant.h"

#include <cmath>

#include <torch/nn/functional/conv.h>
#include <torch/nn/functional/linear.h>
#include <torch/nn/init.h>

namespace zsq::models {

QConv2dImpl::QConv2dImpl(const Conv2dSpec& s) : spec(s)
{
    weight = register_parameter(
        "weight", torch::empty({spec.out, spec.in / spec.groups, spec.kernel, spec.kernel}));
    if (spec.bias)
        bias = register_parameter("bias", torch::zeros({spec.out}));
    initConvKaiming(*this);
}

torch::Tensor QConv2dImpl::effectiveWeight() const
{
    if (quant.trainingWeight.defined())
        return quant.trainingWeight;
    if (quant.bits <= 0)
        return weight;
    if (quant.fixedRange())
        return quant::fakeQuantizeWeightInRange(weight, quant.lo, quant.hi, quant.bits);
    return quant::fakeQuantizeWeight(weight, quant.bits, quant.perChannel);
}

torch::Tensor QConv2dImpl::forward(const torch::Tensor& x)
{
    LayerInputRecorder::record(this, x);
    torch::Tensor y = torch::conv2d(SwingConvolution::shiftInput(x, spec.stride), effectiveWeight(), bias,
                                    {spec.stride, spec.stride},
                                    {spec.padding, spec.padding}, {spec.dilation, spec.dilation}, spec.groups);
    LayerOutputRecorder::record(this, y);
    return y;
}

QLinearImpl::QLinearImpl(std::int64_t inFeatures, std::int64_t outFeatures, bool withBias)
    : in(inFeatures), out(outFeatures)
{
    weight = register_parameter("weight", torch::empty({out, in}));
    // PyTorch's nn.Linear default: U(-1/sqrt(in), 1/sqrt(in)) for both.
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    torch::nn::init::uniform_(weight, -bound, bound);
    if (withBias) {
        bias = register_parameter("bias", torch::empty({out}));
        torch::nn::init::uniform_(bias, -bound, bound);
    }
}

torch::Tensor QLinearImpl::effectiveWeight() const
{
    if (quant.trainingWeight.defined())
        return quant.trainingWeight;
    if (quant.bits <= 0)
        return weight;
    if (quant.fixedRange())
        return quant::fakeQuantizeWeightInRange(weight, quant.lo, quant.hi, quant.bits);
    return quant::fakeQuantizeWeight(weight, quant.bits, quant.perChannel);
}

torch::Tensor QLinearImpl::forward(const torch::Tensor& x)
{
    LayerInputRecorder::record(this, x);
    torch::Tensor y = torch::linear(x, effectiveWeight(), bias);
    LayerOutputRecorder::record(this, y);
    return y;
}

torch::Tensor ActQuantImpl::forward(const torch::Tensor& x)
{
    LayerInputRecorder::record(this, x);
    if (mode == Mode::Off || bits <= 0)
        return x;
    if (mode == Mode::Calibrate)
        range.update(x);
    if (!range.initialized())
        return x;
    if (learnedLo.defined() && learnedHi.defined() && mode == Mode::Frozen) {
        const torch::Tensor q = quant::fakeQuantizeLearned(x, learnedLo, learnedHi, bits);
        return dropProbability > 0 ? torch::where(torch::rand_like(x) < dropProbability, x, q) : q;
    }
    range.to(x.device()); // a no-op unless the state was restored elsewhere
    return quant::fakeQuantize(x, range.lo(), range.hi(), bits);
}

namespace {
thread_local LayerOutputRecorder* activeRecorder = nullptr;
thread_local LayerInputRecorder* activeInputRecorder = nullptr;
} // namespace

LayerInputRecorder::LayerInputRecorder() : previous_(activeInputRecorder)
{
    activeInputRecorder = this;
}

LayerInputRecorder::~LayerInputRecorder()
{
    activeInputRecorder = previous_;
}

void LayerInputRecorder::record(const torch::nn::Module* layer, const torch::Tensor& input)
{
    if (activeInputRecorder && (!activeInputRecorder->only || activeInputRecorder->only == layer)) {
        activeInputRecorder->inputs.emplace_back(layer, input);
        if (activeInputRecorder->only && activeInputRecorder->stopAfterOnly)
            throw ForwardStopped{};
    }
}

LayerOutputRecorder::LayerOutputRecorder() : previous_(activeRecorder)
{
    activeRecorder = this;
}

LayerOutputRecorder::~LayerOutputRecorder()
{
    activeRecorder = previous_;
}

void LayerOutputRecorder::record(const torch::nn::Module* layer, const torch::Tensor& output)
{
    if (activeRecorder)
        activeRecorder->outputs.emplace_back(layer, output);
}

void initConvKaiming(QConv2dImpl& conv)
{
    torch::NoGradGuard noGrad;
    torch::nn::init::kaiming_normal_(conv.weight, 0.0, torch::kFanOut, torch::kReLU);
    if (conv.bias.defined())
        conv.bias.zero_();
}

} // namespace zsq::models
