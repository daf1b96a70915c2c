#pragma once
// Conv + BatchNorm (+ activation + activation quantizer) units shared by the
// zoo. Children are registered under the names PyTorch uses for the same
// unit, which differ by model family, hence the two naming styles.
#include <torch/nn/modules/batchnorm.h>

#include "models/model.h"

namespace zsq::models {

// Hardswish and Hardsigmoid are MobileNet-V3's (torch.nn's definitions).
enum class Activation { None, ReLU, ReLU6, Hardswish, Hardsigmoid };

// pytorchcv's ConvBlock: children "conv", "bn" (and the ReLU, here "activ").
class ConvBlockImpl : public torch::nn::Module {
public:
    ConvBlockImpl(const Conv2dSpec& spec, Activation activation);
    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture);

    QConv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    ActQuant activ{nullptr};
    Activation activation;
};
TORCH_MODULE(ConvBlock);

// torchvision's Conv2dNormActivation: children "0" (conv), "1" (bn); the
// activation quantizer is registered as "act". BatchNorm eps and momentum
// default to PyTorch's; MobileNet-V3 uses 0.001 / 0.01.
class ConvNormActImpl : public torch::nn::Module {
public:
    ConvNormActImpl(const Conv2dSpec& spec, Activation activation, double bnEps = 1e-5, double bnMomentum = 0.1);
    torch::Tensor forward(const torch::Tensor& x, ForwardCapture* capture);

    QConv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    ActQuant act{nullptr};
    Activation activation;
};
TORCH_MODULE(ConvNormAct);

// Applies the activation then its quantizer (GDFQ puts one after every ReLU;
// the zoo puts one after every activation).
torch::Tensor activate(const torch::Tensor& x, Activation activation, ActQuant& quantizer);

} // namespace zsq::models
