#include "models/vgg.h"

#include "models/blocks.h"

namespace zsq::models {

namespace {

constexpr std::int64_t kPool = 0; // "M" in torchvision's cfgs
// torchvision's cfgs["D"] (VGG-16).
const std::int64_t kConfigD[] = {64,  64,  kPool, 128, 128, kPool, 256, 256, 256, kPool,
                                 512, 512, 512,   kPool, 512, 512, 512, kPool};
constexpr std::int64_t kHidden = 4096;
constexpr std::int64_t kPooledSize = 7;

// One conv + BN + ReLU of features, registered under torchvision's three
// indices: conv at N, BatchNorm at N+1, the ReLU's activation quantizer at N+2.
struct ConvUnit {
    QConv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    ActQuant act{nullptr};
    bool poolAfter = false;
};

class Vgg16BnImpl : public ZooModelImpl {
public:
    explicit Vgg16BnImpl(const ModelInfo& info) : ZooModelImpl(info)
    {
        auto features = addContainer(*this, "features");
        int index = 0;
        std::int64_t in = info.inChannels;
        for (std::int64_t v : kConfigD) {
            if (v == kPool) {
                units.back().poolAfter = true;
                ++index; // MaxPool2d has no parameters
                continue;
            }
            ConvUnit u;
            u.conv = features->register_module(std::to_string(index++), QConv2d(Conv2dSpec{in, v, 3, 1, 1, 1, 1, true}));
            u.bn = features->register_module(std::to_string(index++), makeBatchNorm(v));
            u.act = features->register_module(std::to_string(index++), ActQuant());
            units.push_back(u);
            in = v;
        }
        auto classifierContainer = addContainer(*this, "classifier");
        fc1 = classifierContainer->register_module("0", QLinear(in * kPooledSize * kPooledSize, kHidden));
        act1 = classifierContainer->register_module("1", ActQuant());
        fc2 = classifierContainer->register_module("3", QLinear(kHidden, kHidden));
        act2 = classifierContainer->register_module("4", ActQuant());
        fc3 = classifierContainer->register_module("6", QLinear(kHidden, info.numClasses));
        finishConstruction();
    }

protected:
    torch::Tensor forwardFeatures(const torch::Tensor& x, ForwardCapture* capture) override
    {
        torch::Tensor y = x;
        for (auto& u : units) {
            y = activate(runBn(u.bn, u.conv->forward(y), capture), Activation::ReLU, u.act);
            if (u.poolAfter)
                y = torch::max_pool2d(y, {2, 2}, {2, 2});
        }
        y = torch::adaptive_avg_pool2d(y, {kPooledSize, kPooledSize}).flatten(1);
        y = torch::dropout(activate(fc1->forward(y), Activation::ReLU, act1), 0.5, is_training());
        return torch::dropout(activate(fc2->forward(y), Activation::ReLU, act2), 0.5, is_training());
    }
    QLinearImpl& classifier() override { return *fc3; }

private:
    std::vector<ConvUnit> units;
    QLinear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
    ActQuant act1{nullptr}, act2{nullptr};
};

} // namespace

std::vector<int> vgg16BnConvIndices()
{
    std::vector<int> indices;
    int index = 0;
    for (std::int64_t v : kConfigD) {
        if (v == kPool) {
            ++index;
            continue;
        }
        indices.push_back(index);
        index += 3;
    }
    return indices;
}

ModelPtr makeVgg16Bn(const ModelInfo& info)
{
    return std::make_shared<Vgg16BnImpl>(info);
}

} // namespace zsq::models
