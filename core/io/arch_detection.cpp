#include "io/arch_detection.h"

#include <algorithm>
#include <set>

#include "common/error.h"
#include "models/vgg.h"
#include "models/zoo.h"

namespace zsq::io {

namespace {

bool startsWith(const std::string& s, const std::string& prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

std::string listKeys(const TensorMap& tensors, std::size_t count = 3)
{
    std::string text;
    std::size_t i = 0;
    for (const auto& [key, t] : tensors) {
        if (i == count)
            break;
        text += (i++ ? ", " : "") + key;
    }
    return text.empty() ? "no keys" : text;
}

int countPrefixed(const TensorMap& tensors, const std::string& prefix)
{
    // Counts distinct "<prefix><index>." children, e.g. "layer3.0.", "layer3.1.".
    std::set<std::string> children;
    for (const auto& [key, t] : tensors) {
        if (!startsWith(key, prefix))
            continue;
        const std::string rest = key.substr(prefix.size());
        children.insert(rest.substr(0, rest.find('.')));
    }
    return static_cast<int>(children.size());
}

std::int64_t dimOf(const TensorMap& tensors, const std::string& key, int dim)
{
    auto it = tensors.find(key);
    if (it == tensors.end() || it->second.dim() <= dim)
        throw InputError("expected tensor '" + key + "' is missing or malformed");
    return it->second.size(dim);
}

bool has(const TensorMap& t, const std::string& key)
{
    return t.count(key) > 0;
}

std::string shapeOf(const TensorMap& t, const std::string& key)
{
    auto it = t.find(key);
    return it == t.end() ? "none" : c10::str(it->second.sizes());
}

// pytorchcv's CIFAR ResNets: features.init_block, features.stageS.unitU,
// output. Told apart by units per stage (and the demo network by its stem).
models::ModelInfo detectCifarResNet(const TensorMap& t)
{
    const int units = countPrefixed(t, "features.stage1.unit");
    const int stages = countPrefixed(t, "features.stage");
    const std::int64_t classes = dimOf(t, "output.weight", 0);
    const std::int64_t inChannels = dimOf(t, "features.init_block.conv.weight", 1);
    if (has(t, "features.stage1.unit1.body.conv3.conv.weight"))
        throw InputError("a pytorchcv CIFAR ResNet with bottleneck units (" + std::to_string(units) +
                         " per stage): not in the zoo (resnet20/56/110 have 3/9/18 basic units)");
    if (stages != 3)
        throw InputError("a pytorchcv CIFAR ResNet with " + std::to_string(stages) +
                         " stages: not in the zoo (resnet20/56/110 have 3)");
    if (units == 1 && dimOf(t, "features.init_block.conv.weight", 0) == 24)
        return models::defaultInfo("fmnist", classes, inChannels);
    if (units == 3)
        return models::defaultInfo("resnet20", classes, inChannels);
    if (units == 9)
        return models::defaultInfo("resnet56", classes, inChannels);
    if (units == 18)
        return models::defaultInfo("resnet110", classes, inChannels);
    throw InputError("a pytorchcv CIFAR ResNet with " + std::to_string(units) +
                     " units per stage: not in the zoo (resnet20/56/110 have 3/9/18)");
}

// torchvision ResNets: conv1, layerL.B, fc. Told apart by block kind and the
// number of blocks in layer3.
models::ModelInfo detectTorchvisionResNet(const TensorMap& t)
{
    const bool bottleneck = has(t, "layer1.0.conv3.weight");
    const int blocks3 = countPrefixed(t, "layer3.");
    const std::int64_t classes = dimOf(t, "fc.weight", 0);
    const std::int64_t inChannels = dimOf(t, "conv1.weight", 1);
    if (!bottleneck && blocks3 == 2)
        return models::defaultInfo("resnet18", classes, inChannels);
    if (!bottleneck && blocks3 == 6)
        return models::defaultInfo("resnet34", classes, inChannels);
    if (bottleneck && blocks3 == 6)
        return models::defaultInfo("resnet50", classes, inChannels);
    if (bottleneck && blocks3 == 23)
        return models::defaultInfo("resnet101", classes, inChannels);
    throw InputError("a torchvision ResNet with " + std::to_string(blocks3) +
                     (bottleneck ? " bottleneck" : " basic") +
                     " blocks in layer3: not in the zoo (resnet18/34 have 2/6 basic blocks, resnet50/101 have "
                     "6/23 bottleneck blocks)");
}

// torchvision MobileNet-V3: features.N.block..., classifier.0 and .3 Linears.
models::ModelInfo detectMobileNetV3(const TensorMap& t)
{
    const int features = countPrefixed(t, "features.");
    const std::int64_t head = has(t, "features.16.0.weight") ? dimOf(t, "features.16.0.weight", 0) : 0;
    if (features == 17 && head == 960 && dimOf(t, "classifier.0.weight", 0) == 1280)
        return models::defaultInfo("mobilenet_v3_large", dimOf(t, "classifier.3.weight", 0),
                                   dimOf(t, "features.0.0.weight", 1));
    if (features == 13)
        throw InputError("a torchvision MobileNet-V3 with 13 feature modules (mobilenet_v3_small): not in the zoo "
                         "(mobilenet_v3_large has 17)");
    throw InputError("a torchvision MobileNet-V3 with " + std::to_string(features) + " feature modules, a " +
                     (head ? std::to_string(head) : std::string("missing")) + "-channel head (features.16) and " +
                     "classifier.0 " + shapeOf(t, "classifier.0.weight") +
                     ": not in the zoo (mobilenet_v3_large has 17, a 960-channel head and classifier.0 [1280, "
                     "960])");
}

// torchvision VGG: features.N (conv with bias, [BatchNorm], ReLU, MaxPool
// after each stage), classifier.0/3/6. Told apart by where the convolutions
// sit in features and whether BatchNorms follow them.
models::ModelInfo detectVgg(const TensorMap& t)
{
    std::vector<int> convs;
    for (const auto& [key, tensor] : t) {
        if (!startsWith(key, "features.") || tensor.dim() != 4)
            continue;
        const std::string rest = key.substr(9);
        const std::size_t dot = rest.find('.');
        if (dot == std::string::npos || rest.substr(dot) != ".weight")
            continue;
        try {
            convs.push_back(std::stoi(rest.substr(0, dot)));
        } catch (const std::exception&) {
        }
    }
    std::sort(convs.begin(), convs.end());
    bool batchNorms = !convs.empty();
    for (int index : convs)
        if (!has(t, "features." + std::to_string(index + 1) + ".running_mean"))
            batchNorms = false;
    const std::string name = "vgg" + std::to_string(convs.size() + 3) + (batchNorms ? "_bn" : "");
    const std::string what = "a torchvision VGG with " + std::to_string(convs.size()) + " convolutions" +
                             (batchNorms ? " and BatchNorm" : " without BatchNorm") + " (" + name + ")";
    if (!batchNorms || convs != models::vgg16BnConvIndices())
        throw InputError(what + ": not in the zoo (vgg16_bn has 13 convolutions, each followed by BatchNorm)");
    const std::string fc0 = shapeOf(t, "classifier.0.weight"), fc3 = shapeOf(t, "classifier.3.weight");
    if (fc0 != "[4096, 25088]" || fc3 != "[4096, 4096]")
        throw InputError("a torchvision vgg16_bn with classifier.0 " + fc0 + " and classifier.3 " + fc3 +
                         ": not in the zoo (vgg16_bn has torchvision's [4096, 25088] and [4096, 4096])");
    return models::defaultInfo("vgg16_bn", dimOf(t, "classifier.6.weight", 0), dimOf(t, "features.0.weight", 1));
}

} // namespace

models::ModelInfo detectArchitecture(const TensorMap& t)
{
    if (has(t, "features.init_block.conv.weight"))
        return detectCifarResNet(t);
    if (has(t, "layer1.0.conv1.weight") && has(t, "fc.weight"))
        return detectTorchvisionResNet(t);
    if (has(t, "features.0.0.weight") && has(t, "classifier.1.weight"))
        return models::defaultInfo("mobilenet_v2", dimOf(t, "classifier.1.weight", 0),
                                   dimOf(t, "features.0.0.weight", 1));
    if (has(t, "features.0.0.weight") && has(t, "classifier.3.weight"))
        return detectMobileNetV3(t);
    if (has(t, "features.0.weight") && has(t, "classifier.6.weight"))
        return detectVgg(t);
    throw InputError("cannot detect the architecture from the keys: not a pytorchcv CIFAR ResNet (no "
                     "features.init_block.conv.weight), torchvision ResNet (no layer1.0.conv1.weight and fc.weight), "
                     "MobileNet (no features.0.0.weight with classifier.1/.3.weight) or VGG (no features.0.weight "
                     "with classifier.6.weight); first keys: " +
                     listKeys(t) + "; pass --arch");
}

} // namespace zsq::io
