#include "methods/generator.h"

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/upsampling.h>

#include "distributed/context.h"
#include "distributed/sync_ops.h"

namespace zsq::methods {

namespace F = torch::nn::functional;

GeneratorStyle defaultStyleFor(std::int64_t imageSize)
{
    return imageSize <= 64 ? GeneratorStyle::Cifar : GeneratorStyle::ImageNet;
}

ConditionalBatchNormImpl::ConditionalBatchNormImpl(std::int64_t channels, std::int64_t numClasses, double eps)
{
    bn = register_module("bn", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(channels).eps(eps).affine(false)));
    gain = register_module("gain", torch::nn::Embedding(numClasses, channels));
    bias = register_module("bias", torch::nn::Embedding(numClasses, channels));
    torch::NoGradGuard noGrad;
    gain->weight.fill_(1.0);
    bias->weight.zero_();
}

namespace {

// Training-mode BatchNorm over the global batch in a data-parallel run
// (the generator's BNs normalise with batch statistics), else torch's.
torch::Tensor batchNorm(torch::nn::BatchNorm2dImpl& bn, const torch::Tensor& x)
{
    if (distributed::Communicator* comm = distributed::active(); comm && bn.is_training())
        return distributed::syncBatchNorm(*comm, x, bn);
    return bn.forward(x);
}

} // namespace

torch::Tensor ConditionalBatchNormImpl::forward(const torch::Tensor& x, const torch::Tensor& labels)
{
    const std::int64_t c = x.size(1);
    return batchNorm(*bn, x) * gain->forward(labels).view({-1, c, 1, 1}) + bias->forward(labels).view({-1, c, 1, 1});
}

LargeKernelAttentionImpl::LargeKernelAttentionImpl(std::int64_t c)
{
    using Opt = torch::nn::Conv2dOptions;
    proj1 = register_module("proj1", torch::nn::Conv2d(Opt(c, c, 1)));
    depthwise = register_module("depthwise", torch::nn::Conv2d(Opt(c, c, 5).padding(2).groups(c)));
    dilated = register_module("dilated", torch::nn::Conv2d(Opt(c, c, 7).padding(9).dilation(3).groups(c)));
    pointwise = register_module("pointwise", torch::nn::Conv2d(Opt(c, c, 1)));
    proj2 = register_module("proj2", torch::nn::Conv2d(Opt(c, c, 1)));
}

torch::Tensor dilatedDepthwise7x7(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    // y[i] = sum_a w[a] x[i + 3a - 9]; with i = 3p + r this is a plain 7x7
    // convolution (padding 3) of the sub-grid x[3p + r] for each residue r.
    const std::int64_t c = x.size(1), h = x.size(2), w = x.size(3);
    const std::int64_t hp = (h + 2) / 3 * 3, wp = (w + 2) / 3 * 3;
    torch::Tensor padded = torch::constant_pad_nd(x, {0, wp - w, 0, hp - h}, 0.0);
    torch::Tensor grids = torch::pixel_unshuffle(padded, 3);               // [N, 9C, hp/3, wp/3]
    torch::Tensor k = weight.repeat_interleave(9, 0);                       // [9C, 1, 7, 7]
    torch::Tensor y = torch::conv2d(grids, k, {}, 1, 3, 1, c * 9);
    y = torch::pixel_shuffle(y, 3).narrow(2, 0, h).narrow(3, 0, w);
    return bias.defined() ? y + bias.view({1, -1, 1, 1}) : y;
}

torch::Tensor LargeKernelAttentionImpl::forward(const torch::Tensor& x)
{
    torch::Tensor u = torch::gelu(proj1->forward(x));
    torch::Tensor attn = pointwise->forward(dilatedDepthwise7x7(depthwise->forward(u), dilated->weight, dilated->bias));
    return x + proj2->forward(u * attn);
}

GeneratorImpl::GeneratorImpl(const GeneratorConfig& config) : config_(config)
{
    initSize_ = (config.imageSize + 3) / 4;
    using Opt = torch::nn::Conv2dOptions;
    using BnOpt = torch::nn::BatchNorm2dOptions;
    const std::int64_t k = config.numClasses;
    if (config.style == GeneratorStyle::Cifar)
        labelEmbedding = register_module("label_emb", torch::nn::Embedding(k, config.latentDim));
    fc = register_module("fc", torch::nn::Linear(config.latentDim, 128 * initSize_ * initSize_));
    conv1 = register_module("conv1", torch::nn::Conv2d(Opt(128, 128, 3).padding(1)));
    conv2 = register_module("conv2", torch::nn::Conv2d(Opt(128, 64, 3).padding(1)));
    conv3 = register_module("conv3", torch::nn::Conv2d(Opt(64, config.channels, 3).padding(1)));
    // eps = 0.8 in the two conv blocks: a positional argument in the original
    // code, and what the published numbers used.
    if (config.style == GeneratorStyle::Cifar) {
        bn0 = register_module("bn0", torch::nn::BatchNorm2d(BnOpt(128)));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(BnOpt(128).eps(0.8)));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(BnOpt(64).eps(0.8)));
    } else {
        cbn0 = register_module("cbn0", ConditionalBatchNorm(128, k, 1e-5));
        cbn1 = register_module("cbn1", ConditionalBatchNorm(128, k, 0.8));
        cbn2 = register_module("cbn2", ConditionalBatchNorm(64, k, 0.8));
    }
    outputNorm = register_module("out_bn", torch::nn::BatchNorm2d(BnOpt(config.channels).affine(false)));
    if (config.longRange)
        attention = register_module("lka", LargeKernelAttention(128));
}

torch::Tensor GeneratorImpl::norm(int index, const torch::Tensor& x, const torch::Tensor& labels)
{
    if (config_.style == GeneratorStyle::Cifar)
        return batchNorm(*(index == 0 ? bn0 : index == 1 ? bn1 : bn2), x);
    return (index == 0 ? cbn0 : index == 1 ? cbn1 : cbn2)->forward(x, labels);
}

torch::Tensor GeneratorImpl::forward(const torch::Tensor& z, const torch::Tensor& labels)
{
    torch::Tensor h = config_.style == GeneratorStyle::Cifar ? labelEmbedding->forward(labels) * z : z;
    h = fc->forward(h).view({-1, 128, initSize_, initSize_});
    h = norm(0, h, labels);
    const auto up = F::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest);
    h = F::interpolate(h, up);
    h = torch::leaky_relu(norm(1, conv1->forward(h), labels), 0.2);
    if (attention)
        h = attention->forward(h);
    h = F::interpolate(h, up);
    h = torch::leaky_relu(norm(2, conv2->forward(h), labels), 0.2);
    h = torch::tanh(conv3->forward(h));
    if (h.size(2) != config_.imageSize)
        h = F::interpolate(h, F::InterpolateFuncOptions()
                                  .size(std::vector<std::int64_t>{config_.imageSize, config_.imageSize})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    return batchNorm(*outputNorm, h);
}

std::int64_t GeneratorImpl::multiplyAdds() const
{
    const std::int64_t s = initSize_, c = config_.channels;
    const std::int64_t mid = (2 * s) * (2 * s), out = (4 * s) * (4 * s);
    std::int64_t macs = config_.latentDim * 128 * s * s;    // fc
    macs += 128 * 128 * 9 * mid;                            // conv1
    if (attention)                                          // proj1, 5x5 dw, 7x7 dilated dw, pointwise, proj2
        macs += (3 * 128 * 128 + 128 * 25 + 128 * 49) * mid;
    macs += 128 * 64 * 9 * out + 64 * c * 9 * out;          // conv2, conv3
    return macs;
}

} // namespace zsq::methods
