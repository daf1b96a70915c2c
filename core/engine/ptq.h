#pragma once
// The floor: ZeroQ-style post-training quantization (Cai et al., CVPR 2020).
// A batch of Gaussian noise is optimised until its BatchNorm input
// statistics match the teacher's running statistics ("distilled data");
// activation ranges are calibrated on that batch; no generator, no
// fine-tuning.
#include "common/cancel.h"
#include "common/events.h"
#include "models/model.h"
#include "quant/model_quantizer.h"

namespace zsq::engine {

struct PtqConfig {
    std::int64_t batchSize = 64;
    int iterations = 500;
    double lr = 0.5;            // Adam on the images, as ZeroQ
    int plateauPatience = 100;  // ZeroQ's ReduceLROnPlateau: x0.1 after this many steps without improvement
    double minLr = 1e-4;
};

struct PtqResult {
    double finalLoss = 0;
    double initialLoss = 0;
    torch::Tensor distilled;    // the distilled batch (normalised input space), CPU
};

// Quantizes `student` (a copy of `teacher`) in place with `quantConfig`.
// Both models are in eval mode on `device` afterwards.
PtqResult runPtq(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                 const quant::QuantConfig& quantConfig, const PtqConfig& config, const torch::Device& device,
                 EventSink& sink = nullSink(), const CancelToken* cancel = nullptr);

// Applies `quantConfig` to `student` and sets every activation range to the
// min/max of `images` (one pass: a one-step bias-corrected EMA equals the
// batch's min/max exactly), then freezes them. Eval mode, on `device`.
void calibrateActivationRanges(models::ZooModelImpl& student, const quant::QuantConfig& quantConfig,
                               const torch::Tensor& images, const torch::Device& device);

// Distils one batch of data from the teacher's BN statistics.
torch::Tensor distillData(models::ZooModelImpl& teacher, const PtqConfig& config, const torch::Device& device,
                          EventSink& sink, const CancelToken* cancel, double* initialLoss = nullptr,
                          double* finalLoss = nullptr);

} // namespace zsq::engine
