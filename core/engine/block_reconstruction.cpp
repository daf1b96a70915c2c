#include "engine/block_reconstruction.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "common/error.h"
#include "common/progress_meter.h"
#include "engine/frozen_parameters.h"
#include "engine/reconstruction_steps.h"
#include "engine/refine_checkpoint.h"
#include "quant/adaround.h"
#include "quant/model_quantizer.h"

namespace zsq::engine {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::int64_t kEvalBatch = 128;

bool endsBlockPath(const std::string& part)
{
    auto digits = [](const std::string& s, std::size_t from) {
        if (from >= s.size())
            return false;
        for (std::size_t i = from; i < s.size(); ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return false;
        return true;
    };
    return digits(part, 0) || (part.rfind("unit", 0) == 0 && digits(part, 4));
}

// What the student hands the layer `next` (or its logits when npos) on x,
// with the autograd graph of everything that requires a gradient; the
// rest of the model is not run.
torch::Tensor blockOutput(models::ZooModelImpl& model, const torch::nn::Module* next, const torch::Tensor& x)
{
    if (!next)
        return model.forward(x);
    models::LayerInputRecorder recorder;
    recorder.only = next;
    recorder.stopAfterOnly = true;
    try {
        model.forward(x);
    } catch (const models::LayerInputRecorder::ForwardStopped&) {
    }
    if (recorder.inputs.empty())
        throw RuntimeFailure("block reconstruction: the layer after a block did not run");
    return recorder.inputs.front().second;
}

// The teacher's block outputs on every image, for the loss (no grad).
torch::Tensor teacherTargets(models::ZooModelImpl& teacher, std::size_t next, const torch::Tensor& images,
                             const torch::Device& device, const CancelToken* cancel)
{
    if (next != kNone)
        return collectInputs(teacher, moduleOf(teacher.quantLayers()[next]), images, device, cancel);
    std::vector<torch::Tensor> parts;
    torch::NoGradGuard noGrad;
    for (std::int64_t b = 0; b < images.size(0); b += kEvalBatch) {
        checkpoint(cancel);
        parts.push_back(teacher.forward(images.slice(0, b, std::min(images.size(0), b + kEvalBatch)).to(device)));
    }
    return torch::cat(parts);
}

double blockMse(models::ZooModelImpl& student, const torch::nn::Module* next, const torch::Tensor& images,
                const torch::Tensor& targets, const torch::Device& device, const CancelToken* cancel)
{
    torch::NoGradGuard noGrad;
    double sum = 0;
    for (std::int64_t b = 0; b < images.size(0); b += kEvalBatch) {
        checkpoint(cancel);
        const std::int64_t e = std::min(images.size(0), b + kEvalBatch);
        const torch::Tensor out = blockOutput(student, next, images.slice(0, b, e).to(device));
        sum += (out - targets.slice(0, b, e)).pow(2).sum().item<double>();
    }
    return sum / static_cast<double>(targets.numel());
}


} // namespace

std::string blockOfLayer(const std::string& layerName)
{
    std::size_t from = 0;
    while (from <= layerName.size()) {
        std::size_t dot = layerName.find('.', from);
        if (dot == std::string::npos)
            dot = layerName.size();
        if (endsBlockPath(layerName.substr(from, dot - from)))
            return layerName.substr(0, dot);
        from = dot + 1;
    }
    return layerName;
}

std::vector<ReconstructionBlock> findBlocks(models::ZooModelImpl& model, const torch::Tensor& probe)
{
    std::map<const torch::nn::Module*, std::size_t> layerIndex, actIndex;
    for (std::size_t i = 0; i < model.quantLayers().size(); ++i)
        layerIndex[moduleOf(model.quantLayers()[i])] = i;
    for (std::size_t i = 0; i < model.actQuants().size(); ++i)
        actIndex[model.actQuants()[i].act] = i;

    models::LayerInputRecorder recorder;
    {
        torch::NoGradGuard noGrad;
        model.forward(probe);
    }
    std::vector<ReconstructionBlock> blocks;
    std::vector<bool> layerSeen(layerIndex.size(), false), actSeen(actIndex.size(), false);
    for (const auto& [module, input] : recorder.inputs) {
        if (auto l = layerIndex.find(module); l != layerIndex.end()) {
            if (layerSeen[l->second])
                continue;
            layerSeen[l->second] = true;
            const std::string name = blockOfLayer(model.quantLayers()[l->second].name);
            if (blocks.empty() || blocks.back().name != name) {
                if (!blocks.empty())
                    blocks.back().next = l->second;
                blocks.push_back({name, {}, {}, kNone});
            }
            blocks.back().layers.push_back(l->second);
        } else if (auto a = actIndex.find(module); a != actIndex.end()) {
            if (actSeen[a->second] || blocks.empty())
                continue; // a quantizer before the first layer keeps its searched range
            actSeen[a->second] = true;
            blocks.back().activations.push_back(a->second);
        }
    }
    return blocks;
}

std::vector<LayerReconstruction> reconstructBlocks(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                                                   const torch::Tensor& images, const ReconstructionConfig& config,
                                                   const torch::Device& device, EventSink& sink,
                                                   const CancelToken* cancel)
{
    const auto start = std::chrono::steady_clock::now();
    const std::vector<ReconstructionBlock> blocks = findBlocks(student, images.slice(0, 0, 2).to(device));
    std::vector<std::string> blockNames;
    for (const ReconstructionBlock& block : blocks)
        blockNames.push_back(block.name);
    const nlohmann::json settings = refineSettings(config, images, blockNames);
    RefineProgress progress;
    if (!config.resumePath.empty()) {
        progress = loadRefineCheckpoint(config.resumePath, student, settings);
        quant::setActivationMode(student, models::ActQuantImpl::Mode::Frozen);
        sink.onMessage(LogLevel::Info, "refinement resumed from " + config.resumePath + " after block " +
                                           blocks[progress.blocksDone - 1].name + " (" +
                                           std::to_string(progress.blocksDone) + " of " +
                                           std::to_string(blocks.size()) + " done)");
    }
    FrozenParameters frozen(student);
    ProgressMeter meter(sink, "refine: blocks", static_cast<std::int64_t>(blocks.size()) * config.iterations);
    std::int64_t step = static_cast<std::int64_t>(progress.blocksDone) * config.iterations;
    meter.update(step);
    std::vector<LayerReconstruction> reports = progress.reports;
    auto& layers = student.quantLayers();
    auto& acts = student.actQuants();
    const std::int64_t n = images.size(0);
    for (std::size_t b = progress.blocksDone; b < blocks.size(); ++b) {
        const ReconstructionBlock& block = blocks[b];
        const torch::nn::Module* next = block.next == kNone ? nullptr : moduleOf(layers[block.next]);
        const torch::Tensor targets = teacherTargets(teacher, block.next, images, device, cancel);
        LayerReconstruction report;
        report.layer = block.name;
        report.mseBefore = blockMse(student, next, images, targets, device, cancel);

        // The block's learnable state: rounding variables and range ends.
        std::vector<std::pair<models::NamedQuantLayer*, std::unique_ptr<quant::AdaRoundWeight>>> roundings;
        std::vector<torch::Tensor> roundingParams, rangeParams;
        for (std::size_t i : block.layers) {
            auto& layer = layers[i];
            if (layer.setting().bits <= 0 || !layer.setting().fixedRange())
                continue;
            auto r = std::make_unique<quant::AdaRoundWeight>(layer.weight(), layer.setting().lo, layer.setting().hi,
                                                             layer.setting().bits);
            roundingParams.push_back(r->logits());
            roundings.emplace_back(&layer, std::move(r));
        }
        std::vector<models::ActQuantImpl*> learned;
        for (std::size_t i : block.activations) {
            models::ActQuantImpl* act = acts[i].act;
            if (act->bits <= 0 || !act->range.initialized())
                continue;
            act->range.to(device);
            act->learnedLo = act->range.lo().detach().clone().set_requires_grad(config.actLr > 0);
            act->learnedHi = act->range.hi().detach().clone().set_requires_grad(config.actLr > 0);
            act->dropProbability = config.qdrop;
            if (config.actLr > 0) {
                rangeParams.push_back(act->learnedLo);
                rangeParams.push_back(act->learnedHi);
            }
            learned.push_back(act);
        }
        // Whatever ends the block (a cancel, an error), the model is left
        // with plain weights and fixed ranges, not the training state.
        struct ClearTrainingState {
            decltype(roundings)& r;
            std::vector<models::ActQuantImpl*>& a;
            ~ClearTrainingState() { clear(); }
            void clear()
            {
                for (auto& entry : r)
                    entry.first->setting().trainingWeight = torch::Tensor();
                for (models::ActQuantImpl* act : a) {
                    act->learnedLo = torch::Tensor();
                    act->learnedHi = torch::Tensor();
                    act->dropProbability = 0;
                }
            }
        } clearTrainingState{roundings, learned};
        const bool learnRounding = config.adaround && config.lr > 0 && !roundingParams.empty();
        std::unique_ptr<torch::optim::Adam> roundingOpt, rangeOpt, stepOpt;
        if (learnRounding)
            roundingOpt = std::make_unique<torch::optim::Adam>(roundingParams, torch::optim::AdamOptions(config.lr));
        if (!rangeParams.empty())
            rangeOpt = std::make_unique<torch::optim::Adam>(rangeParams, torch::optim::AdamOptions(config.actLr));
        if (learnRounding && config.weightLr > 0) {
            std::vector<torch::Tensor> stepParams;
            for (auto& [layer, r] : roundings) {
                r->learnStep();
                stepParams.push_back(r->stepFactor());
            }
            stepOpt = std::make_unique<torch::optim::Adam>(stepParams, torch::optim::AdamOptions(config.weightLr));
        }

        if (roundingOpt || rangeOpt) {
            for (int it = 0; it < config.iterations; ++it) {
                checkpoint(cancel);
                const torch::Tensor idx =
                    torch::randint(n, {std::min(config.batchSize, n)}, torch::TensorOptions().dtype(torch::kLong));
                if (learnRounding)
                    for (auto& [layer, r] : roundings)
                        layer->setting().trainingWeight = r->softWeight();
                const torch::Tensor out = blockOutput(student, next, images.index_select(0, idx).to(device));
                const torch::Tensor diff = out - targets.index_select(0, idx.to(targets.device()));
                // BRECQ's loss (lp_loss with p = 2): squared error summed
                // over channels, averaged over samples and positions; the
                // regulariser summed over weights.
                torch::Tensor loss = diff.pow(2).sum(1).mean();
                const double mse = diff.pow(2).mean().item<double>();
                if (const auto beta = learnRounding ? roundingBeta(config, it) : std::nullopt)
                    for (auto& [layer, r] : roundings)
                        loss = loss + config.regWeight * r->regularizer(*beta);
                if (roundingOpt)
                    roundingOpt->zero_grad();
                if (rangeOpt)
                    rangeOpt->zero_grad();
                if (stepOpt)
                    stepOpt->zero_grad();
                loss.backward();
                if (roundingOpt)
                    roundingOpt->step();
                if (rangeOpt)
                    rangeOpt->step();
                if (stepOpt)
                    stepOpt->step();
                if (!std::isfinite(mse))
                    throw RuntimeFailure("refinement diverged in block " + block.name);
                if (it % 50 == 0 || it + 1 == config.iterations)
                    sink.onLosses(step, {{"R/block_mse", mse}});
                meter.update(++step);
            }
        } else {
            step += config.iterations;
            meter.update(step);
        }

        // Decide: hard rounding into the weights, the learned ranges into
        // the quantizers' fixed ranges.
        {
            torch::NoGradGuard noGrad;
            double undecided = 0;
            for (auto& [layer, r] : roundings) {
                undecided += r->undecidedFraction();
                layer->weight().copy_(r->hardWeight());
                // A learned step moves the layer's fixed range with it.
                std::tie(layer->setting().lo, layer->setting().hi) =
                    r->decidedRange(layer->setting().lo, layer->setting().hi);
            }
            report.undecided = roundings.empty() ? 0 : undecided / static_cast<double>(roundings.size());
            for (models::ActQuantImpl* act : learned) {
                double lo = act->learnedLo.item<double>(), hi = act->learnedHi.item<double>();
                if (!(hi > lo))
                    std::swap(lo, hi);
                act->range.setRange(lo, hi);
                act->range.to(device);
            }
        }
        clearTrainingState.clear();
        report.mseAfter = blockMse(student, next, images, targets, device, cancel);
        sink.onMessage(LogLevel::Info, "refine block " + block.name + ": output MSE " +
                                           std::to_string(report.mseBefore) + " -> " +
                                           std::to_string(report.mseAfter) + ", undecided " +
                                           std::to_string(report.undecided));
        reports.push_back(report);
        if (!config.checkpointPath.empty() && b + 1 < blocks.size()) {
            // Here, between blocks, nothing but the student, its ranges and
            // the random state carry over to the next block.
            RefineProgress now{b + 1, reports,
                               progress.seconds +
                                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
            saveRefineCheckpoint(config.checkpointPath, student, settings, now);
        }
    }
    return reports;
}

} // namespace zsq::engine
