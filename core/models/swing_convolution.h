#pragma once
// GENIE's swing convolution (Jeon et al., CVPR 2023; engine/genie_distill.h),
// off unless an instance is alive: while one is, every QConv2d with
// stride > 1 on this thread sees its input shifted by a random offset of up
// to `jitter` pixels along each axis (one draw per layer call, the whole
// batch alike), the border filled by reflection. Distilled images then
// cannot lean on the fixed sampling grid of the strided layers. No model is
// changed; leaving the scope ends it.
#include <cstdint>

#include <torch/types.h>

namespace zsq::models {

class SwingConvolution {
public:
    explicit SwingConvolution(int jitter = 1);
    ~SwingConvolution();
    SwingConvolution(const SwingConvolution&) = delete;
    SwingConvolution& operator=(const SwingConvolution&) = delete;

    // The input a convolution of this stride uses (QConv2d calls it): `x`
    // itself unless an instance is active and stride > 1 (or the map is too
    // small to reflect).
    static torch::Tensor shiftInput(const torch::Tensor& x, std::int64_t stride);

private:
    int jitter_;
    SwingConvolution* previous_;
};

} // namespace zsq::models
