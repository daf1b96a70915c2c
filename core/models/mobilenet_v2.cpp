#include "models/mobilenet_v2.h"

#include "models/blocks.h"

namespace zsq::models {

namespace {

// InvertedResidual: children under "conv" are numbered as torchvision's
// Sequential: [expand 1x1 CNA]?, depth-wise 3x3 CNA, project 1x1 conv, bn.
class InvertedResidualImpl : public torch::nn::Module {
public:
    InvertedResidualImpl(std::int64_t in, std::int64_t out, std::int64_t stride, std::int64_t expand)
        : useResidual_(stride == 1 && in == out)
    {
        const std::int64_t hidden = in * expand;
        auto conv = addContainer(*this, "conv");
        int index = 0;
        if (expand != 1)
            expandBlock = conv->register_module(std::to_string(index++),
                                                ConvNormAct(Conv2dSpec{in, hidden, 1, 1, 0}, Activation::ReLU6));
        depthwise = conv->register_module(std::to_string(index++),
                                          ConvNormAct(Conv2dSpec{hidden, hidden, 3, stride, 1, hidden}, Activation::ReLU6));
        project = conv->register_module(std::to_string(index++), QConv2d(Conv2dSpec{hidden, out, 1, 1, 0}));
        projectBn = conv->register_module(std::to_string(index++), makeBatchNorm(out));
    }

    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture)
    {
        torch::Tensor y = expandBlock ? expandBlock->forward(x, capture) : x;
        y = depthwise->forward(y, capture);
        y = runBn(projectBn, project->forward(y), capture);
        return useResidual_ ? x + y : y;
    }

private:
    bool useResidual_;
    ConvNormAct expandBlock{nullptr}, depthwise{nullptr};
    QConv2d project{nullptr};
    torch::nn::BatchNorm2d projectBn{nullptr};
};
TORCH_MODULE(InvertedResidual);

class MobileNetV2Impl : public ZooModelImpl {
public:
    explicit MobileNetV2Impl(const ModelInfo& info) : ZooModelImpl(info)
    {
        struct Setting { std::int64_t expand, channels, repeats, stride; };
        const Setting settings[] = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2},
                                    {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        auto features = addContainer(*this, "features");
        int index = 0;
        stem = features->register_module(std::to_string(index++),
                                         ConvNormAct(Conv2dSpec{info.inChannels, 32, 3, 2, 1}, Activation::ReLU6));
        std::int64_t in = 32;
        for (const Setting& s : settings) {
            for (std::int64_t r = 0; r < s.repeats; ++r) {
                blocks.push_back(features->register_module(
                    std::to_string(index++), InvertedResidual(in, s.channels, r == 0 ? s.stride : 1, s.expand)));
                in = s.channels;
            }
        }
        head = features->register_module(std::to_string(index++),
                                         ConvNormAct(Conv2dSpec{in, 1280, 1, 1, 0}, Activation::ReLU6));
        // classifier.0 is a Dropout (no parameters), classifier.1 the Linear.
        auto classifierContainer = addContainer(*this, "classifier");
        fc = classifierContainer->register_module("1", QLinear(1280, info.numClasses));
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
        return torch::dropout(y, 0.2, is_training());
    }
    QLinearImpl& classifier() override { return *fc; }

private:
    ConvNormAct stem{nullptr}, head{nullptr};
    std::vector<InvertedResidual> blocks;
    QLinear fc{nullptr};
};

} // namespace

ModelPtr makeMobileNetV2(const ModelInfo& info)
{
    return std::make_shared<MobileNetV2Impl>(info);
}

} // namespace zsq::models
