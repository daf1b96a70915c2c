#include "models/swing_convolution.h"

#include <torch/torch.h>

namespace zsq::models {

namespace {
thread_local SwingConvolution* activeSwing = nullptr;
} // namespace

SwingConvolution::SwingConvolution(int jitter) : jitter_(jitter), previous_(activeSwing)
{
    activeSwing = this;
}

SwingConvolution::~SwingConvolution()
{
    activeSwing = previous_;
}

torch::Tensor SwingConvolution::shiftInput(const torch::Tensor& x, std::int64_t stride)
{
    if (!activeSwing || stride <= 1 || activeSwing->jitter_ <= 0 || x.dim() != 4)
        return x;
    const std::int64_t j = activeSwing->jitter_, h = x.size(2), w = x.size(3);
    if (h <= j || w <= j) // reflection needs more pixels than it pads
        return x;
    // From torch's generator, so that a seeded run draws the same shifts.
    const torch::Tensor offset = torch::randint(0, 2 * j + 1, {2}, torch::kLong);
    const std::int64_t dy = offset[0].item<std::int64_t>(), dx = offset[1].item<std::int64_t>();
    return torch::reflection_pad2d(x, {j, j, j, j}).slice(2, dy, dy + h).slice(3, dx, dx + w);
}

} // namespace zsq::models
