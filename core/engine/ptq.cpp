#include "engine/ptq.h"

#include <cmath>

#include "common/error.h"
#include "common/progress_meter.h"
#include "engine/bn_statistics.h"
#include "models/preprocessing.h"

namespace zsq::engine {

torch::Tensor distillData(models::ZooModelImpl& teacher, const PtqConfig& config, const torch::Device& device,
                          EventSink& sink, const CancelToken* cancel, double* initialLoss, double* finalLoss)
{
    teacher.eval();
    for (auto& p : teacher.parameters())
        p.set_requires_grad(false);
    const models::ModelInfo& info = teacher.info();
    torch::Tensor images = torch::randn({config.batchSize, info.inChannels, models::effectiveInputSize(info), models::effectiveInputSize(info)},
                                        torch::TensorOptions().device(device))
                               .set_requires_grad(true);
    torch::optim::Adam optimizer({images}, torch::optim::AdamOptions(config.lr));
    double lr = config.lr, best = INFINITY;
    int sinceBest = 0;
    ProgressMeter meter(sink, "ptq: distilling data", config.iterations);
    for (int it = 0; it < config.iterations; ++it) {
        checkpoint(cancel);
        models::ForwardCapture capture;
        capture.captureBnInputs = true;
        teacher.forward(images, &capture);
        // ZeroQ also matches the input's own statistics to N(0, 1).
        auto [inMean, inVar] = channelMeanVar(images);
        torch::Tensor inputLoss = inMean.pow(2).sum() / static_cast<double>(inMean.size(0)) +
                                  (torch::sqrt(inVar + 1e-5) - 1.0).pow(2).sum() / static_cast<double>(inVar.size(0));
        torch::Tensor loss = zeroqLoss(capture.bnInputs) + inputLoss;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        const double value = loss.item<double>();
        if (!std::isfinite(value))
            throw RuntimeFailure("ZeroQ distillation diverged (loss is " + std::to_string(value) +
                                 "); lower ptq.lr");
        if (it == 0 && initialLoss)
            *initialLoss = value;
        if (finalLoss)
            *finalLoss = value;
        if (value < best) {
            best = value;
            sinceBest = 0;
        } else if (++sinceBest > config.plateauPatience && lr > config.minLr) {
            lr = std::max(config.minLr, lr * 0.1);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
            sinceBest = 0;
        }
        if (it % 10 == 0 || it + 1 == config.iterations)
            sink.onLosses(it, {{"ptq/bn_stats", value}});
        meter.update(it + 1);
    }
    for (auto& p : teacher.parameters())
        p.set_requires_grad(true);
    return images.detach();
}

void calibrateActivationRanges(models::ZooModelImpl& student, const quant::QuantConfig& quantConfig,
                               const torch::Tensor& images, const torch::Device& device)
{
    quant::applyQuantConfig(student, quantConfig);
    student.to(device);
    student.eval();
    torch::NoGradGuard noGrad;
    quant::setActivationMode(student, models::ActQuantImpl::Mode::Calibrate);
    student.forward(images.to(device));
    quant::setActivationMode(student, models::ActQuantImpl::Mode::Frozen);
}

PtqResult runPtq(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                 const quant::QuantConfig& quantConfig, const PtqConfig& config, const torch::Device& device,
                 EventSink& sink, const CancelToken* cancel)
{
    teacher.to(device);
    student.to(device);
    PtqResult result;
    result.distilled = distillData(teacher, config, device, sink, cancel, &result.initialLoss, &result.finalLoss);

    calibrateActivationRanges(student, quantConfig, result.distilled, device);
    result.distilled = result.distilled.to(torch::kCPU);
    return result;
}

} // namespace zsq::engine
