#include "analysis/layer_analysis.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <unordered_map>

#include <torch/torch.h>

#include "common/error.h"
#include "common/progress_meter.h"
#include "common/runtime.h"
#include "data/dataset_registry.h"
#include "engine/ptq.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "models/zoo.h"
#include "quant/fake_quant.h"
#include "quant/model_quantizer.h"
#include "config/preprocessing_keys.h"
#include "data/model_input.h"

namespace zsq::analysis {

namespace {

using models::ActQuantImpl;
using models::ZooModelImpl;

struct EvalData {
    std::vector<torch::Tensor> inputs;   // normalised, on the device
    std::vector<torch::Tensor> labels;   // real labels, or empty (teacher predictions are used)
    bool real = true;
    std::string description;
    EvalDataSource source;
    std::int64_t samples = 0;
};

EvalData loadEvalData(const LayerAnalysisConfig& cfg, ZooModelImpl& teacher, const torch::Device& device,
                      EventSink& sink, const CancelToken* cancel)
{
    const models::ModelInfo& info = teacher.info();
    EvalData d;
    if (cfg.dataset != "none") {
        data::DatasetRequest request = data::datasetRequestFor(cfg.dataset, cfg.split, info);
        request.cancel = cancel;
        data::DatasetPtr ds = data::openDataset(request);
        if (ds->numClasses() != info.numClasses)
            throw InputError("the dataset has " + std::to_string(ds->numClasses()) + " classes but the model has " +
                             std::to_string(info.numClasses));
        const std::int64_t n = cfg.limit > 0 ? std::min(cfg.limit, ds->size()) : ds->size();
        for (std::int64_t b = 0; b < n; b += cfg.batch) {
            const data::Batch batch = ds->range(b, std::min(n, b + cfg.batch));
            d.inputs.push_back(
                data::prepareInput(batch.images, info).to(device));
            d.labels.push_back(batch.labels.to(device));
        }
        d.samples = n;
        d.description = cfg.dataset + "/" + cfg.split + " (" + std::to_string(n) + " samples, top-1 against labels)";
        d.source = {cfg.dataset, cfg.split, n};
        return d;
    }
    // Zero-shot: ZeroQ-distilled inputs; the teacher's predictions are the
    // reference, so "accuracy" means agreement with the FP model.
    engine::PtqConfig pc;
    pc.batchSize = cfg.distillSamples;
    pc.iterations = cfg.distillIterations;
    const torch::Tensor x = engine::distillData(teacher, pc, device, sink, cancel);
    for (std::int64_t b = 0; b < x.size(0); b += cfg.batch)
        d.inputs.push_back(x.narrow(0, b, std::min(cfg.batch, x.size(0) - b)).to(device));
    d.real = false;
    d.samples = x.size(0);
    d.description = std::to_string(d.samples) + " ZeroQ-distilled samples (agreement with the FP model)";
    d.source = {"none", "", d.samples};
    return d;
}

// Layer outputs of one forward pass, by quantizable-layer index.
std::vector<torch::Tensor> byLayer(const models::LayerOutputRecorder& rec,
                                   const std::unordered_map<const torch::nn::Module*, std::size_t>& index,
                                   std::size_t layers)
{
    std::vector<torch::Tensor> out(layers);
    for (const auto& [module, tensor] : rec.outputs) {
        auto it = index.find(module);
        if (it != index.end() && !out[it->second].defined())
            out[it->second] = tensor;
    }
    return out;
}

std::unordered_map<const torch::nn::Module*, std::size_t> layerIndex(ZooModelImpl& m)
{
    std::unordered_map<const torch::nn::Module*, std::size_t> index;
    auto& layers = m.quantLayers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        index[layers[i].conv ? static_cast<const torch::nn::Module*>(layers[i].conv)
                             : static_cast<const torch::nn::Module*>(layers[i].linear)] = i;
    return index;
}

// Learned rounding (--refine adaround|brecq) stores a layer's weight already
// rounded onto its fixed grid: its float weight is not in the checkpoint. For
// such layers this holds the FP model's weight, which the analysis uses when
// the layer is to stay in float (bits 0); undefined for every other layer.
std::vector<torch::Tensor> floatWeightsOfRoundedLayers(ZooModelImpl& fp, ZooModelImpl& q)
{
    auto& layers = q.quantLayers();
    std::vector<torch::Tensor> out(layers.size());
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < layers.size() && i < fp.quantLayers().size(); ++i) {
        auto& s = layers[i].setting();
        if (s.bits <= 0 || !s.fixedRange())
            continue;
        const torch::Tensor w = layers[i].weight();
        if (torch::allclose(quant::fakeQuantizeWeightInRange(w, s.lo, s.hi, s.bits), w, 0, 1e-6))
            out[i] = fp.quantLayers()[i].weight().detach();
    }
    return out;
}

void setWeightBits(ZooModelImpl& m, const std::vector<int>& bits, const std::vector<torch::Tensor>& floatWeights)
{
    auto& layers = m.quantLayers();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        layers[i].setting().bits = bits[i];
        layers[i].setting().trainingWeight =
            bits[i] == 0 && i < floatWeights.size() ? floatWeights[i] : torch::Tensor();
    }
}

void setActs(ZooModelImpl& m, const std::vector<ActQuantImpl::Mode>& modes)
{
    auto& acts = m.actQuants();
    for (std::size_t i = 0; i < acts.size(); ++i)
        acts[i].act->mode = modes[i];
}

std::int64_t correctCount(const torch::Tensor& logits, const torch::Tensor& target)
{
    return logits.argmax(1).eq(target).sum().item<std::int64_t>();
}

double percent(std::int64_t correct, std::int64_t total)
{
    return total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0.0;
}

std::int64_t figureForwardsPerBatch(const LayerAnalysisConfig& cfg, std::size_t layers)
{
    return 2 + (cfg.perLayer ? 2 * static_cast<std::int64_t>(layers) : 0);
}

std::int64_t sensitivityForwardsPerBatch(const LayerAnalysisConfig& cfg, std::size_t layers)
{
    return cfg.sensitivity ? 1 + static_cast<std::int64_t>(layers * cfg.candidateBits.size()) : 0;
}

// The weight bits and activation modes of `q`, to restore after trying
// others, and the modes with every activation in float.
struct QuantSettings {
    std::vector<int> bits;
    std::vector<ActQuantImpl::Mode> quantModes, offModes;
};

QuantSettings quantSettingsOf(ZooModelImpl& q)
{
    QuantSettings s;
    for (auto& l : q.quantLayers())
        s.bits.push_back(l.setting().bits);
    for (auto& a : q.actQuants()) {
        s.quantModes.push_back(a.act->mode);
        s.offModes.push_back(ActQuantImpl::Mode::Off);
    }
    return s;
}

LayerStateReport analyseState(const std::string& name, ZooModelImpl& fp, ZooModelImpl& q, const EvalData& data,
                              const LayerAnalysisConfig& cfg, ProgressMeter& meter, std::int64_t& step,
                              const CancelToken* cancel, const std::function<void(const LayerStateReport&)>& onBatch)
{
    auto& layers = q.quantLayers();
    const std::size_t m = layers.size();
    const QuantSettings settings = quantSettingsOf(q);
    const std::vector<torch::Tensor> floatWeights = floatWeightsOfRoundedLayers(fp, q);
    const std::vector<int>& bits = settings.bits;
    const std::vector<ActQuantImpl::Mode>& quantModes = settings.quantModes;
    const std::vector<ActQuantImpl::Mode>& offModes = settings.offModes;
    const auto fpIndex = layerIndex(fp), qIndex = layerIndex(q);

    std::int64_t fpCorrect = 0, fullCorrect = 0, total = 0;
    std::vector<std::int64_t> single(m, 0), cumulative(m, 0);
    std::vector<double> signal(m, 0), noise(m, 0), cosine(m, 0);

    const double averageWeightBits = [&] {
        setWeightBits(q, bits, floatWeights);
        return quant::modelSize(q).averageWeightBits;
    }();
    // The figures over the samples seen so far.
    auto report = [&] {
        LayerStateReport r;
        r.state = name;
        r.fpTop1 = percent(fpCorrect, total);
        r.quantTop1 = percent(fullCorrect, total);
        r.averageWeightBits = averageWeightBits;
        for (std::size_t i = 0; i < m; ++i) {
            LayerFigures f;
            f.name = layers[i].name;
            f.kind = layers[i].kind;
            f.parameters = layers[i].weight().numel();
            f.bits = bits[i];
            f.singleTop1 = percent(single[i], total);
            f.cumulativeTop1 = percent(cumulative[i], total);
            f.sqnrDb = noise[i] > 0 ? 10 * std::log10(signal[i] / noise[i]) : std::numeric_limits<double>::infinity();
            f.cosine = total ? cosine[i] / static_cast<double>(total) : 0;
            r.layers.push_back(f);
        }
        return r;
    };

    torch::InferenceMode inference;
    for (std::size_t b = 0; b < data.inputs.size(); ++b) {
        const torch::Tensor& x = data.inputs[b];
        const std::int64_t n = x.size(0);
        checkpoint(cancel);
        // The FP pass, shared by every configuration of this batch. The
        // recorder lives for this pass only: left alive, it also kept every
        // layer output of the 2m single/cumulative passes below (about 5 GB
        // per batch of 250 for the demo model).
        torch::Tensor fpLogits;
        std::vector<torch::Tensor> fpOut;
        {
            models::LayerOutputRecorder fpRec;
            fpLogits = fp.forward(x);
            fpOut = byLayer(fpRec, fpIndex, m);
        }
        const torch::Tensor target = data.real ? data.labels[b] : fpLogits.argmax(1);
        fpCorrect += correctCount(fpLogits, target);
        total += n;
        meter.update(++step);

        // Fully quantized: weights and activations.
        {
            setWeightBits(q, bits, floatWeights);
            setActs(q, quantModes);
            models::LayerOutputRecorder qRec;
            const torch::Tensor logits = q.forward(x);
            fullCorrect += correctCount(logits, target);
            const std::vector<torch::Tensor> qOut = byLayer(qRec, qIndex, m);
            for (std::size_t i = 0; i < m; ++i) {
                if (!fpOut[i].defined() || !qOut[i].defined())
                    continue;
                const torch::Tensor a = fpOut[i].reshape({n, -1}).to(torch::kDouble);
                const torch::Tensor c = qOut[i].reshape({n, -1}).to(torch::kDouble);
                signal[i] += a.pow(2).sum().item<double>();
                noise[i] += (a - c).pow(2).sum().item<double>();
                cosine[i] += torch::cosine_similarity(a, c, 1, 1e-12).sum().item<double>();
            }
            meter.update(++step);
        }
        setActs(q, offModes);
        std::vector<int> current(m, 0);
        if (cfg.perLayer) {
            for (std::size_t l = 0; l < m; ++l) {
                checkpoint(cancel);
                std::fill(current.begin(), current.end(), 0);
                current[l] = bits[l];
                setWeightBits(q, current, floatWeights);
                single[l] += correctCount(q.forward(x), target);
                meter.update(++step);
            }
            for (std::size_t l = 0; l < m; ++l) {
                checkpoint(cancel);
                for (std::size_t i = 0; i < m; ++i)
                    current[i] = i <= l ? bits[i] : 0;
                setWeightBits(q, current, floatWeights);
                cumulative[l] += correctCount(q.forward(x), target);
                meter.update(++step);
            }
        }
        if (onBatch && b + 1 < data.inputs.size())
            onBatch(report());
    }
    setWeightBits(q, bits, floatWeights);
    setActs(q, quantModes);
    return report();
}

// The KL sensitivity of each layer of `q` at each candidate width (that
// layer alone quantized, activations in float), on `data`, into r.layers.
void measureSensitivity(ZooModelImpl& fp, ZooModelImpl& q, const EvalData& data, const LayerAnalysisConfig& cfg,
                        ProgressMeter& meter, std::int64_t& step, const CancelToken* cancel, LayerStateReport& r)
{
    auto& layers = q.quantLayers();
    const std::size_t m = layers.size();
    const QuantSettings settings = quantSettingsOf(q);
    const std::vector<torch::Tensor> floatWeights = floatWeightsOfRoundedLayers(fp, q);
    const std::vector<int>& bits = settings.bits;
    const std::vector<ActQuantImpl::Mode>& quantModes = settings.quantModes;
    const std::vector<ActQuantImpl::Mode>& offModes = settings.offModes;
    std::vector<std::vector<double>> kl(m, std::vector<double>(cfg.candidateBits.size(), 0));
    std::int64_t total = 0;
    torch::InferenceMode inference;
    setActs(q, offModes);
    std::vector<int> current(m, 0);
    for (const torch::Tensor& x : data.inputs) {
        checkpoint(cancel);
        const torch::Tensor fpLogP = torch::log_softmax(fp.forward(x), 1);
        const torch::Tensor fpP = fpLogP.exp();  // shared by every pass of this batch
        total += x.size(0);
        meter.update(++step);
        for (std::size_t l = 0; l < m; ++l)
            for (std::size_t c = 0; c < cfg.candidateBits.size(); ++c) {
                checkpoint(cancel);
                std::fill(current.begin(), current.end(), 0);
                current[l] = cfg.candidateBits[c];
                setWeightBits(q, current, floatWeights);
                const torch::Tensor logP = torch::log_softmax(q.forward(x), 1);
                kl[l][c] += (fpP * (fpLogP - logP)).sum().item<double>();
                meter.update(++step);
            }
    }
    setWeightBits(q, bits, floatWeights);
    setActs(q, quantModes);
    for (std::size_t i = 0; i < m && i < r.layers.size(); ++i)
        for (std::size_t c = 0; c < cfg.candidateBits.size(); ++c)
            // KL >= 0; float rounding can leave a tiny negative sum at high bits.
            r.layers[i].sensitivity[cfg.candidateBits[c]] =
                total ? std::max(0.0, kl[i][c] / static_cast<double>(total)) : 0;
}

// Activation ranges for the "before" model: EMA over the first samples of
// the analysis data, with the weights quantized, then frozen.
void calibrate(ZooModelImpl& q, const EvalData& data, std::int64_t samples)
{
    quant::setActivationMode(q, ActQuantImpl::Mode::Calibrate);
    torch::InferenceMode inference;
    std::int64_t seen = 0;
    for (const auto& x : data.inputs) {
        if (seen >= samples)
            break;
        q.forward(x);
        seen += x.size(0);
    }
    quant::setActivationMode(q, ActQuantImpl::Mode::Frozen);
}

void checkCandidates(const std::vector<int>& bits)
{
    for (int b : bits)
        if (b < 2 || b > 16)
            throw InputError("candidate bit width " + std::to_string(b) + " outside 2..16");
}

} // namespace

LayerAnalysisConfig sensitivityConfig(const LayerAnalysisConfig& cfg)
{
    LayerAnalysisConfig s = cfg;
    s.perLayer = false;
    if (s.dataset != "none")
        s.split = kSensitivitySplit;
    return s;
}

LayerAnalysisResult runLayerAnalysis(const LayerAnalysisConfig& cfg, EventSink& sink, const CancelToken* cancel,
                                     const LayerPartialCallback& onPartial)
{
    if (cfg.wbits < 2 || cfg.wbits > 16 || cfg.abits < 0 || cfg.abits > 16)
        throw InputError("bits: weights 2..16, activations 0 (float) or 2..16");
    if (cfg.batch < 1)
        throw InputError("the batch size must be positive");
    checkCandidates(cfg.candidateBits);
    const auto start = std::chrono::steady_clock::now();
    const torch::Device device = resolveDevice(cfg.device);
    seedEverything(cfg.seed);
    const io::LoadOptions options = config::loadOptionsFromJsonText(cfg.arch, cfg.preprocessingJson, "command line");
    io::LoadedModel teacher =
        io::loadModel(cfg.model.empty() || cfg.model == "demo" ? io::demoModelPath() : cfg.model, options);
    quant::removeQuantization(*teacher.model);
    teacher.model->to(device);
    teacher.model->eval();

    // The "after" model decides the bit widths when given, so that both
    // states are compared at the same precision.
    models::ModelPtr after;
    quant::QuantConfig qc;
    qc.wbits = cfg.wbits;
    qc.abits = cfg.abits;
    qc.perChannel = cfg.perChannel;
    qc.layerWbits = cfg.layerWbits;
    if (!cfg.quantized.empty()) {
        io::LoadOptions afterOptions;
        afterOptions.arch = teacher.model->info().arch;
        after = io::loadModel(cfg.quantized, afterOptions).model;
        if (after->quantLayers().size() != teacher.model->quantLayers().size())
            throw InputError(cfg.quantized + " does not have the layers of " + teacher.path);
        // The run recorded the preprocessing it quantized with; the FP model
        // is compared under the same one unless the user says otherwise.
        if (cfg.preprocessingJson.empty())
            teacher.model->setPreprocessing(after->info());
        qc.layerWbits.clear();
        for (auto& l : after->quantLayers())
            qc.layerWbits[l.name] = l.setting().bits;
        for (auto& a : after->actQuants())
            qc.actAbits[a.name] = a.act->mode == ActQuantImpl::Mode::Off ? 0 : a.act->bits;
        after->to(device);
        after->eval();
    }

    const EvalData data = loadEvalData(cfg, *teacher.model, device, sink, cancel);
    // Sensitivities choose bit widths, so they never come from the split the
    // results are reported on (see sensitivityConfig()).
    const LayerAnalysisConfig sensitivityCfg = sensitivityConfig(cfg);
    const bool separateSensitivityData =
        cfg.sensitivity && (sensitivityCfg.dataset != cfg.dataset || sensitivityCfg.split != cfg.split);
    EvalData sensitivityOwn;
    if (separateSensitivityData)
        sensitivityOwn = loadEvalData(sensitivityCfg, *teacher.model, device, sink, cancel);
    const EvalData& sensitivityData = separateSensitivityData ? sensitivityOwn : data;
    models::ModelPtr before = models::cloneModel(*teacher.model);
    before->to(device);
    before->eval();
    quant::applyQuantConfig(*before, qc);
    calibrate(*before, data, cfg.calibrationSamples);

    const std::size_t states = after ? 2 : 1;
    const std::size_t layerCount = before->quantLayers().size();
    ProgressMeter meter(sink, "per-layer analysis",
                        static_cast<std::int64_t>(states) *
                            (static_cast<std::int64_t>(data.inputs.size()) * figureForwardsPerBatch(cfg, layerCount) +
                             static_cast<std::int64_t>(sensitivityData.inputs.size()) *
                                 sensitivityForwardsPerBatch(cfg, layerCount)));
    std::int64_t step = 0;
    LayerAnalysisResult result;
    result.arch = teacher.model->info().arch;
    result.realLabels = data.real;
    result.data = data.description;
    result.dataSource = data.source;
    result.samples = data.samples;
    result.abits = cfg.abits;
    if (cfg.sensitivity)
        result.sensitivityData = sensitivityData.description;
        result.sensitivitySource = sensitivityData.source;
    std::function<void(const LayerStateReport&)> partial;
    if (onPartial)
        partial = [&](const LayerStateReport& current) {
            LayerAnalysisResult soFar = result;
            soFar.states.push_back(current);
            onPartial(soFar);
        };
    result.states.push_back(analyseState("before", *teacher.model, *before, data, cfg, meter, step, cancel, partial));
    if (cfg.sensitivity)
        measureSensitivity(*teacher.model, *before, sensitivityData, cfg, meter, step, cancel, result.states.back());
    if (after) {
        if (onPartial)
            onPartial(result);
        result.states.push_back(analyseState("after", *teacher.model, *after, data, cfg, meter, step, cancel, partial));
        if (cfg.sensitivity)
            measureSensitivity(*teacher.model, *after, sensitivityData, cfg, meter, step, cancel, result.states.back());
    }
    meter.update(step, true);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

nlohmann::json EvalDataSource::toJson() const
{
    return {{"dataset", dataset}, {"split", split}, {"samples", samples}};
}

EvalDataSource EvalDataSource::fromJson(const nlohmann::json& js)
{
    if (!js.is_object())
        return {};
    EvalDataSource s;
    s.dataset = js.value("dataset", "");
    s.split = js.value("split", "");
    s.samples = js.value("samples", std::int64_t(0));
    return s;
}

nlohmann::json LayerAnalysisResult::toJson() const
{
    nlohmann::json js = {{"arch", arch},     {"data", data},       {"sensitivity_data", sensitivityData}, {"real_labels", realLabels},
                         {"samples", samples}, {"abits", abits}, {"seconds", seconds},
                         {"accuracy_means", realLabels ? "top-1 against labels" : "agreement with the FP model"}};
    nlohmann::json st = nlohmann::json::array();
    for (const auto& s : states) {
        nlohmann::json layers = nlohmann::json::array();
        for (const auto& l : s.layers) {
            nlohmann::json sens = nlohmann::json::object();
            for (const auto& [b, v] : l.sensitivity)
                sens[std::to_string(b)] = v;
            layers.push_back({{"name", l.name},
                              {"kind", l.kind},
                              {"parameters", l.parameters},
                              {"bits", l.bits},
                              {"single_top1", l.singleTop1},
                              {"cumulative_top1", l.cumulativeTop1},
                              {"sqnr_db", std::isfinite(l.sqnrDb) ? nlohmann::json(l.sqnrDb) : nlohmann::json()},
                              {"cosine", l.cosine},
                              {"sensitivity_kl", sens}});
        }
        st.push_back({{"state", s.state},
                      {"fp_top1", s.fpTop1},
                      {"quant_top1", s.quantTop1},
                      {"average_weight_bits", s.averageWeightBits},
                      {"layers", layers}});
    }
    js["states"] = st;
    js["data_source"] = dataSource.toJson();
    if (!sensitivityData.empty())
        js["sensitivity_source"] = sensitivitySource.toJson();
    return js;
}

void writeLayerOutputs(const LayerAnalysisResult& result, const std::string& dir)
{
    std::filesystem::create_directories(dir);
    std::ostringstream csv;
    csv << "state,layer,kind,parameters,bits,single_top1,cumulative_top1,sqnr_db,cosine";
    std::vector<int> candidates;
    if (!result.states.empty() && !result.states[0].layers.empty())
        for (const auto& [b, v] : result.states[0].layers[0].sensitivity)
            candidates.push_back(b);
    for (int b : candidates)
        csv << ",kl_w" << b;
    csv << '\n';
    csv.precision(6);
    for (const auto& s : result.states)
        for (const auto& l : s.layers) {
            csv << s.state << ',' << l.name << ',' << l.kind << ',' << l.parameters << ',' << l.bits << ','
                << l.singleTop1 << ',' << l.cumulativeTop1 << ',' << l.sqnrDb << ',' << l.cosine;
            for (int b : candidates)
                csv << ',' << l.sensitivity.at(b);
            csv << '\n';
        }
    io::writeFileAtomically((std::filesystem::path(dir) / "layers.csv").string(), csv.str());
    io::writeFileAtomically((std::filesystem::path(dir) / "layers.json").string(), result.toJson().dump(2) + "\n");
}

} // namespace zsq::analysis
