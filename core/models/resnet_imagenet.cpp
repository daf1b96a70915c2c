#include "models/resnet_imagenet.h"

#include "common/error.h"
#include "models/blocks.h"

namespace zsq::models {

namespace {

// A residual block of either kind. conv3/bn3 exist only in bottlenecks.
class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(std::int64_t in, std::int64_t planes, std::int64_t stride, bool bottleneck)
        : bottleneck_(bottleneck)
    {
        const std::int64_t out = bottleneck ? planes * 4 : planes;
        if (bottleneck) {
            conv1 = register_module("conv1", QConv2d(Conv2dSpec{in, planes, 1, 1, 0}));
            bn1 = register_module("bn1", makeBatchNorm(planes));
            conv2 = register_module("conv2", QConv2d(Conv2dSpec{planes, planes, 3, stride, 1}));
            bn2 = register_module("bn2", makeBatchNorm(planes));
            conv3 = register_module("conv3", QConv2d(Conv2dSpec{planes, out, 1, 1, 0}));
            bn3 = register_module("bn3", makeBatchNorm(out));
        } else {
            conv1 = register_module("conv1", QConv2d(Conv2dSpec{in, planes, 3, stride, 1}));
            bn1 = register_module("bn1", makeBatchNorm(planes));
            conv2 = register_module("conv2", QConv2d(Conv2dSpec{planes, planes, 3, 1, 1}));
            bn2 = register_module("bn2", makeBatchNorm(planes));
        }
        if (stride != 1 || in != out) {
            auto downsample = addContainer(*this, "downsample");
            dsConv = downsample->register_module("0", QConv2d(Conv2dSpec{in, out, 1, stride, 0}));
            dsBn = downsample->register_module("1", makeBatchNorm(out));
        }
        act1 = register_module("act1", ActQuant());
        act2 = register_module("act2", ActQuant());
        if (bottleneck)
            act3 = register_module("act3", ActQuant());
    }

    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture)
    {
        torch::Tensor shortcut = dsConv ? runBn(dsBn, dsConv->forward(x), capture) : x;
        torch::Tensor y = activate(runBn(bn1, conv1->forward(x), capture), Activation::ReLU, act1);
        if (bottleneck_) {
            y = activate(runBn(bn2, conv2->forward(y), capture), Activation::ReLU, act2);
            y = runBn(bn3, conv3->forward(y), capture);
            return activate(y + shortcut, Activation::ReLU, act3);
        }
        y = runBn(bn2, conv2->forward(y), capture);
        return activate(y + shortcut, Activation::ReLU, act2);
    }

private:
    bool bottleneck_;
    QConv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, dsConv{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr}, dsBn{nullptr};
    ActQuant act1{nullptr}, act2{nullptr}, act3{nullptr};
};
TORCH_MODULE(Block);

class TorchvisionResNetImpl : public ZooModelImpl {
public:
    TorchvisionResNetImpl(const ModelInfo& info, const std::vector<int>& layers, bool bottleneck)
        : ZooModelImpl(info)
    {
        conv1 = register_module("conv1", QConv2d(Conv2dSpec{info.inChannels, 64, 7, 2, 3}));
        bn1 = register_module("bn1", makeBatchNorm(64));
        act1 = register_module("act1", ActQuant());
        std::int64_t in = 64;
        const std::int64_t planes[4] = {64, 128, 256, 512};
        for (int l = 0; l < 4; ++l) {
            auto layer = addContainer(*this, "layer" + std::to_string(l + 1));
            for (int b = 0; b < layers[l]; ++b) {
                const std::int64_t stride = (b == 0 && l > 0) ? 2 : 1;
                blocks.push_back(layer->register_module(std::to_string(b), Block(in, planes[l], stride, bottleneck)));
                in = bottleneck ? planes[l] * 4 : planes[l];
            }
        }
        fc = register_module("fc", QLinear(in, info.numClasses));
        finishConstruction();
    }

protected:
    torch::Tensor forwardFeatures(const torch::Tensor& x, ForwardCapture* capture) override
    {
        torch::Tensor y = activate(runBn(bn1, conv1->forward(x), capture), Activation::ReLU, act1);
        y = torch::max_pool2d(y, {3, 3}, {2, 2}, {1, 1});
        for (auto& block : blocks)
            y = block->forward(y, capture);
        return torch::adaptive_avg_pool2d(y, {1, 1}).flatten(1);
    }
    QLinearImpl& classifier() override { return *fc; }

private:
    QConv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    ActQuant act1{nullptr};
    std::vector<Block> blocks;
    QLinear fc{nullptr};
};

} // namespace

ModelPtr makeTorchvisionResNet(const ModelInfo& info, int depth)
{
    switch (depth) {
    case 18: return std::make_shared<TorchvisionResNetImpl>(info, std::vector<int>{2, 2, 2, 2}, false);
    case 34: return std::make_shared<TorchvisionResNetImpl>(info, std::vector<int>{3, 4, 6, 3}, false);
    case 50: return std::make_shared<TorchvisionResNetImpl>(info, std::vector<int>{3, 4, 6, 3}, true);
    case 101: return std::make_shared<TorchvisionResNetImpl>(info, std::vector<int>{3, 4, 23, 3}, true);
    default: throw InputError("unsupported ResNet depth " + std::to_string(depth) + " (18, 34, 50 or 101)");
    }
}

} // namespace zsq::models
