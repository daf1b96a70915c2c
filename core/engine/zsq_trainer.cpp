#include "engine/zsq_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/script.h>

#include "common/bounded_json.h"
#include "engine/checkpoint_archive.h"
#include "engine/zsq_trainer_optimizers.h"

#include "common/error.h"
#include "common/progress_meter.h"
#include "engine/evaluate.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "methods/losses.h"
#include "data/model_input.h"
#include "distributed/communicator.h"
#include "distributed/context.h"
#include "distributed/sync_ops.h"
#include <cstring>

namespace zsq::engine {

namespace {

constexpr const char* kRunCheckpointFormat = "zsq-run-checkpoint";

double stepFactor(int epoch, const std::vector<int>& steps)
{
    double f = 1.0;
    for (int s : steps)
        if (epoch >= s)
            f *= 0.1;
    return f;
}

// Half cosine from 1 at iteration `first` to 0 at `total`.
double cosineFactor(std::int64_t iteration, std::int64_t first, std::int64_t total)
{
    if (total <= first)
        return 1.0;
    const double t = std::clamp(static_cast<double>(iteration - first) / static_cast<double>(total - first), 0.0, 1.0);
    return 0.5 * (1.0 + std::cos(M_PI * t));
}

} // namespace

struct ZsqTrainer::State {
    models::ModelPtr teacher, student;
    std::unique_ptr<methods::Method> method;
    quant::QuantConfig quant;
    TrainerConfig config;
    torch::Device device;
    data::DatasetPtr evalSet;
    data::DatasetPtr realData;
    EventSink* sink;
    const CancelToken* cancel;
    distributed::Communicator* comm = nullptr;   // set with more than one rank only
    methods::Generator generator{nullptr};
    std::unique_ptr<torch::optim::Adam> optG;
    std::unique_ptr<torch::optim::SGD> optS;
    int epoch = 0;
    int iterInEpoch = 0;
    std::int64_t iteration = 0;
    double secondsBefore = 0;   // time spent before a resume
    double angleSum = 0;        // intra-class angle of the teacher's features on G's samples, this epoch
    std::int64_t angleCount = 0;
    TrainResult result;

    State(models::ModelPtr t, models::ModelPtr s, std::unique_ptr<methods::Method> m, const quant::QuantConfig& q,
          const TrainerConfig& c, const torch::Device& d, data::DatasetPtr e, EventSink& k, const CancelToken* x)
        : teacher(std::move(t)), student(std::move(s)), method(std::move(m)), quant(q), config(c), device(d),
          evalSet(std::move(e)), sink(&k), cancel(x)
    {
    }

    bool isRoot() const { return !comm || comm->rank() == 0; }

    // The run's meaning-giving settings under their run config keys: the
    // caller's (config.settings) and the trainer's own.
    nlohmann::json settings() const
    {
        nlohmann::json out = config.settings.is_object() ? config.settings : nlohmann::json::object();
        out["method"] = method->name();
        out["wbits"] = quant.wbits;
        out["abits"] = quant.abits;
        out["per_channel"] = quant.perChannel;
        out["layer_bits"] = quant.layerWbits;
        out["act_bits"] = quant.actAbits;
        if (quant.firstLastBits != 0) // absent otherwise, so older run.ckpt files still resume
            out["first_last_bits"] = quant.firstLastBits;
        out["real_data"] = realData != nullptr;
        nlohmann::json& t = out["train"];
        t["iterations"] = config.iterationsPerEpoch;
        t["batch_size"] = config.batchSize;
        t["warmup_epochs"] = config.warmupEpochs;
        t["calibration_epochs"] = config.calibrationEpochs;
        t["student_lr"] = config.studentLr;
        t["generator_lr"] = config.generatorLr;
        t["weight_decay"] = config.studentWeightDecay;
        t["momentum"] = config.studentMomentum;
        t["lr_schedule"] = config.lrSchedule == TrainerConfig::LrSchedule::Cosine ? "cosine" : "step";
        return out;
    }

    // This rank's share of a tensor every rank drew whole from the same
    // stream (the whole tensor in a single-process run).
    torch::Tensor shard(const torch::Tensor& global) const
    {
        return comm ? distributed::shardOf(*comm, global) : global;
    }

    void averageGradients(const std::vector<torch::Tensor>& parameters)
    {
        if (comm)
            distributed::averageGradients(*comm, parameters);
    }

    // A cancel on any rank (Ctrl-C reaches every local rank, a GUI or a
    // signal maybe one) cancels all of them at the same iteration.
    void checkCancel()
    {
        if (!comm) {
            if (cancel)
                cancel->checkpoint();
            return;
        }
        torch::Tensor flag = torch::full({1}, cancel && cancel->isCancelled() ? 1.0 : 0.0,
                                         torch::TensorOptions().dtype(torch::kFloat).device(device));
        comm->allReduce(flag, distributed::ReduceOp::Max);
        if (flag.item<float>() > 0)
            throw Cancelled();
    }

    // A pure function of the iteration, so a resumed run continues on the
    // same schedule.
    void setLearningRates()
    {
        double fg = 1.0, fs = 1.0;
        if (config.lrSchedule == TrainerConfig::LrSchedule::Cosine) {
            const std::int64_t ipe = config.iterationsPerEpoch;
            const std::int64_t total = static_cast<std::int64_t>(config.epochs) * ipe;
            fg = cosineFactor(iteration, 0, total);
            fs = cosineFactor(iteration, static_cast<std::int64_t>(config.warmupEpochs) * ipe, total);
        } else {
            fg = fs = stepFactor(epoch, config.lrSteps);
        }
        for (auto& g : optG->param_groups())
            static_cast<torch::optim::AdamOptions&>(g.options()).lr(config.generatorLr * fg);
        for (auto& g : optS->param_groups())
            static_cast<torch::optim::SGDOptions&>(g.options()).lr(config.studentLr * fs);
    }

    // The iteration's scalars (loss terms, totals, the intra-class angle)
    // stay on the device until readScalars() copies them to the host in one
    // transfer: on a GPU every .item() is a synchronisation.
    struct PendingScalar {
        std::string name;
        torch::Tensor value;
        bool isLoss;   // checked for divergence
    };
    std::vector<PendingScalar> pending;

    void keep(const std::string& name, const torch::Tensor& value, bool isLoss)
    {
        pending.push_back({name, value.detach().reshape({1}).to(torch::kDouble), isLoss});
    }

    // Keeps every term for the log and returns their sum.
    torch::Tensor sumTerms(const methods::LossTerms& terms)
    {
        torch::Tensor total;
        for (const auto& [name, value] : terms) {
            keep(name, value, true);
            total = total.defined() ? total + value : value;
        }
        return total;
    }

    // Copies the pending scalars to the host and stops the run on the first
    // loss that is NaN, infinite or above the explosion threshold. The run's
    // checkpoint on disk is from the last epoch end, before this iteration.
    std::map<std::string, double> readScalars()
    {
        std::map<std::string, double> log;
        if (pending.empty())
            return log;
        std::vector<torch::Tensor> parts;
        parts.reserve(pending.size());
        for (const PendingScalar& p : pending)
            parts.push_back(p.value);
        torch::Tensor all = torch::cat(parts);
        if (comm) {
            // Global means: each term is a mean over the rank's equal share
            // of the batch (or already global, as the BN statistics terms).
            comm->allReduce(all, distributed::ReduceOp::Sum);
            all = all / static_cast<double>(comm->size());
        }
        const torch::Tensor host = all.to(torch::kCPU).contiguous();
        const double* v = host.data_ptr<double>();
        std::vector<PendingScalar> read;
        read.swap(pending);
        for (std::size_t i = 0; i < read.size(); ++i) {
            log[read[i].name] = v[i];
            if (read[i].isLoss && (!std::isfinite(v[i]) || std::abs(v[i]) > config.explodeThreshold)) {
                const std::string kept = config.checkpointPath.empty()
                                             ? "no checkpoint was configured"
                                             : "the last good checkpoint is " + config.checkpointPath;
                throw RuntimeFailure("loss " + read[i].name + " became " + std::to_string(v[i]) + " at iteration " +
                                     std::to_string(iteration) + " (epoch " + std::to_string(epoch + 1) +
                                     "): training diverged and was stopped; " + kept + " (lower the learning rates)");
            }
        }
        return log;
    }

    void emitImages(const torch::Tensor& x, const torch::Tensor& y)
    {
        const models::ModelInfo& info = teacher->info();
        const std::int64_t n = std::min<std::int64_t>(x.size(0), 64);
        torch::Tensor img = x.slice(0, 0, n).detach().to(torch::kCPU);
        torch::Tensor mean = torch::tensor(info.mean, torch::kFloat).view({1, -1, 1, 1});
        torch::Tensor stdev = torch::tensor(info.stdev, torch::kFloat).view({1, -1, 1, 1});
        img = (img * stdev + mean).clamp(0, 1).contiguous();
        ImageBatch batch;
        batch.iteration = iteration;
        batch.n = static_cast<int>(n);
        batch.channels = static_cast<int>(img.size(1));
        batch.height = static_cast<int>(img.size(2));
        batch.width = static_cast<int>(img.size(3));
        batch.pixels.assign(img.data_ptr<float>(), img.data_ptr<float>() + img.numel());
        const torch::Tensor labels = y.slice(0, 0, n).to(torch::kCPU, torch::kLong).contiguous();
        const std::int64_t* l = labels.data_ptr<std::int64_t>();
        batch.labels.assign(l, l + n);
        sink->onImages(batch);
    }

    void studentStep(const torch::Tensor& xs, const torch::Tensor& tl, const torch::Tensor& y)
    {
        quant::setActivationMode(*student, epoch < config.calibrationEpochs ? models::ActQuantImpl::Mode::Calibrate
                                                                              : models::ActQuantImpl::Mode::Frozen);
        if (epoch >= config.warmupEpochs) {
            torch::Tensor sLogits = student->forward(xs);
            torch::Tensor lossS = sumTerms(method->studentLoss(sLogits, tl, y, epoch - config.warmupEpochs));
            optS->zero_grad();
            lossS.backward();
            averageGradients(optS->param_groups().front().params());
            optS->step();
            keep("S/total", lossS, false);
        } else {
            torch::NoGradGuard noGrad; // calibrates the activation ranges only
            student->forward(xs);
        }
    }

    // The real-data ceiling: a batch of training images replaces G's output.
    void realDataStep()
    {
        const models::ModelInfo& info = teacher->info();
        torch::Tensor idx = shard(torch::randint(0, realData->size(), {config.batchSize}, torch::kLong)).contiguous();
        data::Batch batch = realData->get(std::vector<std::int64_t>(idx.data_ptr<std::int64_t>(),
                                                                    idx.data_ptr<std::int64_t>() + idx.numel()));
        torch::Tensor x = data::prepareInput(batch.images, info).to(device);
        torch::Tensor y = batch.labels.to(device);
        torch::Tensor tl;
        {
            torch::NoGradGuard noGrad;
            tl = teacher->forward(x);
        }
        studentStep(x, tl, y);
        sink->onLosses(iteration, readScalars());
        if (config.imageEvery > 0 && iteration % config.imageEvery == 0)
            emitImages(x, y);
    }

    void step()
    {
        if (realData) {
            realDataStep();
            return;
        }
        const std::int64_t b = config.batchSize;
        const std::int64_t k = teacher->info().numClasses;
        auto opts = torch::TensorOptions().device(device);
        // The global batch's latents and labels, drawn whole on every rank
        // from the same stream; each rank keeps its slice. W ranks x B/W
        // then see exactly the samples one process x B would.
        torch::Tensor z = shard(torch::randn({b, generator->config().latentDim}, opts));
        torch::Tensor y = shard(torch::randint(0, k, {b}, opts.dtype(torch::kLong)));

        // Generator step, against the frozen teacher.
        generator->train();
        torch::Tensor x = generator->forward(z, y);
        models::ForwardCapture capture;
        capture.captureBnInputs = true;
        torch::Tensor tLogits = teacher->forward(x, &capture);
        {
            // LRQ's claim is about this angle (feature vs. class centre); it is
            // measured for every method so ablations can compare it.
            torch::NoGradGuard noGrad;
            torch::Tensor cosine = methods::cosineToClassCentre(capture.features, teacher->classifierWeight(), y);
            keep("G/intra_angle_deg", torch::acos(cosine.clamp(-1.0, 1.0)).mean() * (180.0 / M_PI), false);
        }
        torch::Tensor lossG = sumTerms(method->generatorLoss({x, y, tLogits, capture, *teacher, epoch}));
        optG->zero_grad();
        lossG.backward();
        averageGradients(optG->param_groups().front().params());
        optG->step();
        capture.bnInputs.clear();

        // Student step on the same (detached) batch, distilled from the same
        // teacher pass unless the method transformed the images.
        torch::Tensor xd = x.detach();
        torch::Tensor xs = method->studentInput(xd);
        torch::Tensor tl = tLogits.detach();
        if (!xs.is_same(xd)) {
            torch::NoGradGuard noGrad;
            tl = teacher->forward(xs);
        }
        keep("G/total", lossG, false);
        studentStep(xs, tl, y);
        const std::map<std::string, double> log = readScalars();
        angleSum += log.at("G/intra_angle_deg");
        ++angleCount;
        sink->onLosses(iteration, log);
        if (config.imageEvery > 0 && iteration % config.imageEvery == 0)
            emitImages(xd, y);
    }
};

ZsqTrainer::ZsqTrainer(models::ModelPtr teacher, models::ModelPtr student, std::unique_ptr<methods::Method> method,
                       const quant::QuantConfig& quant, const TrainerConfig& config, const torch::Device& device,
                       data::DatasetPtr evalSet, EventSink& sink, const CancelToken* cancel)
    : s_(std::make_unique<State>(std::move(teacher), std::move(student), std::move(method), quant, config, device,
                                 std::move(evalSet), sink, cancel))
{
    State& s = *s_;
    s.teacher->to(device);
    s.teacher->eval();
    for (auto& p : s.teacher->parameters())
        p.set_requires_grad(false);
    quant::applyQuantConfig(*s.student, quant);
    s.student->to(device);
    s.student->eval(); // BN statistics frozen; BN affine parameters still train
    s.generator = methods::Generator(s.method->generatorConfig(s.teacher->info()));
    s.generator->to(device);
    s.optG = std::make_unique<torch::optim::Adam>(
        s.generator->parameters(), torch::optim::AdamOptions(config.generatorLr).betas({0.5, 0.999}));
    s.optS = std::make_unique<torch::optim::SGD>(s.student->parameters(),
                                                 torch::optim::SGDOptions(config.studentLr)
                                                     .momentum(config.studentMomentum)
                                                     .nesterov(true)
                                                     .weight_decay(config.studentWeightDecay));
}

ZsqTrainer::~ZsqTrainer() = default;

void ZsqTrainer::useRealData(data::DatasetPtr train)
{
    s_->realData = std::move(train);
}

void ZsqTrainer::setCommunicator(distributed::Communicator* communicator)
{
    State& s = *s_;
    s.comm = communicator && communicator->size() > 1 ? communicator : nullptr;
    if (s.comm && s.config.batchSize % s.comm->size() != 0)
        throw InputError("train.batch_size " + std::to_string(s.config.batchSize) + " is not a multiple of the " +
                         std::to_string(s.comm->size()) + " processes of the run");
}

methods::GeneratorImpl& ZsqTrainer::generator()
{
    return *s_->generator;
}

models::ZooModelImpl& ZsqTrainer::student()
{
    return *s_->student;
}

TrainResult ZsqTrainer::run()
{
    State& s = *s_;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return s.secondsBefore + std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const std::int64_t total = static_cast<std::int64_t>(s.config.epochs) * s.config.iterationsPerEpoch;
    ProgressMeter meter(*s.sink, s.method->name(), total);
    // BN statistics, activation ranges and ClusterQ's class statistics see
    // the global batch while this scope lasts (training only).
    distributed::ActiveScope globalBatch(s.comm);
    if (s.comm) {
        // Rank 0's weights, buffers and optimizer-free state everywhere:
        // equal by construction (same seed, same checkpoint), made certain.
        std::vector<torch::Tensor> state;
        for (auto* m : {static_cast<torch::nn::Module*>(s.generator.get()), static_cast<torch::nn::Module*>(s.student.get())}) {
            for (const auto& p : m->parameters())
                state.push_back(p);
            for (const auto& b : m->buffers())
                state.push_back(b);
        }
        distributed::broadcastTensors(*s.comm, state);
    }
    try {
        for (; s.epoch < s.config.epochs; ++s.epoch) {
            for (; s.iterInEpoch < s.config.iterationsPerEpoch; ++s.iterInEpoch) {
                s.checkCancel();
                s.setLearningRates();
                s.step();
                ++s.iteration;
                meter.update(s.iteration);
            }
            s.iterInEpoch = 0;
            s.method->onEpochEnd(s.epoch);
            nlohmann::json entry = {{"epoch", s.epoch + 1}, {"seconds", elapsed()}};
            if (s.angleCount > 0)
                entry["intra_angle_deg"] = s.angleSum / s.angleCount;
            s.angleSum = 0;
            s.angleCount = 0;
            if (s.evalSet && s.isRoot()) {
                // Rank 0 alone; the others wait in the next collective.
                distributed::ActiveScope local(nullptr);
                EvalResult r = evaluate(*s.student, *s.evalSet, s.device, s.config.evalBatch, s.config.evalLimit,
                                        nullSink(), s.cancel);
                s.result.finalTop1 = r.top1;
                s.result.bestTop1 = std::max(s.result.bestTop1, r.top1);
                entry["top1"] = r.top1;
                s.sink->onEvaluation({"student", s.epoch + 1, r.top1, r.total});
            }
            s.result.history.push_back(entry);
            s.result.epochsDone = s.epoch + 1;
            if (!s.config.checkpointPath.empty() && s.isRoot()) {
                ++s.epoch; // the checkpoint resumes at the next epoch
                s.secondsBefore = elapsed();
                saveCheckpoint(s.config.checkpointPath);
                s.secondsBefore = 0;
                --s.epoch;
            }
        }
    } catch (const Cancelled&) {
        s.result.cancelled = true;
        if (!s.config.checkpointPath.empty() && s.isRoot()) {
            s.secondsBefore = elapsed();
            saveCheckpoint(s.config.checkpointPath);
        }
        s.sink->onMessage(LogLevel::Warning, "cancelled at iteration " + std::to_string(s.iteration) +
                                                 (s.config.checkpointPath.empty()
                                                      ? std::string()
                                                      : "; checkpoint kept at " + s.config.checkpointPath));
    }
    quant::setActivationMode(*s.student, models::ActQuantImpl::Mode::Frozen);
    s.result.iterationsDone = s.iteration;
    s.result.seconds = elapsed();
    return s.result;
}

void ZsqTrainer::saveCheckpoint(const std::string& path)
{
    State& s = *s_;
    nlohmann::json meta = {{"epoch", s.epoch},
                           {"iteration_in_epoch", s.iterInEpoch},
                           {"iteration", s.iteration},
                           {"seconds", s.secondsBefore},
                           {"method", s.method->name()},
                           {"method_state", s.method->stateJson()},
                           {"student_quant", quant::quantStateToJson(*s.student)},
                           {"result_history", s.result.history},
                           {"best_top1", s.result.bestTop1},
                           {"final_top1", s.result.finalTop1},
                           {"settings", s.settings()}};
    const OptimizerRecord optG = saveAdamState(*s.optG), optS = saveSgdState(*s.optS);
    meta["optimizers"] = {{"generator", optG.meta}, {"student", optS.meta}};
    const torch::Tensor rng = archive::cpuRandomState();
    c10::impl::GenericDict root(c10::StringType::get(), c10::AnyType::get());
    root.insert("format", std::string(kRunCheckpointFormat));
    root.insert("meta", meta.dump());
    root.insert("generator", archive::tensorDict(io::stateDict(*s.generator)));
    root.insert("student", archive::tensorDict(io::stateDict(*s.student)));
    root.insert("method", archive::tensorDict(s.method->stateTensors()));
    root.insert("opt_g", archive::tensorDict(optG.tensors));
    root.insert("opt_s", archive::tensorDict(optS.tensors));
    root.insert("rng_cpu", rng);
    io::writeFileAtomically(path, torch::pickle_save(root));
}

void ZsqTrainer::loadCheckpoint(const std::string& path)
{
    State& s = *s_;
    // io's own reader (archive::read): no LibTorch unpickler sees a byte of
    // the file, the optimizer state included.
    const std::string what = "a run checkpoint";
    archive::Entries root = archive::read(path, what, kRunCheckpointFormat);
    if (root.count("opt_g") && root["opt_g"].isTensor())
        throw InputError(path + " is a run checkpoint of an older ZSQ Studio whose optimizer state is a LibTorch "
                                "archive, which is no longer read (it could run code): start the run again");
    const nlohmann::json meta = archive::metaOf(root, path, what);
    const io::TensorMap generator = archive::tensorsOf(root, "generator", path, what),
                        student = archive::tensorsOf(root, "student", path, what),
                        methodTensors = archive::tensorsOf(root, "method", path, what),
                        optG = archive::tensorsOf(root, "opt_g", path, what),
                        optS = archive::tensorsOf(root, "opt_s", path, what);
    if (!root.count("rng_cpu") || !root["rng_cpu"].isTensor())
        throw InputError(path + ": the run checkpoint has no random number generator state (\"rng_cpu\")");
    for (const io::TensorMap* map : {&generator, &student, &methodTensors})
        archive::checkFinite(*map, path);
    try {
        if (meta.at("method").get<std::string>() != s.method->name())
            throw InputError("it is a " + meta.at("method").get<std::string>() + " run, not " + s.method->name());
        checkResumable(path, meta);
        io::loadStateDict(*s.generator, generator);
        io::loadStateDict(*s.student, student);
        quant::quantStateFromJson(*s.student, meta.at("student_quant"));
        s.method->loadState(meta.at("method_state"), methodTensors);
        const nlohmann::json& optimizers = meta.at("optimizers");
        loadAdamState(*s.optG, optimizers.at("generator"), optG);
        loadSgdState(*s.optS, optimizers.at("student"), optS);
        archive::setCpuRandomState(root["rng_cpu"].toTensor());
        s.epoch = meta.at("epoch").get<int>();
        s.iterInEpoch = meta.at("iteration_in_epoch").get<int>();
        s.iteration = meta.at("iteration").get<std::int64_t>();
        s.secondsBefore = meta.value("seconds", 0.0);
        s.result.history = meta.value("result_history", nlohmann::json::array());
        s.result.bestTop1 = meta.value("best_top1", -1.0);
        s.result.finalTop1 = meta.value("final_top1", -1.0);
        s.result.epochsDone = s.epoch;
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path + ": the run checkpoint's metadata is malformed: " + firstLine(e.what()));
    } catch (const c10::Error& e) {
        throw InputError(path + ": the run checkpoint does not fit this run: " + firstLine(e.what()));
    }
}

void ZsqTrainer::checkResumable(const std::string& path, const nlohmann::json& meta) const
{
    const State& s = *s_;
    // The position: a whole number of iterations into this run, not past
    // its end (an epoch past the end would "finish" an untrained run).
    const std::int64_t epoch = meta.at("epoch").get<std::int64_t>();
    const std::int64_t inEpoch = meta.at("iteration_in_epoch").get<std::int64_t>();
    const std::int64_t iteration = meta.at("iteration").get<std::int64_t>();
    const std::int64_t ipe = s.config.iterationsPerEpoch;
    const bool inside = epoch >= 0 && inEpoch >= 0 && inEpoch < ipe && epoch <= s.config.epochs &&
                        (epoch < s.config.epochs || inEpoch == 0);
    if (!inside || iteration != epoch * ipe + inEpoch)
        throw InputError("the checkpoint's position (epoch " + std::to_string(epoch) + ", iteration " +
                         std::to_string(inEpoch) + " of the epoch, " + std::to_string(iteration) +
                         " in all) is not within this run of " + std::to_string(s.config.epochs) + " epochs of " +
                         std::to_string(ipe) + " iterations");
    const std::string differing = archive::settingsDifference(meta.at("settings"), s.settings());
    if (!differing.empty())
        throw InputError("the checkpoint was written with other settings: " + differing +
                         "; resume with its settings (its folder's config.json) or start a new run");
}

std::pair<torch::Tensor, torch::Tensor> ZsqTrainer::sample(std::int64_t n, bool balanced)
{
    State& s = *s_;
    torch::NoGradGuard noGrad;
    const std::int64_t k = s.teacher->info().numClasses;
    auto opts = torch::TensorOptions().device(s.device);
    torch::Tensor y = balanced ? torch::arange(n, opts.dtype(torch::kLong)) % k
                               : torch::randint(0, k, {n}, opts.dtype(torch::kLong));
    torch::Tensor z = torch::randn({n, s.generator->config().latentDim}, opts);
    // Batch statistics as in training (the generator's BN is always in train
    // mode there); the running buffers are restored afterwards.
    io::TensorMap saved;
    for (const auto& [key, t] : io::stateDict(*s.generator))
        saved[key] = t.clone();
    torch::Tensor x = s.generator->forward(z, y);
    io::loadStateDict(*s.generator, saved);
    return {x.to(torch::kCPU), y.to(torch::kCPU)};
}

} // namespace zsq::engine
