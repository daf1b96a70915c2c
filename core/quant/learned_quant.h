#pragma once
// Fake quantization with a learnable range (LSQ, Esser et al. 2020, in its
// asymmetric form LSQ+, Bhalgat et al. 2020): the quantizer of
// quant/fake_quant.h on the same grid, but differentiable in lo and hi.
//   scale = (2^k - 1) / (hi - lo),  zp = round(scale * lo) + 2^(k-1)
//   x^    = (clamp(round(scale * x - zp), -2^(k-1), 2^(k-1) - 1) + zp) / scale
// Every round() passes its gradient straight through; clamp() does not. So,
// as in LSQ: d x^/d x is 1 inside the range and 0 outside; an element
// clamped at the top gives d x^/d hi = 1, at the bottom d x^/d lo = 1; an
// element inside gives the rounding error's derivative, which pulls the
// range towards a grid where the elements round well. Forward values equal
// fakeQuantize(x, lo, hi, bits) exactly.
#include <torch/types.h>

namespace zsq::quant {

// lo/hi broadcast against x (0-dim for an activation quantizer).
torch::Tensor fakeQuantizeLearned(const torch::Tensor& x, const torch::Tensor& lo, const torch::Tensor& hi, int bits);

// round() with the gradient of the identity.
torch::Tensor roundStraightThrough(const torch::Tensor& x);

} // namespace zsq::quant
