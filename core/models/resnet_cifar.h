#pragma once
// CIFAR-style ResNet with pytorchcv's module names (resnet20_cifar10/100 as
// used by GDFQ, ClusterQ and their successors; resnet56/110 are the same
// with 9/18 units per stage), generalised in input channels,
// stage widths and units per stage so the Fashion-MNIST demo network is the
// same family.
#include <vector>

#include "models/blocks.h"

namespace zsq::models {

struct CifarResNetConfig {
    std::int64_t inChannels = 3;
    std::int64_t initChannels = 16;
    std::vector<std::int64_t> widths{16, 32, 64};
    std::int64_t unitsPerStage = 3;
    std::int64_t firstStageStride = 1; // 2 halves the resolution after the stem
};

ModelPtr makeCifarResNet(const ModelInfo& info, const CifarResNetConfig& config);

} // namespace zsq::models
