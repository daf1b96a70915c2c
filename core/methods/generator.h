#pragma once
// Conditional generators G(z, y) that synthesise normalised model inputs.
//
//  - GDFQ CIFAR-style: label embedding multiplied into z, Linear -> 128 x S/4 x S/4,
//    BN, x2, Conv 128, BN(eps 0.8), LReLU, x2, Conv 64, BN(eps 0.8), LReLU,
//    Conv C, Tanh, BN(C, affine = false).
//  - GDFQ ImageNet-style: z alone into the Linear; the label enters through
//    class-conditional BatchNorm at the three BN layers.
//  - LRQ long-range: either of the above with a large-kernel-attention block
//    (Visual Attention Network) after the 128-channel conv block (the paper
//    does not publish the placement; see docs/methods.md).
// The output adapts to any square input size S: the first map is ceil(S/4)
// and the result is resized to S when 4*ceil(S/4) != S.
#include <cstdint>
#include <memory>

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>

namespace zsq::methods {

enum class GeneratorStyle { Cifar, ImageNet };

struct GeneratorConfig {
    std::int64_t latentDim = 100;
    std::int64_t numClasses = 10;
    std::int64_t channels = 3;
    std::int64_t imageSize = 32;
    GeneratorStyle style = GeneratorStyle::Cifar;
    bool longRange = false;          // LRQ: large-kernel attention blocks
};

// Picks GDFQ's CIFAR-style generator for inputs up to 64 px, else the
// ImageNet-style one (its 128 x 56 x 56 first map is what the paper used at 224).
GeneratorStyle defaultStyleFor(std::int64_t imageSize);

// BatchNorm without affine parameters whose per-class gain and bias come
// from embeddings (initialised to 1 and 0).
class ConditionalBatchNormImpl : public torch::nn::Module {
public:
    ConditionalBatchNormImpl(std::int64_t channels, std::int64_t numClasses, double eps);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& labels);

    torch::nn::BatchNorm2d bn{nullptr};
    torch::nn::Embedding gain{nullptr}, bias{nullptr};
};
TORCH_MODULE(ConditionalBatchNorm);

// Large-kernel attention: attn = PW(DWdil(DW(x))), out = x * attn; wrapped as
// PW -> GELU -> LKA -> PW plus a shortcut (VAN's spatial attention block).
class LargeKernelAttentionImpl : public torch::nn::Module {
public:
    explicit LargeKernelAttentionImpl(std::int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d proj1{nullptr}, depthwise{nullptr}, dilated{nullptr}, pointwise{nullptr}, proj2{nullptr};
};

// The 7x7, dilation-3 depth-wise convolution of LKA computed exactly as a
// plain 7x7 depth-wise convolution on the 9 polyphase sub-grids
// (pixel_unshuffle by 3). LibTorch's CPU kernel for dilated depth-wise
// convolutions is ~5x slower than the plain one.
torch::Tensor dilatedDepthwise7x7(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

TORCH_MODULE(LargeKernelAttention);

class GeneratorImpl : public torch::nn::Module {
public:
    explicit GeneratorImpl(const GeneratorConfig& config);
    torch::Tensor forward(const torch::Tensor& z, const torch::Tensor& labels);
    const GeneratorConfig& config() const { return config_; }
    // Multiply-accumulates of one sample's forward pass (convolutions and the
    // linear layer), for GFLOP/s figures.
    std::int64_t multiplyAdds() const;

private:
    torch::Tensor norm(int index, const torch::Tensor& x, const torch::Tensor& labels);

    GeneratorConfig config_;
    std::int64_t initSize_;
    torch::nn::Embedding labelEmbedding{nullptr};
    torch::nn::Linear fc{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    // Cifar style: plain BNs; ImageNet style: conditional BNs.
    torch::nn::BatchNorm2d bn0{nullptr}, bn1{nullptr}, bn2{nullptr};
    ConditionalBatchNorm cbn0{nullptr}, cbn1{nullptr}, cbn2{nullptr};
    torch::nn::BatchNorm2d outputNorm{nullptr};
    LargeKernelAttention attention{nullptr};
};
TORCH_MODULE(Generator);

} // namespace zsq::methods
