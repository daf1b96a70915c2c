#pragma once
// torchvision's mobilenet_v2 (width 1.0) with torchvision's module names.
#include "models/model.h"

namespace zsq::models {

ModelPtr makeMobileNetV2(const ModelInfo& info);

} // namespace zsq::models
