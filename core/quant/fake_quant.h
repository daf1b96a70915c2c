#pragma once
// Uniform asymmetric fake quantization (simulated k-bit integers in float),
// the quantizer GDFQ inherited from ZeroQ and that ClusterQ and LRQ keep.
//
// For k bits and a range [lo, hi]:
//   scale = (2^k - 1) / max(hi - lo, 1e-8)
//   zp    = round(scale * lo) + 2^(k-1)
//   q     = clamp(round(scale * x - zp), -2^(k-1), 2^(k-1) - 1)
//   x^    = (q + zp) / scale
// Gradients pass straight through (x + (x^ - x).detach()).
#include <cstdint>

#include <torch/types.h>

namespace zsq::quant {

constexpr int kMinBits = 2;
constexpr int kMaxBits = 8;

// Fake-quantizes x with ranges lo/hi that broadcast against x.
torch::Tensor fakeQuantize(const torch::Tensor& x, const torch::Tensor& lo,
                           const torch::Tensor& hi, int bits);

// Per-output-channel (dim 0) or per-tensor min/max of a weight, recomputed at
// every call as in the reference code.
torch::Tensor fakeQuantizeWeight(const torch::Tensor& weight, int bits, bool perChannel);

// The same with a fixed range (learned or searched, see quant/range_search.h
// and quant/adaround.h): lo/hi hold one value per output channel ([out]) or
// one for the tensor ([1]).
torch::Tensor fakeQuantizeWeightInRange(const torch::Tensor& weight, const torch::Tensor& lo,
                                        const torch::Tensor& hi, int bits);
// lo/hi of [out] or [1] reshaped to broadcast against `weight`.
std::pair<torch::Tensor, torch::Tensor> broadcastRange(const torch::Tensor& weight, const torch::Tensor& lo,
                                                       const torch::Tensor& hi);

// The (scale, zero point) pair of the formula above, for export.
struct AffineParams {
    torch::Tensor scale;
    torch::Tensor zeroPoint;
};
AffineParams affineParams(const torch::Tensor& lo, const torch::Tensor& hi, int bits);

// Per-channel (or per-tensor, as a 1-element tensor) min and max of a weight.
std::pair<torch::Tensor, torch::Tensor> weightRange(const torch::Tensor& weight, bool perChannel);

// Exponential moving average of batch min/max with the standard bias
// correction: m_t = b*m_{t-1} + (1-b)*x_t, reported as m_t / (1 - b^t).
// (The original GDFQ code divides an already corrected value again; that blows
// the range up for the first few hundred steps, so we do not copy it.)
//
// The state lives in 0-dim double tensors on the activations' device: reading
// it back for every batch (.item()) or uploading a host value for every
// forward would synchronise a GPU several times per layer and iteration.
// The arithmetic is the same double arithmetic as on the host, so CPU runs
// are unchanged bit for bit.
class RangeEma {
public:
    explicit RangeEma(double momentum = 0.9) : momentum_(momentum) {}
    void update(const torch::Tensor& x);
    bool initialized() const { return steps_ > 0; }
    // Bias-corrected range as 0-dim float tensors on the state's device
    // (cached until the state changes).
    torch::Tensor lo() const;
    torch::Tensor hi() const;
    // Moves the state (e.g. restored from a checkpoint on the CPU) to `device`.
    void to(const torch::Device& device);
    std::int64_t steps() const { return steps_; }
    double momentum() const { return momentum_; }
    // Sets a fixed range (e.g. from a checkpoint or one calibration batch).
    void setRange(double lo, double hi);
    // Raw (uncorrected) state for bit-exact checkpoints.
    void getState(double& rawLo, double& rawHi, std::int64_t& steps) const;
    void setState(double rawLo, double rawHi, std::int64_t steps);
    void reset();

private:
    double correction() const;
    void invalidate();

    double momentum_;
    torch::Tensor rawLo_, rawHi_;   // 0-dim double; undefined until set
    std::int64_t steps_ = 0;
    mutable torch::Tensor loCache_, hiCache_;
};

} // namespace zsq::quant
