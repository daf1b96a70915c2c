#include "quant/learned_quant.h"

#include <cmath>

#include "common/error.h"
#include "quant/fake_quant.h"

namespace zsq::quant {

torch::Tensor roundStraightThrough(const torch::Tensor& x)
{
    return x + (torch::round(x) - x).detach();
}

torch::Tensor fakeQuantizeLearned(const torch::Tensor& x, const torch::Tensor& lo, const torch::Tensor& hi, int bits)
{
    if (bits < kMinBits || bits > kMaxBits)
        throw InputError("bit width " + std::to_string(bits) + " is outside 2..8");
    const double levels = std::pow(2.0, bits) - 1.0;
    const double half = std::pow(2.0, bits - 1);
    const torch::Tensor scale = levels / (hi - lo).clamp_min(1e-8);
    const torch::Tensor zp = roundStraightThrough(scale * lo) + half;
    const torch::Tensor q = torch::clamp(roundStraightThrough(scale * x - zp), -half, half - 1);
    return (q + zp) / scale;
}

} // namespace zsq::quant
