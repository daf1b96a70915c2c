#include "engine/reconstruction_steps.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/error.h"
#include "common/progress_meter.h"
#include "quant/model_quantizer.h"
#include "quant/range_search.h"

namespace zsq::engine {

namespace {

// Activation samples kept per quantizer for its range search.
constexpr std::int64_t kMaxActivationSamples = 1 << 21;
// Images per forward pass while collecting inputs and targets.
constexpr std::int64_t kCollectBatch = 128;

} // namespace

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

RangeInitChoice::RangeInitChoice(models::ZooModelImpl& student, const ReconstructionConfig& config)
{
    base_.init = quant::rangeInitFromName(config.rangeInit, "refine.range_init");
    base_.p = config.p;
    base_.percentile = config.percentile;
    std::set<std::string> names;
    for (auto& layer : student.quantLayers())
        names.insert(layer.name);
    for (auto& aq : student.actQuants())
        names.insert(aq.name);
    for (const auto& [name, init] : config.layerRangeInit) {
        if (!names.count(name))
            throw InputError("refine.layer_range_init names no weight layer or activation quantizer of this model: '" +
                             name + "' (zsq info MODEL --layers lists them)");
        overrides_[name] = quant::rangeInitFromName(init, "refine.layer_range_init '" + name + "'");
    }
}

quant::RangeSearchOptions RangeInitChoice::forQuantizer(const std::string& name) const
{
    quant::RangeSearchOptions options = base_;
    if (auto it = overrides_.find(name); it != overrides_.end())
        options.init = it->second;
    return options;
}

void searchWeightRanges(models::ZooModelImpl& student, const RangeInitChoice& choice)
{
    for (auto& layer : student.quantLayers()) {
        if (layer.setting().bits <= 0)
            continue;
        auto [lo, hi] = quant::searchWeightRange(layer.weight(), layer.setting().bits, layer.setting().perChannel,
                                                 choice.forQuantizer(layer.name));
        layer.setting().lo = lo;
        layer.setting().hi = hi;
    }
}

void searchActivationRanges(models::ZooModelImpl& student, const torch::Tensor& images, const RangeInitChoice& choice,
                            const torch::Device& device, EventSink& sink, const CancelToken* cancel)
{
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
        const auto [lo, hi] = quant::searchActivationRange(samples, aq.act->bits, choice.forQuantizer(aq.name));
        aq.act->range.setRange(lo, hi);
        aq.act->range.to(device);
        aq.act->mode = models::ActQuantImpl::Mode::Frozen;
    }
}


std::optional<double> roundingBeta(const ReconstructionConfig& config, int it)
{
    const int warm = static_cast<int>(config.warmup * config.iterations);
    if (it < warm)
        return std::nullopt;
    const double progress = static_cast<double>(it - warm) / std::max(1, config.iterations - warm);
    return config.betaEnd + 0.5 * (config.betaStart - config.betaEnd) * (1.0 + std::cos(progress * M_PI));
}

} // namespace zsq::engine
