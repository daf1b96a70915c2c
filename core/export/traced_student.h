#pragma once
// The fake-quantized student as one TorchScript graph, recorded from the
// model's own forward pass (torch::jit::tracer), so that every architecture of
// the zoo is exported by the same code and the exported computation is the
// student's by construction, op for op.
//
// After tracing, every convolution's and linear layer's weight input is the
// layer's effective (fake-quantized) weight as a constant, and the activation
// quantizers remain as their ops (mul, sub, round, clamp, add, div around the
// straight-through add) with their scale and zero point folded to constants.
// Internal to core/export: it exposes torch::jit types.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <torch/csrc/jit/ir/ir.h>

#include "models/model.h"

namespace zsq::exporting {

// One quantizable layer in forward order (the i-th convolution or linear node
// of the graph is layers[i]).
struct TracedLayer {
    std::string name;
    std::string kind;            // "conv" or "linear"
    int bits = 0;                // 0: float
    torch::Tensor floatWeight;   // as stored in the model
    torch::Tensor weight;        // what the forward uses (fake-quantized when bits > 0)
    torch::Tensor lo, hi;        // the quantization range, [out] or [1] (bits > 0)
};

// One activation quantizer in forward order (the i-th straight-through
// pattern of the graph), with the grid fake_quant.h computes from its range:
// value = (q + zeroPoint) / scale, q in [-2^(k-1), 2^(k-1) - 1].
struct TracedActivation {
    std::string name;
    int bits = 0;
    float scale = 0;
    float zeroPoint = 0;
};

struct TracedStudent {
    std::shared_ptr<torch::jit::Graph> graph; // input: images [N, C, H, W]; output: logits
    std::vector<TracedLayer> layers;
    std::vector<TracedActivation> activations;
    std::vector<std::int64_t> inputShape;     // the traced example's, batch 1
};

// Traces `model` (eval mode, CPU) on an input of inputSize x inputSize.
// Activation quantizers are frozen first; one with bits but no range is an
// InputError (the run never calibrated it).
TracedStudent traceStudent(models::ZooModelImpl& model, std::int64_t inputSize);

} // namespace zsq::exporting
