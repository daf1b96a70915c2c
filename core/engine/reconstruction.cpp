#include "engine/reconstruction.h"

#include <chrono>
#include <cmath>

#include "common/error.h"
#include "common/progress_meter.h"
#include "quant/adaround.h"
#include "quant/model_quantizer.h"
#include "quant/range_search.h"

namespace zsq::engine {

namespace {

// Activation samples kept per quantizer for its range search.
constexpr std::int64_t kMaxActivationSamples = 1 << 21;
// Images per forward pass while collecting inputs and targets.
constexpr std::int64_t kCollectBatch = 128;

torch::Tensor layerForward(models::NamedQuantLayer& layer, const torch::Tensor& x, const torch::Tensor& weight)
{
    if (layer.conv) {
        const models::Conv2dSpec& s = layer.conv->spec;
        return torch::conv2d(x, weight, layer.conv->bias, {s.stride, s.stride}, {s.padding, s.padding},
                             {s.dilation, s.dilation}, s.groups);
    }
    return torch::linear(x, weight, layer.linear->bias);
}

const torch::nn::Module* moduleOf(models::NamedQuantLayer& layer)
{
    return layer.conv ? static_cast<const torch::nn::Module*>(layer.conv) : layer.linear;
}

// The inputs `model` gives `module` on every calibration image.
torch::Tensor collectInputs(models::ZooModelImpl& model, const torch::nn::Module* module, const torch::Tensor& images,
                            const torch::Device& device, const CancelToken* cancel)
{
    std::vector<torch::Tensor> parts;
    torch::NoGradGuard noGrad;
    for (std::int64_t b = 0; b < images.size(0); b += kCollectBatch) {
        checkpoint(cancel);
        models::LayerInputRecorder recorder;
        recorder.only = module;
        model.forward(images.slice(0, b, std::min(images.size(0), b + kCollectBatch)).to(device));
        for (auto& [m, x] : recorder.inputs)
            parts.push_back(x.detach());
    }
    return torch::cat(parts);
}

// The teacher's output of its layer number `index` on every image.
torch::Tensor collectOutputs(models::ZooModelImpl& teacher, std::size_t index, const torch::Tensor& images,
                             const torch::Device& device, const CancelToken* cancel)
{
    const torch::nn::Module* module = moduleOf(teacher.quantLayers()[index]);
    std::vector<torch::Tensor> parts;
    torch::NoGradGuard noGrad;
    for (std::int64_t b = 0; b < images.size(0); b += kCollectBatch) {
        checkpoint(cancel);
        models::LayerOutputRecorder recorder;
        teacher.forward(images.slice(0, b, std::min(images.size(0), b + kCollectBatch)).to(device));
        for (auto& [m, y] : recorder.outputs)
            if (m == module)
                parts.push_back(y.detach());
    }
    return torch::cat(parts);
}

void searchWeightRanges(models::ZooModelImpl& student, double p)
{
    quant::RangeSearchOptions options;
    options.p = p;
    for (auto& layer : student.quantLayers()) {
        if (layer.setting().bits <= 0)
            continue;
        auto [lo, hi] = quant::searchWeightRange(layer.weight(), layer.setting().bits, layer.setting().perChannel,
                                                 options);
        layer.setting().lo = lo;
        layer.setting().hi = hi;
    }
}

void searchActivationRanges(models::ZooModelImpl& student, const torch::Tensor& images, double p,
                            const torch::Device& device, EventSink& sink, const CancelToken* cancel)
{
    quant::RangeSearchOptions options;
    options.p = p;
    // Later quantizers are off while an earlier one is searched: each sees
    // the activations of the student quantized up to it.
    for (auto& aq : student.actQuants())
        aq.act->mode = models::ActQuantImpl::Mode::Off;
    ProgressMeter meter(sink, "refine: activation ranges", static_cast<std::int64_t>(student.actQuants().size()));
    std::int64_t done = 0;
    for (auto& aq : student.actQuants()) {
        meter.update(++done);
        if (aq.act->bits <= 0)
            continue;
        torch::Tensor samples = collectInputs(student, aq.act, images, device, cancel).reshape({-1});
        if (samples.numel() > kMaxActivationSamples)
            samples = samples.index_select(0, torch::randint(samples.numel(), {kMaxActivationSamples},
                                                             torch::TensorOptions().dtype(torch::kLong).device(samples.device())));
        const auto [lo, hi] = quant::searchActivationRange(samples, aq.act->bits, options);
        aq.act->range.setRange(lo, hi);
        aq.act->range.to(device);
        aq.act->mode = models::ActQuantImpl::Mode::Frozen;
    }
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

    searchWeightRanges(student, config.p);
    if (config.searchActivations)
        searchActivationRanges(student, images, config.p, device, sink, cancel);
    else
        quant::setActivationMode(student, models::ActQuantImpl::Mode::Frozen);

    ReconstructionResult result;
    if (config.adaround) {
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
            const int warm = static_cast<int>(config.warmup * config.iterations);
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
                if (it >= warm) {
                    const double progress = static_cast<double>(it - warm) / std::max(1, config.iterations - warm);
                    const double beta = config.betaEnd + 0.5 * (config.betaStart - config.betaEnd) *
                                                             (1.0 + std::cos(progress * M_PI));
                    loss = loss + config.regWeight * rounding.regularizer(beta);
                }
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
