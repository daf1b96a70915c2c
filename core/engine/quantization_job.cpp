#include "engine/quantization_job.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include <unistd.h>

#include "common/error.h"
#include "common/runtime.h"
#include "config/method_defaults.h"
#include "config/preprocessing_keys.h"
#include "config/run_config.h"
#include "data/dataset_registry.h"
#include "data/model_input.h"
#include "engine/evaluate.h"
#include "engine/genie_distill.h"
#include "engine/ptq.h"
#include "engine/reconstruction.h"
#include "engine/reconstruction_steps.h"
#include "engine/refine_checkpoint.h"
#include "engine/zsq_trainer.h"
#include "distributed/communicator.h"
#include "io/atomic_file.h"
#include "io/image_export.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "methods/method.h"
#include "models/preprocessing.h"
#include "models/zoo.h"

namespace zsq::engine {

namespace {

// `n` random real training images in the model's input space (the
// realdata method's and refine.source=real's calibration set).
torch::Tensor realImages(const nlohmann::json& cfg, const models::ModelInfo& info, std::int64_t n)
{
    const data::DatasetPtr train =
        data::openDataset(data::datasetRequestFor(cfg["dataset"].get<std::string>(), "train", info));
    const torch::Tensor idx = torch::randperm(train->size(), torch::kLong).slice(0, 0, std::min(n, train->size()));
    const data::Batch batch =
        train->get(std::vector<std::int64_t>(idx.data_ptr<std::int64_t>(), idx.data_ptr<std::int64_t>() + idx.numel()));
    return data::prepareInput(batch.images, info);
}

// "name:choice;name:choice" (whitespace around the parts ignored) -> map.
std::map<std::string, std::string> namedChoices(const std::string& key, const std::string& text)
{
    std::map<std::string, std::string> out;
    auto trim = [](std::string s) {
        const auto b = s.find_first_not_of(" \t\n");
        const auto e = s.find_last_not_of(" \t\n");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t end = std::min(text.find(';', begin), text.size());
        const std::string item = trim(text.substr(begin, end - begin));
        begin = end + 1;
        if (item.empty())
            continue;
        const auto colon = item.rfind(':');
        if (colon == std::string::npos || trim(item.substr(0, colon)).empty() || trim(item.substr(colon + 1)).empty())
            throw InputError(key + " expects 'name:choice;name:choice', got '" + item + "'");
        out[trim(item.substr(0, colon))] = trim(item.substr(colon + 1));
    }
    return out;
}

// Samples evaluated before a run to catch a wrong preprocessing early.
constexpr std::int64_t kPreprocessingProbeSamples = 500;

std::string defaultOutputDir(const nlohmann::json& cfg)
{
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return "runs/" + cfg["method"].get<std::string>() + "-w" + std::to_string(cfg["wbits"].get<int>()) + "a" +
           std::to_string(cfg["abits"].get<int>()) + "-" + stamp;
}

quant::QuantConfig quantConfigFrom(const nlohmann::json& cfg)
{
    quant::QuantConfig q;
    q.wbits = cfg["wbits"].get<int>();
    q.abits = cfg["abits"].get<int>();
    q.perChannel = cfg["per_channel"].get<bool>();
    for (const auto& [name, bits] : cfg["layer_bits"].items())
        q.layerWbits[name] = bits.get<int>();
    for (const auto& [name, bits] : cfg["act_bits"].items())
        q.actAbits[name] = bits.get<int>();
    q.firstLastBits = cfg["first_last_bits"].get<int>();
    return q;
}

methods::MethodOptions methodOptionsFrom(const nlohmann::json& cfg)
{
    methods::MethodOptions o;
    o.bnsWeight = cfg["gdfq"]["bns_weight"].get<double>();
    o.kdTemperature = cfg["gdfq"]["kd_temperature"].get<double>();
    const auto& c = cfg["clusterq"];
    o.clusterWeight = c["cluster_weight"].get<double>();
    o.softStatEpoch = c["soft_stat_epoch"].get<int>();
    o.centroidDecay = c["centroid_decay"].get<double>();
    o.clusterEma = c["ema"].get<bool>();
    o.diversityStd = c["diversity_std"].get<double>();
    o.clusterDiversity = c["diversity"].get<bool>();
    o.augmentProbability = c["augment_probability"].get<double>();
    o.cropRatio = c["crop_ratio"].get<double>();
    const auto& l = cfg["lrq"];
    o.longRange = l["lka"].get<bool>();
    o.ama = l["ama"].get<bool>();
    o.amaWeight = l["ama_weight"].get<double>();
    o.amaScale = l["ama_scale"].get<double>();
    o.amaMargin = l["ama_margin"].get<double>();
    o.dkd = l["dkd"].get<bool>();
    o.dkdAlpha = l["dkd_alpha"].get<double>();
    o.dkdBeta = l["dkd_beta"].get<double>();
    o.dkdTemperature = l["dkd_temperature"].get<double>();
    o.dkdWarmupEpochs = l["dkd_warmup_epochs"].get<int>();
    return o;
}

GenieConfig genieConfigFrom(const nlohmann::json& cfg)
{
    const auto& g = cfg["genie"];
    GenieConfig c;
    c.samples = g["samples"].get<std::int64_t>();
    c.batchSize = g["batch_size"].get<std::int64_t>();
    c.iterations = g["iterations"].get<int>();
    c.latentLr = g["latent_lr"].get<double>();
    c.generatorLr = g["generator_lr"].get<double>();
    c.swingJitter = g["swing"].get<int>();
    return c;
}

TrainerConfig trainerConfigFrom(const nlohmann::json& cfg)
{
    const auto& t = cfg["train"];
    TrainerConfig c;
    c.epochs = t["epochs"].get<int>();
    c.iterationsPerEpoch = t["iterations"].get<int>();
    c.batchSize = t["batch_size"].get<std::int64_t>();
    c.warmupEpochs = t["warmup_epochs"].get<int>();
    c.calibrationEpochs = t["calibration_epochs"].get<int>();
    c.studentLr = t["student_lr"].get<double>();
    c.generatorLr = t["generator_lr"].get<double>();
    c.studentWeightDecay = t["weight_decay"].get<double>();
    c.evalLimit = t["eval_limit"].get<std::int64_t>();
    c.imageEvery = t["image_every"].get<int>();
    c.evalBatch = cfg["eval_batch"].get<std::int64_t>();
    c.seed = cfg["seed"].get<std::uint64_t>();
    // GDFQ drops both learning rates x0.1 at 1/4, 1/2 and 3/4 of the run
    // (epochs 100, 200, 300 of 400).
    c.lrSchedule = t["lr_schedule"].get<std::string>() == "cosine" ? TrainerConfig::LrSchedule::Cosine
                                                                     : TrainerConfig::LrSchedule::Step;
    c.lrSteps.clear();
    if (c.epochs >= 4)
        for (int q = 1; q <= 3; ++q)
            c.lrSteps.push_back(c.epochs * q / 4);
    return c;
}

constexpr const char* kUnfinishedMarker = "CANCELLED.txt";

// A cancelled run's folder: its settings, its partial result.json
// ("cancelled": true) and the marker, beside run.ckpt; no quantized.zsq
// (nor an older run's, which would pass for this run's result).
void writeUnfinishedRun(const std::filesystem::path& out, const nlohmann::json& cfg, const nlohmann::json& result,
                        const std::string& resumeFrom)
{
    std::error_code ignored;
    for (const char* stale : {"quantized.zsq", "quant_params.json"})
        std::filesystem::remove(out / stale, ignored);
    const std::string resume = resumeFrom.empty()
                                   ? std::string("start it again")
                                   : "resume it with: zsq quantize --config " + (out / "config.json").string() +
                                         " --resume " + resumeFrom;
    io::writeFileAtomically((out / kUnfinishedMarker).string(),
                            "This run was cancelled before its end: it has no quantized.zsq. result.json "
                            "describes the student as it was when stopped; " + resume + "\n");
    io::writeFileAtomically((out / "config.json").string(), cfg.dump(2) + "\n");
    io::writeFileAtomically((out / "result.json").string(), result.dump(2) + "\n");
}

constexpr const char* kRefineCheckpoint = "refine.ckpt";

// refine.start=teacher: the refinement starts from the float weights and
// BatchNorm statistics (quantized afresh by its range search), so that the
// method contributes only its calibration images and every source gets the
// very same refinement; "student" keeps what the method fine-tuned.
void startFromTeacherWeights(models::ZooModelImpl& teacher, models::ZooModelImpl& student)
{
    torch::NoGradGuard noGrad;
    const io::TensorMap source = io::stateDict(teacher);
    for (auto& [key, target] : io::stateDict(student)) {
        const std::string leaf = key.substr(key.rfind('.') + 1);
        const bool modelState = leaf == "weight" || leaf == "bias" || leaf == "running_mean" ||
                                leaf == "running_var" || leaf == "num_batches_tracked";
        auto it = source.find(key);
        if (modelState && it != source.end() && it->second.sizes() == target.sizes())
            target.copy_(it->second);
    }
}

// What --resume (train.resume) continues: a run.ckpt resumes the method's
// training, and a refine.ckpt lying beside it the refinement after the
// method; a refine.ckpt given itself resumes the refinement, after the
// run.ckpt beside it for a trained method (a ptq run distils again: the
// checksum of the calibration images must then match).
struct Resume {
    std::string run;
    std::string refinement;
};

Resume resumePaths(const std::string& given, bool trainedMethod)
{
    namespace fs = std::filesystem;
    Resume r;
    if (given.empty())
        return r;
    std::error_code ec;
    const fs::path folder = fs::path(given).parent_path();
    if (isRefineCheckpoint(given)) {
        r.refinement = given;
        if (trainedMethod) {
            r.run = (folder / "run.ckpt").string();
            if (!fs::is_regular_file(r.run, ec))
                throw InputError(given + ": resuming a refinement needs the run's run.ckpt beside it (" + r.run +
                                 " is missing)");
        }
        return r;
    }
    if (!trainedMethod)
        throw InputError(given + ": a run without training (ptq, genie) resumes only a refinement (a refine.ckpt), "
                                 "not a run checkpoint");
    r.run = given;
    if (fs::is_regular_file(folder / kRefineCheckpoint, ec) && isRefineCheckpoint((folder / kRefineCheckpoint).string()))
        r.refinement = (folder / kRefineCheckpoint).string();
    return r;
}

// A run resumed from another folder's checkpoint gets a copy of it, so that
// its own folder can be resumed or refined later (the trainer writes a new
// one only at the end of an epoch, never when the schedule was already done).
void keepCheckpointCopy(const std::filesystem::path& from, const std::filesystem::path& to)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(to, ec))
        return;
    fs::create_directories(to.parent_path(), ec);
    const fs::path tmp = to.string() + ".tmp-" + std::to_string(::getpid());
    fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
    if (!ec)
        fs::rename(tmp, to, ec);
    if (ec)
        fs::remove(tmp, ec);
}

// The synthetic calibration set for other toolchains (balanced labels):
// PNGs and the exact samples, written into a temporary folder that replaces
// out/synthetic once complete.
void exportSynthetic(ZsqTrainer& trainer, std::int64_t perClass, const models::ModelInfo& info,
                     const data::DatasetPtr& evalSet, const std::filesystem::path& out, EventSink& sink,
                     const CancelToken* cancel)
{
    namespace fs = std::filesystem;
    const fs::path target = out / "synthetic";
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec)) && !fs::is_directory(fs::symlink_status(target, ec)))
        throw RuntimeFailure(target.string() + " exists and is not a folder");
    checkpoint(cancel);
    auto [x, y] = trainer.sample(perClass * info.numClasses, true);
    checkpoint(cancel);
    const std::vector<std::string> classNames =
        !info.classNames.empty() ? info.classNames : evalSet ? evalSet->classNames : std::vector<std::string>{};
    const fs::path tmp = out / ("synthetic.tmp-" + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    try {
        const torch::Tensor pixels = data::denormalize(x, info.mean, info.stdev);
        const int written = io::exportImageFolder(tmp.string(), pixels, y, classNames);
        checkpoint(cancel);
        // The exact samples too (pixel space, not clamped or rounded): PNGs
        // lose what generated images hold outside [0,1]; analysis and other
        // toolchains can read these with torch.load.
        io::writeTensorFile((tmp / "images.pt").string(), pixels);
        io::writeTensorFile((tmp / "labels.pt").string(), y);
        // The images are in pixel space: what turns them into the model's input.
        io::writeFileAtomically((tmp / "preprocessing.json").string(), models::preprocessingToJson(info).dump(1) + "\n");
        fs::remove_all(target);
        fs::rename(tmp, target);
        sink.onMessage(LogLevel::Info, "wrote " + std::to_string(written) + " synthetic images to " + target.string() +
                                           " (PNG, and images.pt/labels.pt unclamped)");
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

} // namespace

namespace {

JobOutcome runOnRank(nlohmann::json cfg, const std::vector<std::string>& givenKeys, EventSink& sink,
                     const CancelToken* cancel, const torch::Device& device, distributed::Communicator* comm,
                     const JobOutcome& workerOutcome)
{
    const bool root = !comm || comm->rank() == 0;

    const io::LoadOptions options = config::loadOptionsFromConfig(cfg);
    const std::string modelArg = cfg["model"].get<std::string>();
    io::LoadedModel teacher = io::loadModel(modelArg.empty() || modelArg == "demo" ? io::demoModelPath() : modelArg,
                                            options);
    // A cancel while loading is honoured between the steps (nothing written
    // yet). Not in a data-parallel run, whose ranks must stop together (the
    // trainer's first iteration agrees on it).
    auto cancelPoint = [&] {
        if (!comm)
            checkpoint(cancel);
    };
    cancelPoint();
    // "none": quantize without any data at all (the point of zero-shot
    // methods); accuracy is then not measured.
    const bool evaluateOnData = cfg["dataset"].get<std::string>() != "none";
    if (!evaluateOnData && cfg["method"].get<std::string>() == "realdata")
        throw InputError("method realdata needs a dataset (--dataset)");
    data::DatasetPtr evalSet;
    if (evaluateOnData) {
        data::DatasetRequest request = data::datasetRequestFor(cfg["dataset"].get<std::string>(),
                                                               cfg["eval_split"].get<std::string>(), teacher.model->info());
        request.cancel = comm ? nullptr : cancel; // ranks stop together, at cancelPoint's agreed places
        evalSet = data::openDataset(request);
    }
    cancelPoint();
    if (evalSet && evalSet->numClasses() != teacher.model->info().numClasses)
        throw InputError("the evaluation dataset has " + std::to_string(evalSet->numClasses()) +
                         " classes but the model has " + std::to_string(teacher.model->info().numClasses));
    // A model that takes any size is quantized, and its synthetic images
    // made, at the data's size (or its architecture's default without data);
    // the checkpoint then records that size.
    if (teacher.model->info().inputSize == 0) {
        models::ModelInfo resolved = teacher.model->info();
        resolved.inputSize = models::effectiveInputSize(resolved, evalSet ? evalSet->height : 0,
                                                        evalSet ? evalSet->width : 0);
        resolved.preprocessingSource += evalSet ? " + input size from the data" : " + the architecture's input size";
        teacher.model->setPreprocessing(resolved);
    }
    const models::ModelInfo info = teacher.model->info();
    config::applyProfile(cfg, givenKeys, info.inputSize);
    config::applyMethodDefaults(cfg, givenKeys);
    sink.onMessage(LogLevel::Info, "preprocessing: " + models::describePreprocessing(info));
    if (info.preprocessingAssumed)
        sink.onMessage(LogLevel::Warning, models::assumedPreprocessingNote(info, teacher.path));
    nlohmann::json warnings = nlohmann::json::array();
    // A failed optional output (an export) is a warning, never a lost run.
    auto warn = [&](const std::string& text) {
        sink.onMessage(LogLevel::Warning, text);
        warnings.push_back(text);
    };
    if (evalSet && root) {
        // A model near chance before quantization has the wrong
        // preprocessing far more often than it is untrained: say so now,
        // not after the whole run.
        teacher.model->to(device);
        const EvalResult probe = evaluate(*teacher.model, *evalSet, device, cfg["eval_batch"].get<std::int64_t>(),
                                          kPreprocessingProbeSamples, sink, cancel);
        teacher.model->to(torch::kCPU);
        if (auto warning = models::nearChanceWarning(probe.top1, info, cfg["dataset"].get<std::string>())) {
            sink.onMessage(LogLevel::Warning, *warning + " (first " + std::to_string(probe.total) + " samples)");
            warnings.push_back(*warning);
        }
    }
    cancelPoint();
    models::ModelPtr student = models::cloneModel(*teacher.model);
    const quant::QuantConfig qc = quantConfigFrom(cfg);
    const std::string method = cfg["method"].get<std::string>();
    const std::filesystem::path out(cfg["output"].get<std::string>());
    // ptq and genie distil their images again (deterministic); the others
    // have a trained generator in run.ckpt.
    const Resume resume = resumePaths(cfg["train"]["resume"].get<std::string>(), method != "ptq" && method != "genie");
    sink.onMessage(LogLevel::Info, "quantizing " + teacher.path + " (" + info.arch + ") with " + method + " at W" +
                                       std::to_string(qc.wbits) + "A" + std::to_string(qc.abits) + " on " +
                                       device.str() + ", profile " + cfg["profile"].get<std::string>());

    JobOutcome outcome;
    outcome.rank = workerOutcome.rank;
    outcome.worldSize = workerOutcome.worldSize;
    const auto start = std::chrono::steady_clock::now();
    nlohmann::json details;
    const std::string refineMethod = cfg["refine"]["method"].get<std::string>();
    const std::string refineSource = cfg["refine"]["source"].get<std::string>();
    const std::int64_t refineSamples = cfg["refine"]["samples"].get<std::int64_t>();
    if (refineMethod != "none" && refineSource == "real" && !evaluateOnData)
        throw InputError("refine.source real needs a dataset (--dataset)");
    // The range initialisation the refinement will use, checked against the
    // model now rather than after the method has trained for hours.
    ReconstructionConfig rangeInit;
    rangeInit.rangeInit = cfg["refine"]["range_init"].get<std::string>();
    rangeInit.percentile = cfg["refine"]["percentile"].get<double>();
    rangeInit.layerRangeInit =
        namedChoices("refine.layer_range_init", cfg["refine"]["layer_range_init"].get<std::string>());
    if (refineMethod != "none")
        (void)RangeInitChoice(*teacher.model, rangeInit); // InputError naming a bad entry
    // The method's own calibration data, unless a file gives it.
    const bool refineFromMethod =
        refineMethod != "none" && refineSource == "method" && cfg["refine"]["calibration"].get<std::string>().empty();
    torch::Tensor calibration;
    std::unique_ptr<ZsqTrainer> trainer; // kept for the synthetic export after the results
    if (method == "ptq") {
        PtqConfig pc;
        pc.batchSize = cfg["ptq"]["batch_size"].get<std::int64_t>();
        pc.iterations = cfg["ptq"]["iterations"].get<int>();
        pc.lr = cfg["ptq"]["lr"].get<double>();
        const PtqResult r = runPtq(*teacher.model, *student, qc, pc, device, sink, cancel);
        details = {{"distill_loss_initial", r.initialLoss}, {"distill_loss_final", r.finalLoss}};
        if (refineFromMethod) {
            // ZeroQ's calibration set, grown by further distilled batches
            // to refine.samples.
            std::vector<torch::Tensor> parts{r.distilled};
            std::int64_t have = r.distilled.size(0);
            while (have < refineSamples) {
                parts.push_back(distillData(*teacher.model, pc, device, sink, cancel).to(torch::kCPU));
                have += parts.back().size(0);
            }
            calibration = torch::cat(parts).slice(0, 0, refineSamples);
        }
    } else if (method == "genie") {
        const GenieConfig gc = genieConfigFrom(cfg);
        GenieStats stats;
        const torch::Tensor distilled = distillGenie(*teacher.model, gc, device, sink, cancel, &stats);
        // Ranges as ptq sets them (the first batch's min/max); the
        // refinement, brecq by default, searches and learns them again.
        calibrateActivationRanges(*student, qc, distilled.slice(0, 0, gc.batchSize), device);
        details = {{"distill_loss_initial", stats.initialLoss}, {"distill_loss_final", stats.finalLoss},
                   {"distilled", distilled.size(0)}};
        if (refineFromMethod)
            calibration = distilled; // genie.samples images; refine.samples is not used
    } else {
        const bool real = method == "realdata";
        TrainerConfig tc = trainerConfigFrom(cfg);
        tc.checkpointPath = (out / "run.ckpt").string();
        // Besides what the trainer knows: a resume with another seed, other
        // method options or another preprocessing would report settings the
        // result does not have (refused by loadCheckpoint, naming them).
        nlohmann::json preprocessing = models::preprocessingToJson(info);
        preprocessing.erase("class_names"); // labels only
        tc.settings = {{"seed", cfg["seed"]}, {"gdfq", cfg["gdfq"]}, {"preprocessing", preprocessing}};
        if (cfg.contains(method) && cfg[method].is_object())
            tc.settings[method] = cfg[method];
        if (root)
            std::filesystem::create_directories(out);
        trainer = std::make_unique<ZsqTrainer>(teacher.model, student,
                                               methods::makeMethod(real ? "gdfq" : method, methodOptionsFrom(cfg)), qc,
                                               tc, device, evalSet, sink, cancel);
        trainer->setCommunicator(comm);
        if (real) {
            sink.onMessage(LogLevel::Warning, "realdata uses the REAL training set: it is the ceiling, not zero-shot");
            trainer->useRealData(data::openDataset(data::datasetRequestFor(cfg["dataset"].get<std::string>(), "train", info)));
        }
        if (!resume.run.empty()) {
            if (root)
                keepCheckpointCopy(resume.run, out / "run.ckpt");
            trainer->loadCheckpoint(resume.run);
        }
        const TrainResult r = trainer->run();
        outcome.cancelled = r.cancelled;
        if (!root) {
            // Rank 0 samples, refines, evaluates and writes the one result.
            JobOutcome done = workerOutcome;
            done.cancelled = r.cancelled;
            return done;
        }
        if (!r.cancelled && refineFromMethod)
            calibration = real ? realImages(cfg, info, refineSamples) : trainer->sample(refineSamples, true).first.to(torch::kCPU);
        details = {{"epochs_done", r.epochsDone},
                   {"iterations_done", r.iterationsDone},
                   {"history", r.history},
                   {"best_epoch_top1", r.bestTop1},
                   {"checkpoint", tc.checkpointPath}};
    }
    if (refineMethod != "none" && !outcome.cancelled) {
        if (refineSource == "real" && cfg["refine"]["calibration"].get<std::string>().empty()) {
            sink.onMessage(LogLevel::Warning, "refine.source real uses the REAL training set: a ceiling, not zero-shot");
            calibration = realImages(cfg, info, refineSamples);
        }
        ReconstructionConfig rc;
        rc.iterations = cfg["refine"]["iterations"].get<int>();
        rc.batchSize = cfg["refine"]["batch_size"].get<std::int64_t>();
        rc.lr = cfg["refine"]["lr"].get<double>();
        rc.regWeight = cfg["refine"]["reg_weight"].get<double>();
        rc.p = cfg["refine"]["p"].get<double>();
        rc.rangeInit = rangeInit.rangeInit;
        rc.percentile = rangeInit.percentile;
        rc.layerRangeInit = rangeInit.layerRangeInit;
        // QDrop's default, chosen on the validation split (docs/results.md):
        // on for blocks (W4A4 +0.2, W3A3 +1.1 points), off layer by layer
        // (as measured before QDrop existed).
        const double qdrop = cfg["refine"]["qdrop"].get<double>();
        rc.qdrop = qdrop >= 0 ? qdrop : refineMethod == "brecq" ? 0.5 : 0.0;
        if (const std::string file = cfg["refine"]["calibration"].get<std::string>(); !file.empty()) {
            calibration = io::readTensorFile(file);
            if (calibration.dim() != 4 || calibration.size(1) != info.inChannels || !calibration.is_floating_point())
                throw InputError(file + ": calibration images must be a float tensor [N, " +
                                 std::to_string(info.inChannels) + ", H, W]");
        }
        if (cfg["refine"]["start"].get<std::string>() == "teacher")
            startFromTeacherWeights(*teacher.model, *student);
        // Kept with the run: a later refinement with other settings can
        // start from the same images (refine.calibration).
        try {
            io::writeTensorFile((out / "calibration.pt").string(), calibration);
        } catch (const std::exception& e) {
            warn("calibration.pt was not written: " + firstLine(e.what()));
        }
        rc.adaround = refineMethod == "adaround" || refineMethod == "brecq";
        rc.blocks = refineMethod == "brecq";
        rc.actLr = cfg["refine"]["act_lr"].get<double>();
        rc.weightLr = cfg["refine"]["weight_lr"].get<double>();
        if (rc.blocks) {
            rc.checkpointPath = (out / kRefineCheckpoint).string();
            rc.resumePath = resume.refinement;
        }
        try {
            const ReconstructionResult rr = runReconstruction(*teacher.model, *student, calibration, rc, device, sink, cancel);
            nlohmann::json layers = nlohmann::json::array();
            for (const auto& l : rr.layers)
                layers.push_back({{"layer", l.layer}, {"mse_before", l.mseBefore}, {"mse_after", l.mseAfter},
                                  {"undecided", l.undecided}});
            details["refine"] = {{"method", refineMethod}, {"source", refineSource},
                                 {"start", cfg["refine"]["start"]},
                                 {"samples", calibration.size(0)}, {"seconds", rr.seconds}, {"layers", layers}};
        } catch (const Cancelled&) {
            // Refinement changes the student in place, block by block (or
            // layer by layer): a cancelled run writes no quantized model.
            outcome.cancelled = true;
            sink.onMessage(LogLevel::Warning, "refinement cancelled: the student was partly refined and is not written");
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const std::int64_t evalBatch = cfg["eval_batch"].get<std::int64_t>();
    teacher.model->to(device);
    // After a cancel it runs to its end (the user still gets the student's
    // accuracy, a few seconds; a second Ctrl-C ends the CLI at once); a
    // cancel during it stops it and leaves the run unfinished.
    EvalResult fp, q;
    bool evaluated = false;
    if (evalSet) {
        const CancelToken* evalCancel = outcome.cancelled ? nullptr : cancel;
        try {
            fp = evaluate(*teacher.model, *evalSet, device, evalBatch, 0, sink, evalCancel);
            q = evaluate(*student, *evalSet, device, evalBatch, 0, sink, evalCancel);
            evaluated = true;
            sink.onEvaluation({"final", 0, q.top1, q.total});
        } catch (const Cancelled&) {
            outcome.cancelled = true;
            sink.onMessage(LogLevel::Warning, "final evaluation cancelled: accuracy not measured");
        }
    }
    const quant::ModelSize size = quant::modelSize(*student);

    student->to(torch::kCPU);
    nlohmann::json result = {{"method", method},
                             {"refine", refineMethod},
                             {"refine_source", refineMethod == "none" ? nlohmann::json() : nlohmann::json(refineSource)},
                             {"uses_real_data", method == "realdata"},
                             {"wbits", qc.wbits},
                             {"abits", qc.abits},
                             {"first_last_bits", qc.firstLastBits},
                             {"model", teacher.path},
                             {"arch", info.arch},
                             {"dataset", cfg["dataset"]},
                             {"eval_split", cfg["eval_split"]},
                             {"profile", cfg["profile"]},
                             {"seed", cfg["seed"]},
                             {"fp_top1", evaluated ? nlohmann::json(fp.top1) : nlohmann::json()},
                             {"quant_top1", evaluated ? nlohmann::json(q.top1) : nlohmann::json()},
                             {"seconds", seconds},
                             {"size_bits", size.quantizedBits},
                             {"fp_size_bits", size.floatBits},
                             {"average_weight_bits", size.averageWeightBits},
                             {"device", device.str()},
                             {"threads", torch::get_num_threads()},
                             {"processes", outcome.worldSize},
                             {"cancelled", outcome.cancelled},
                             {"preprocessing", models::preprocessingToJson(info)},
                             {"preprocessing_source", info.preprocessingSource},
                             {"warnings", warnings},
                             {"details", details}};
    if (outcome.cancelled) {
        // Where a resume continues: the refinement's last block, else the
        // method's last checkpoint; a ptq run stopped before either starts
        // again.
        std::error_code ec;
        const std::filesystem::path refineCkpt = out / kRefineCheckpoint;
        const std::string resumeFrom = std::filesystem::exists(refineCkpt, ec) ? refineCkpt.string()
                                       : trainer ? (out / "run.ckpt").string()
                                                 : std::string();
        writeUnfinishedRun(out, cfg, result, resumeFrom);
    } else {
        // The results first, each file complete or absent (written under a
        // temporary name, then renamed); result.json last of them.
        io::saveCheckpoint((out / "quantized.zsq").string(), *student, {{"run_config", cfg}, {"result", result}});
        io::writeFileAtomically((out / "config.json").string(), cfg.dump(2) + "\n");
        io::writeFileAtomically((out / "result.json").string(), result.dump(2) + "\n");
        std::error_code ignored;
        std::filesystem::remove(out / kUnfinishedMarker, ignored); // a resumed run's
        std::filesystem::remove(out / kRefineCheckpoint, ignored); // the refinement is complete
        // Then what is optional.
        const std::size_t warningsBefore = warnings.size();
        try {
            io::writeFileAtomically((out / "quant_params.json").string(),
                                    quant::quantStateToJson(*student, true).dump(1) + "\n");
        } catch (const std::exception& e) {
            warn("quant_params.json was not written: " + firstLine(e.what()));
        }
        const std::int64_t perClass = cfg["export"]["synthetic_per_class"].get<std::int64_t>();
        if (trainer && perClass > 0 && method != "realdata") {
            try {
                exportSynthetic(*trainer, perClass, info, evalSet, out, sink, cancel);
            } catch (const Cancelled&) {
                warn("the synthetic images were not written: cancelled");
            } catch (const std::exception& e) {
                warn("the synthetic images were not written: " + firstLine(e.what()));
            }
        }
        if (warnings.size() > warningsBefore) {
            result["warnings"] = warnings;
            try {
                io::writeFileAtomically((out / "result.json").string(), result.dump(2) + "\n");
            } catch (const std::exception&) {
                // result.json without the export warnings is still the run's.
            }
        }
    }
    outcome.result = result;
    outcome.outputDir = out.string();
    outcome.evaluated = evaluated;
    outcome.fpTop1 = fp.top1;
    outcome.quantTop1 = q.top1;
    return outcome;
}

} // namespace

JobOutcome runQuantizationJob(nlohmann::json cfg, const std::vector<std::string>& givenKeys, EventSink& sink,
                              const CancelToken* cancel)
{
    if (cfg["output"].get<std::string>().empty())
        cfg["output"] = defaultOutputDir(cfg);
    // A data-parallel rank: threads = cores / local processes unless given,
    // the GPU of its local rank, one result written by rank 0 alone.
    const std::optional<distributed::World> world = distributed::worldFromEnvironment();
    const bool parallel = world && world->size > 1;
    int threads = cfg["threads"].get<int>();
    if (parallel && threads <= 0)
        threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / world->localSize);
    configureThreads(threads);
    torch::Device device = resolveDevice(cfg["device"].get<std::string>());
    if (parallel && device.is_cuda())
        device = resolveDevice("cuda:" + std::to_string(world->localRank));
    seedEverything(cfg["seed"].get<std::uint64_t>());
    std::unique_ptr<distributed::Communicator> comm;
    if (parallel) {
        const distributed::Backend backend = distributed::parseBackend(cfg["dist"]["backend"].get<std::string>(), device);
        const auto timeout = std::chrono::milliseconds(static_cast<std::int64_t>(cfg["dist"]["timeout"].get<double>() * 1000));
        comm = std::make_unique<distributed::Communicator>(*world, backend, timeout);
        if (world->rank == 0)
            sink.onMessage(LogLevel::Info, "data-parallel run: " + std::to_string(world->size) + " processes, " +
                                           distributed::backendName(backend) + " backend, " +
                                           std::to_string(threads) + " threads per process");
    }
    JobOutcome workerOutcome;
    workerOutcome.worker = true;
    workerOutcome.rank = parallel ? world->rank : 0;
    workerOutcome.worldSize = parallel ? world->size : 1;
    if (parallel && world->rank != 0) {
        // PTQ runs on rank 0 alone (its batches are small; nothing to split).
        if (cfg["method"].get<std::string>() == "ptq" || cfg["method"].get<std::string>() == "genie")
            return workerOutcome;
    }
    EventSink& ranksSink = !parallel || world->rank == 0 ? sink : nullSink();
    return runOnRank(cfg, givenKeys, ranksSink, cancel, device, comm.get(), workerOutcome);
}

} // namespace zsq::engine
