#pragma once
// Multiply-accumulates of one forward pass of one sample through a zoo
// model's convolutions and linear layers (the layers that dominate; BN,
// activations and additions are left out, as FLOP counters usually do).
// For throughput figures in GFLOP/s.
#include <cstdint>

namespace zsq::models {

class ZooModelImpl;

// Runs one forward pass of a zero input on the CPU to get every layer's
// output shape (LayerOutputRecorder), so any architecture is counted exactly.
std::int64_t multiplyAdds(ZooModelImpl& model);

} // namespace zsq::models
