#include "models/mobilenet_v3.h"

#include "models/blocks.h"

namespace zsq::models {

namespace {

constexpr double kBnEps = 0.001;      // torchvision: partial(nn.BatchNorm2d, eps=0.001, momentum=0.01)
constexpr double kBnMomentum = 0.01;

// torchvision's _make_divisible(v, 8): nearest multiple of 8, at least 8,
// and never more than 10 % below v.
std::int64_t makeDivisible(double v, std::int64_t divisor = 8)
{
    std::int64_t rounded = std::max(divisor, static_cast<std::int64_t>(v + divisor / 2.0) / divisor * divisor);
    if (rounded < 0.9 * v)
        rounded += divisor;
    return rounded;
}

// torchvision.ops.SqueezeExcitation with scale_activation=Hardsigmoid:
// x * hardsigmoid(fc2(relu(fc1(avgpool(x))))). fc1/fc2 are 1x1 convolutions
// with bias (quantizable like any convolution); the activation quantizers
// carry the names of PyTorch's activation modules.
class SqueezeExcitationImpl : public torch::nn::Module {
public:
    SqueezeExcitationImpl(std::int64_t channels, std::int64_t squeeze)
    {
        fc1 = register_module("fc1", QConv2d(Conv2dSpec{channels, squeeze, 1, 1, 0, 1, 1, true}));
        fc2 = register_module("fc2", QConv2d(Conv2dSpec{squeeze, channels, 1, 1, 0, 1, 1, true}));
        activation = register_module("activation", ActQuant());
        scaleActivation = register_module("scale_activation", ActQuant());
    }

    torch::Tensor forward(const torch::Tensor& x)
    {
        torch::Tensor scale = torch::adaptive_avg_pool2d(x, {1, 1});
        scale = activate(fc1->forward(scale), Activation::ReLU, activation);
        scale = activate(fc2->forward(scale), Activation::Hardsigmoid, scaleActivation);
        return scale * x;
    }

private:
    QConv2d fc1{nullptr}, fc2{nullptr};
    ActQuant activation{nullptr}, scaleActivation{nullptr};
};
TORCH_MODULE(SqueezeExcitation);

struct BlockConfig {
    std::int64_t in, kernel, expanded, out;
    bool se;
    bool hardswish; // "HS" (else "RE": ReLU)
    std::int64_t stride;
};

// InvertedResidual: children under "block" are numbered as torchvision's
// Sequential: [expand 1x1 CNA]?, depth-wise kxk CNA, [SqueezeExcitation]?,
// project 1x1 CNA without activation.
class InvertedResidualImpl : public torch::nn::Module {
public:
    explicit InvertedResidualImpl(const BlockConfig& c) : useResidual_(c.stride == 1 && c.in == c.out)
    {
        const Activation act = c.hardswish ? Activation::Hardswish : Activation::ReLU;
        auto block = addContainer(*this, "block");
        int index = 0;
        if (c.expanded != c.in)
            expand = block->register_module(
                std::to_string(index++), ConvNormAct(Conv2dSpec{c.in, c.expanded, 1, 1, 0}, act, kBnEps, kBnMomentum));
        depthwise = block->register_module(
            std::to_string(index++),
            ConvNormAct(Conv2dSpec{c.expanded, c.expanded, c.kernel, c.stride, (c.kernel - 1) / 2, c.expanded}, act,
                        kBnEps, kBnMomentum));
        if (c.se)
            se = block->register_module(std::to_string(index++),
                                        SqueezeExcitation(c.expanded, makeDivisible(c.expanded / 4)));
        project = block->register_module(
            std::to_string(index++),
            ConvNormAct(Conv2dSpec{c.expanded, c.out, 1, 1, 0}, Activation::None, kBnEps, kBnMomentum));
    }

    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture)
    {
        torch::Tensor y = expand ? expand->forward(x, capture) : x;
        y = depthwise->forward(y, capture);
        if (se)
            y = se->forward(y);
        y = project->forward(y, capture);
        return useResidual_ ? y + x : y;
    }

private:
    bool useResidual_;
    ConvNormAct expand{nullptr}, depthwise{nullptr}, project{nullptr};
    SqueezeExcitation se{nullptr};
};
TORCH_MODULE(InvertedResidual);

class MobileNetV3LargeImpl : public ZooModelImpl {
public:
    explicit MobileNetV3LargeImpl(const ModelInfo& info) : ZooModelImpl(info)
    {
        // torchvision's _mobilenet_v3_conf("mobilenet_v3_large"): input
        // channels, kernel, expanded channels, output channels, SE,
        // Hardswish, stride.
        const BlockConfig settings[] = {
            {16, 3, 16, 16, false, false, 1},   {16, 3, 64, 24, false, false, 2},
            {24, 3, 72, 24, false, false, 1},   {24, 5, 72, 40, true, false, 2},
            {40, 5, 120, 40, true, false, 1},   {40, 5, 120, 40, true, false, 1},
            {40, 3, 240, 80, false, true, 2},   {80, 3, 200, 80, false, true, 1},
            {80, 3, 184, 80, false, true, 1},   {80, 3, 184, 80, false, true, 1},
            {80, 3, 480, 112, true, true, 1},   {112, 3, 672, 112, true, true, 1},
            {112, 5, 672, 160, true, true, 2},  {160, 5, 960, 160, true, true, 1},
            {160, 5, 960, 160, true, true, 1},
        };
        auto features = addContainer(*this, "features");
        int index = 0;
        stem = features->register_module(
            std::to_string(index++),
            ConvNormAct(Conv2dSpec{info.inChannels, 16, 3, 2, 1}, Activation::Hardswish, kBnEps, kBnMomentum));
        for (const BlockConfig& c : settings)
            blocks.push_back(features->register_module(std::to_string(index++), InvertedResidual(c)));
        head = features->register_module(
            std::to_string(index++),
            ConvNormAct(Conv2dSpec{160, 960, 1, 1, 0}, Activation::Hardswish, kBnEps, kBnMomentum));
        // classifier: 0 Linear, 1 Hardswish (its quantizer has that name),
        // 2 Dropout, 3 Linear.
        auto classifierContainer = addContainer(*this, "classifier");
        hidden = classifierContainer->register_module("0", QLinear(960, 1280));
        hiddenAct = classifierContainer->register_module("1", ActQuant());
        fc = classifierContainer->register_module("3", QLinear(1280, info.numClasses));
        finishConstruction();
    }

protected:
    torch::Tensor forwardFeatures(const torch::Tensor& x, ForwardCapture* capture) override
    {
        torch::Tensor y = stem->forward(x, capture);
        for (auto& block : blocks)
            y = block->forward(y, capture);
        y = head->forward(y, capture);
        y = torch::adaptive_avg_pool2d(y, {1, 1}).flatten(1);
        y = activate(hidden->forward(y), Activation::Hardswish, hiddenAct);
        return torch::dropout(y, 0.2, is_training());
    }
    QLinearImpl& classifier() override { return *fc; }

private:
    ConvNormAct stem{nullptr}, head{nullptr};
    std::vector<InvertedResidual> blocks;
    QLinear hidden{nullptr}, fc{nullptr};
    ActQuant hiddenAct{nullptr};
};

} // namespace

ModelPtr makeMobileNetV3Large(const ModelInfo& info)
{
    return std::make_shared<MobileNetV3LargeImpl>(info);
}

} // namespace zsq::models
