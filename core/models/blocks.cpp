#include "models/blocks.h"

namespace zsq::models {

torch::Tensor activate(const torch::Tensor& x, Activation activation, ActQuant& quantizer)
{
    switch (activation) {
    case Activation::None:
        return x;
    case Activation::ReLU:
        return quantizer->forward(torch::relu(x));
    case Activation::ReLU6:
        return quantizer->forward(torch::clamp(x, 0.0, 6.0));
    case Activation::Hardswish:
        return quantizer->forward(torch::hardswish(x));
    case Activation::Hardsigmoid:
        return quantizer->forward(torch::hardsigmoid(x));
    }
    return x;
}

ConvBlockImpl::ConvBlockImpl(const Conv2dSpec& spec, Activation act) : activation(act)
{
    conv = register_module("conv", QConv2d(spec));
    bn = register_module("bn", makeBatchNorm(spec.out));
    if (activation != Activation::None)
        activ = register_module("activ", ActQuant());
}

torch::Tensor ConvBlockImpl::forward(const torch::Tensor& x, ForwardCapture* capture)
{
    return activate(runBn(bn, conv->forward(x), capture), activation, activ);
}

ConvNormActImpl::ConvNormActImpl(const Conv2dSpec& spec, Activation act, double bnEps, double bnMomentum)
    : activation(act)
{
    conv = register_module("0", QConv2d(spec));
    bn = register_module("1", torch::nn::BatchNorm2d(
                                  torch::nn::BatchNorm2dOptions(spec.out).eps(bnEps).momentum(bnMomentum)));
    if (activation != Activation::None)
        this->act = register_module("act", ActQuant());
}

torch::Tensor ConvNormActImpl::forward(const torch::Tensor& x, ForwardCapture* capture)
{
    return activate(runBn(bn, conv->forward(x), capture), activation, act);
}

} // namespace zsq::models
