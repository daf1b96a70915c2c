#pragma once
// Top-1 accuracy of a (possibly fake-quantized) model on a dataset.
#include "common/cancel.h"
#include "common/events.h"
#include "data/dataset.h"
#include "models/model.h"

namespace zsq::engine {

struct EvalResult {
    double top1 = 0;          // percent
    std::int64_t correct = 0;
    std::int64_t total = 0;
};

// Runs in inference mode with activation ranges frozen (quantizers still in
// calibration are frozen for the pass and restored afterwards).
EvalResult evaluate(models::ZooModelImpl& model, const data::Dataset& dataset, const torch::Device& device,
                    std::int64_t batchSize = 500, std::int64_t limit = 0, EventSink& sink = nullSink(),
                    const CancelToken* cancel = nullptr);

// Predicted classes for a batch of normalised inputs (no grad).
torch::Tensor predict(models::ZooModelImpl& model, const torch::Tensor& inputs);

} // namespace zsq::engine
