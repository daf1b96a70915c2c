#include "models/zoo.h"

#include "common/error.h"
#include "io/state_dict.h"
#include "quant/model_quantizer.h"
#include "models/mobilenet_v2.h"
#include "models/mobilenet_v3.h"
#include "models/resnet_cifar.h"
#include "models/resnet_imagenet.h"
#include "models/vgg.h"

namespace zsq::models {

namespace {
ModelInfo imagenetInfo(const std::string& arch)
{
    return ModelInfo{arch, 1000, 3, 224, {0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}};
}

// The Fashion-MNIST demo network: a CIFAR-style ResNet with one unit per
// stage (resnet8 layout), 24/48/96 channels, 1 input channel, the stem at
// 28x28 and the stages at 14, 7 and 4 pixels; ~0.17 M parameters and ~6 MMAC
// per image, so it trains on two CPU cores in minutes.
CifarResNetConfig fmnistConfig()
{
    CifarResNetConfig c;
    c.inChannels = 1;
    c.initChannels = 24;
    c.widths = {24, 48, 96};
    c.unitsPerStage = 1;
    c.firstStageStride = 2;
    return c;
}
} // namespace

const std::vector<ArchDescription>& architectures()
{
    static const std::vector<ArchDescription> list = {
        {"resnet18", "torchvision ResNet-18 (ImageNet, 224x224)", imagenetInfo("resnet18")},
        {"resnet34", "torchvision ResNet-34 (ImageNet, 224x224)", imagenetInfo("resnet34")},
        {"resnet50", "torchvision ResNet-50 (ImageNet, 224x224)", imagenetInfo("resnet50")},
        {"resnet101", "torchvision ResNet-101 (ImageNet, 224x224)", imagenetInfo("resnet101")},
        {"mobilenet_v2", "torchvision MobileNet-V2 (ImageNet, 224x224)", imagenetInfo("mobilenet_v2")},
        {"mobilenet_v3_large", "torchvision MobileNet-V3-Large (ImageNet, 224x224)",
         imagenetInfo("mobilenet_v3_large")},
        {"vgg16_bn", "torchvision VGG-16 with BatchNorm, 4096-wide classifier (ImageNet, 224x224)",
         imagenetInfo("vgg16_bn")},
        {"resnet20", "pytorchcv resnet20_cifar10/100 (32x32)",
         ModelInfo{"resnet20", 10, 3, 32, {0.4914, 0.4822, 0.4465}, {0.2023, 0.1994, 0.2010}}},
        {"resnet56", "pytorchcv resnet56_cifar10/100 (32x32, 9 units per stage)",
         ModelInfo{"resnet56", 10, 3, 32, {0.4914, 0.4822, 0.4465}, {0.2023, 0.1994, 0.2010}}},
        {"resnet110", "pytorchcv resnet110_cifar10/100 (32x32, 18 units per stage)",
         ModelInfo{"resnet110", 10, 3, 32, {0.4914, 0.4822, 0.4465}, {0.2023, 0.1994, 0.2010}}},
        {"fmnist", "ZSQ demo ResNet-8 for Fashion-MNIST (1x28x28)",
         ModelInfo{"fmnist", 10, 1, 28, {0.2860}, {0.3530}}},
    };
    return list;
}

bool isKnownArch(const std::string& name)
{
    for (const auto& a : architectures())
        if (a.name == name)
            return true;
    return false;
}

ModelInfo defaultInfo(const std::string& arch, std::int64_t numClasses, std::int64_t inChannels)
{
    for (const auto& a : architectures()) {
        if (a.name != arch)
            continue;
        ModelInfo info = a.defaults;
        if (numClasses > 0)
            info.numClasses = numClasses;
        if (inChannels > 0 && inChannels != info.inChannels) {
            info.inChannels = inChannels;
            info.mean.assign(inChannels, info.mean.empty() ? 0.0 : info.mean[0]);
            info.stdev.assign(inChannels, info.stdev.empty() ? 1.0 : info.stdev[0]);
        }
        return info;
    }
    std::string known;
    for (const auto& a : architectures())
        known += (known.empty() ? "" : ", ") + a.name;
    throw InputError("unknown architecture '" + arch + "' (known: " + known + ")");
}

ModelPtr createModel(const ModelInfo& info)
{
    if (info.numClasses < 1)
        throw InputError("a model needs at least one class");
    if (info.arch == "resnet18")
        return makeTorchvisionResNet(info, 18);
    if (info.arch == "resnet34")
        return makeTorchvisionResNet(info, 34);
    if (info.arch == "resnet50")
        return makeTorchvisionResNet(info, 50);
    if (info.arch == "resnet101")
        return makeTorchvisionResNet(info, 101);
    if (info.arch == "mobilenet_v2")
        return makeMobileNetV2(info);
    if (info.arch == "mobilenet_v3_large")
        return makeMobileNetV3Large(info);
    if (info.arch == "vgg16_bn")
        return makeVgg16Bn(info);
    if (info.arch == "resnet20" || info.arch == "resnet56" || info.arch == "resnet110") {
        CifarResNetConfig c; // pytorchcv: 3, 9 or 18 units per stage
        c.inChannels = info.inChannels;
        c.unitsPerStage = info.arch == "resnet20" ? 3 : info.arch == "resnet56" ? 9 : 18;
        return makeCifarResNet(info, c);
    }
    if (info.arch == "fmnist") {
        CifarResNetConfig c = fmnistConfig();
        c.inChannels = info.inChannels;
        return makeCifarResNet(info, c);
    }
    defaultInfo(info.arch); // throws the "unknown architecture" message
    return nullptr;
}

ModelPtr cloneModel(ZooModelImpl& model)
{
    ModelPtr copy = createModel(model.info());
    io::TensorMap state;
    for (const auto& [key, tensor] : io::stateDict(model))
        state[key] = tensor.detach().to(torch::kCPU);
    io::loadStateDict(*copy, state);
    quant::quantStateFromJson(*copy, quant::quantStateToJson(model));
    copy->train(model.is_training());
    return copy;
}

} // namespace zsq::models
