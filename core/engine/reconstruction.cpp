#include "engine/reconstruction.h"

#include <chrono>
#include <cmath>

#include "common/error.h"
#include "common/progress_meter.h"
#include "quant/adaround.h"
#include "quant/model_quantizer.h"
#include "quant/range_search.h"
#include "engine/block_reconstruction.h"
#include "engine/reconstruction_steps.h"

namespace zsq::engine {

namespace {

torch::Tensor layerForward(models::NamedQuantLayer& layer, const torch::Tensor& x, const torch::Tensor& weight)
{
    if (layer.conv) {
        const models::Conv2dSpec& s = layer.conv->spec;
        return torch::conv2d(x, weight, layer.conv->bias, {s.stride, s.stride}, {s.padding, s.padding},
                             {s.dilation, s.dilation}, s.groups);
    }
    return torch::linear(x, weight, layer.linear->bias);
}

} // namespace

ReconstructionResult runReconstruction(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                                       const torch::Tensor& calibration, const ReconstructionConfig& config,
                                       const torch::Device& device, EventSink& sink, const CancelToken* cancel)
{
    if (calibration.dim() != 4 || calibration.size(0) < 1)
        throw InputError("refinement needs a batch of calibration images [N, C, H, W]");
    if (teacher.quantLayers().size() != student.quantLayers().size())
        throw InputError("refinement: the student does not have the teacher's layers");
    const auto start = std::chrono::steady_clock::now();
    teacher.to(device);
    student.to(device);
    teacher.eval();
    student.eval();
    const torch::Tensor images = calibration.to(torch::kCPU);

    // A resumed block refinement takes every range from its checkpoint.
    const bool resumingBlocks = config.blocks && !config.resumePath.empty();
    const RangeInitChoice rangeInit(student, config);
    if (!resumingBlocks)
        searchWeightRanges(student, rangeInit);
    if (config.searchActivations && !resumingBlocks)
        searchActivationRanges(student, images, rangeInit, device, sink, cancel);
    else
        quant::setActivationMode(student, models::ActQuantImpl::Mode::Frozen);

    ReconstructionResult result;
    if (config.blocks) {
        result.layers = reconstructBlocks(teacher, student, images, config, device, sink, cancel);
    } else if (config.adaround) {
        auto& layers = student.quantLayers();
        const std::int64_t total = static_cast<std::int64_t>(layers.size()) * config.iterations;
        ProgressMeter meter(sink, "refine: AdaRound", total);
        std::int64_t step = 0;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            auto& layer = layers[i];
            if (layer.setting().bits <= 0) {
                step += config.iterations;
                continue;
            }
            const torch::Tensor x = collectInputs(student, moduleOf(layer), images, device, cancel);
            const torch::Tensor y = collectOutputs(teacher, i, images, device, cancel);
            const torch::Tensor xFloat = config.qdrop > 0
                                             ? collectInputs(teacher, moduleOf(teacher.quantLayers()[i]), images, device, cancel)
                                             : torch::Tensor();
            quant::AdaRoundWeight rounding(layer.weight(), layer.setting().lo, layer.setting().hi,
                                           layer.setting().bits);
            torch::optim::Adam optimizer({rounding.logits()}, torch::optim::AdamOptions(config.lr));
            LayerReconstruction report;
            report.layer = layer.name;
            {
                torch::NoGradGuard noGrad;
                const torch::Tensor nearest =
                    layer.conv ? layer.conv->effectiveWeight() : layer.linear->effectiveWeight();
                report.mseBefore = torch::mse_loss(layerForward(layer, x, nearest), y).item<double>();
            }
            const std::int64_t n = x.size(0);
            for (int it = 0; it < config.iterations; ++it) {
                checkpoint(cancel);
                const torch::Tensor idx =
                    torch::randint(n, {std::min(config.batchSize, n)}, torch::TensorOptions().dtype(torch::kLong));
                torch::Tensor xb = x.index_select(0, idx.to(x.device()));
                if (config.qdrop > 0)
                    xb = torch::where(torch::rand_like(xb) < config.qdrop, xFloat.index_select(0, idx.to(x.device())), xb);
                const torch::Tensor yb = y.index_select(0, idx.to(y.device()));
                // As BRECQ: squared error summed over a sample's outputs,
                // averaged over samples; the regulariser summed over weights.
                const torch::Tensor diff = layerForward(layer, xb, rounding.softWeight()) - yb;
                torch::Tensor loss = diff.pow(2).reshape({diff.size(0), -1}).sum(1).mean();
                const double mse = diff.pow(2).mean().item<double>();
                if (const auto beta = roundingBeta(config, it))
                    loss = loss + config.regWeight * rounding.regularizer(*beta);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (!std::isfinite(mse))
                    throw RuntimeFailure("refinement diverged in layer " + layer.name);
                if (it % 50 == 0 || it + 1 == config.iterations)
                    sink.onLosses(step, {{"R/layer_mse", mse}});
                meter.update(++step);
            }
            report.undecided = rounding.undecidedFraction();
            {
                torch::NoGradGuard noGrad;
                const torch::Tensor hard = rounding.hardWeight();
                layer.weight().copy_(hard);
                report.mseAfter = torch::mse_loss(layerForward(layer, x, hard), y).item<double>();
            }
            sink.onMessage(LogLevel::Info, "refine " + layer.name + ": output MSE " + std::to_string(report.mseBefore) +
                                               " -> " + std::to_string(report.mseAfter) + ", undecided " +
                                               std::to_string(report.undecided));
            result.layers.push_back(report);
        }
    }
    quant::setActivationMode(student, models::ActQuantImpl::Mode::Frozen);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace zsq::engine
