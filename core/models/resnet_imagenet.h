#pragma once
// torchvision's resnet18 / resnet34 / resnet50 / resnet101 (v1.5: stride in
// the 3x3 of the bottleneck), with torchvision's module names.
#include "models/model.h"

namespace zsq::models {

ModelPtr makeTorchvisionResNet(const ModelInfo& info, int depth);

} // namespace zsq::models
