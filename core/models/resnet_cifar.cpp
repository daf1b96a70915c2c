#include "models/resnet_cifar.h"

namespace zsq::models {

namespace {

// pytorchcv ResUnit: body.conv1 (ConvBlock + ReLU), body.conv2 (ConvBlock, no
// activation), optional identity_conv (1x1 ConvBlock), ReLU after the add.
class ResUnitImpl : public torch::nn::Module {
public:
    ResUnitImpl(std::int64_t in, std::int64_t out, std::int64_t stride)
    {
        auto body = addContainer(*this, "body");
        conv1 = body->register_module("conv1", ConvBlock(Conv2dSpec{in, out, 3, stride, 1}, Activation::ReLU));
        conv2 = body->register_module("conv2", ConvBlock(Conv2dSpec{out, out, 3, 1, 1}, Activation::None));
        if (in != out || stride != 1)
            identity = register_module("identity_conv",
                                       ConvBlock(Conv2dSpec{in, out, 1, stride, 0}, Activation::None));
        activ = register_module("activ", ActQuant());
    }

    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture)
    {
        torch::Tensor shortcut = identity ? identity->forward(x, capture) : x;
        torch::Tensor y = conv2->forward(conv1->forward(x, capture), capture);
        return activate(y + shortcut, Activation::ReLU, activ);
    }

private:
    ConvBlock conv1{nullptr}, conv2{nullptr}, identity{nullptr};
    ActQuant activ{nullptr};
};
TORCH_MODULE(ResUnit);

class CifarResNetImpl : public ZooModelImpl {
public:
    CifarResNetImpl(const ModelInfo& info, const CifarResNetConfig& cfg) : ZooModelImpl(info)
    {
        auto features = addContainer(*this, "features");
        initBlock = features->register_module(
            "init_block", ConvBlock(Conv2dSpec{cfg.inChannels, cfg.initChannels, 3, 1, 1}, Activation::ReLU));
        std::int64_t in = cfg.initChannels;
        for (std::size_t s = 0; s < cfg.widths.size(); ++s) {
            auto stage = addContainer(*features, "stage" + std::to_string(s + 1));
            for (std::int64_t u = 0; u < cfg.unitsPerStage; ++u) {
                const std::int64_t stride = u != 0 ? 1 : (s != 0 ? 2 : cfg.firstStageStride);
                units.push_back(stage->register_module("unit" + std::to_string(u + 1),
                                                       ResUnit(in, cfg.widths[s], stride)));
                in = cfg.widths[s];
            }
        }
        output = register_module("output", QLinear(in, info.numClasses));
        finishConstruction();
    }

protected:
    torch::Tensor forwardFeatures(const torch::Tensor& x, ForwardCapture* capture) override
    {
        torch::Tensor y = initBlock->forward(x, capture);
        for (auto& unit : units)
            y = unit->forward(y, capture);
        // pytorchcv uses AvgPool2d(8) on 8x8 maps; the adaptive form is the
        // same there and also serves 28x28 inputs (7x7 maps).
        return torch::adaptive_avg_pool2d(y, {1, 1}).flatten(1);
    }
    QLinearImpl& classifier() override { return *output; }

private:
    ConvBlock initBlock{nullptr};
    std::vector<ResUnit> units;
    QLinear output{nullptr};
};

} // namespace

ModelPtr makeCifarResNet(const ModelInfo& info, const CifarResNetConfig& config)
{
    return std::make_shared<CifarResNetImpl>(info, config);
}

} // namespace zsq::models
