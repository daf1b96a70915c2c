#pragma once
// torchvision's vgg16_bn with torchvision's module names: features.N is the
// N-th module of torchvision's Sequential (conv 3x3 with bias, BatchNorm,
// ReLU, ..., MaxPool2d(2) after each stage; 44 modules, 0..43), then
// AdaptiveAvgPool2d(7, 7) and classifier.0/3/6 Linears (ReLU and Dropout at
// 1/2 and 4/5). The classifier's hidden width is torchvision's 4096; other
// widths are reported as outside the zoo by detection (io/arch_detection.cpp).
#include "models/model.h"

namespace zsq::models {

// The index of every convolution in vgg16_bn's features Sequential (each is
// followed by its BatchNorm at +1 and its ReLU at +2): 0, 3, 7, 10, 14, ...
std::vector<int> vgg16BnConvIndices();

ModelPtr makeVgg16Bn(const ModelInfo& info);

} // namespace zsq::models
