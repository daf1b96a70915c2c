#pragma once
// torchvision's mobilenet_v3_large (width 1.0, no dilation, full tail) with
// torchvision's module names: features.0 stem, features.1-15 inverted
// residuals ("block" Sequential with an optional SqueezeExcitation),
// features.16 head conv to 960, classifier.0 Linear(960, 1280), Hardswish,
// Dropout, classifier.3 Linear(1280, classes). BatchNorm eps 0.001,
// momentum 0.01, as torchvision builds it.
#include "models/model.h"

namespace zsq::models {

ModelPtr makeMobileNetV3Large(const ModelInfo& info);

} // namespace zsq::models
