#pragma once
// The common generative data-free quantization pipeline (GDFQ and its
// successors). Per iteration:
//   1. z ~ N(0, I), y ~ U{classes}; x = G(z, y)
//   2. one teacher pass on x (BN inputs and features captured); the method's
//      generator loss; an Adam step on G
//   3. the student (fake-quantized copy of the teacher, BN frozen) on x
//      (detached), distilled from the same teacher logits; an SGD step once
//      the warm-up epochs are over. Activation ranges calibrate (EMA) during
//      the first `calibrationEpochs` epochs and are frozen afterwards.
// Events: losses every iteration, a batch of images every `imageEvery`
// iterations, accuracy at each epoch end, progress with ETA. Cancellation is
// checked between the steps; on cancel and at every epoch end the run is
// checkpointed, and a NaN/exploding loss stops the run keeping the last good
// checkpoint. Resuming a checkpoint on the CPU reproduces the uninterrupted
// run bit for bit.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/cancel.h"
#include "common/events.h"
#include "data/dataset.h"
#include "methods/generator.h"
#include "methods/method.h"
#include "models/model.h"
#include "quant/model_quantizer.h"

namespace zsq::distributed {
class Communicator;
}

namespace zsq::engine {

struct TrainerConfig {
    int epochs = 400;
    int iterationsPerEpoch = 200;
    std::int64_t batchSize = 200;
    int warmupEpochs = 4;            // student frozen (generator only)
    int calibrationEpochs = 4;       // activation ranges updated (EMA) until then
    double studentLr = 1e-4;         // SGD, Nesterov
    double studentMomentum = 0.9;
    double studentWeightDecay = 1e-4;
    double generatorLr = 1e-3;       // Adam, betas (0.5, 0.999)
    // Step: both lrs drop x0.1 at each epoch in lrSteps (GDFQ). Cosine: each
    // lr follows a half cosine to 0 over the iterations it trains in (the
    // student from the end of warm-up), updated every iteration.
    enum class LrSchedule { Step, Cosine };
    LrSchedule lrSchedule = LrSchedule::Step;
    std::vector<int> lrSteps{100, 200, 300};  // epochs at which both lrs drop x0.1 (Step)
    int imageEvery = 50;             // iterations between image events (0 = never)
    std::int64_t evalLimit = 0;      // test samples per epoch-end evaluation (0 = all)
    std::int64_t evalBatch = 500;
    double explodeThreshold = 1e6;   // a loss above this (or NaN) stops the run
    std::string checkpointPath;      // empty: no checkpoints
    std::uint64_t seed = 0;
    // Settings that give the run's result its meaning beyond what the
    // trainer knows itself (the method's options, the seed, the model's
    // preprocessing), as run config keys. Saved in run.ckpt with the
    // trainer's own (bits, batch size, schedule...); loadCheckpoint refuses a
    // checkpoint whose settings differ, naming the keys. train.epochs may
    // differ (a run can be extended), as long as the checkpoint's position
    // lies within the run.
    nlohmann::json settings = nlohmann::json::object();
};

struct TrainResult {
    double finalTop1 = -1;           // last epoch-end accuracy (when an eval set is given)
    double bestTop1 = -1;
    int epochsDone = 0;
    std::int64_t iterationsDone = 0;
    double seconds = 0;
    bool cancelled = false;
    nlohmann::json history = nlohmann::json::array();
};

class ZsqTrainer {
public:
    ZsqTrainer(models::ModelPtr teacher, models::ModelPtr student, std::unique_ptr<methods::Method> method,
               const quant::QuantConfig& quant, const TrainerConfig& config, const torch::Device& device,
               data::DatasetPtr evalSet = nullptr, EventSink& sink = nullSink(), const CancelToken* cancel = nullptr);
    ~ZsqTrainer();

    // Runs to the end (or to a cancel, which checkpoints and returns with
    // cancelled = true). Throws RuntimeFailure on a diverging loss.
    TrainResult run();

    // The ceiling: the student is fine-tuned on real training images (with
    // the same distillation) instead of synthetic ones; no generator step.
    void useRealData(data::DatasetPtr train);

    // Makes the run one rank of a data-parallel group (null or a group of
    // one: a plain run). The batch size must be a multiple of the group's
    // size (InputError otherwise). Call before loadCheckpoint/run.
    void setCommunicator(distributed::Communicator* communicator);

    void saveCheckpoint(const std::string& path);
    // Restores generator, student, optimizers, method state, RNG and position.
    void loadCheckpoint(const std::string& path);

    methods::GeneratorImpl& generator();
    models::ZooModelImpl& student();
    // Synthetic samples from the current generator: normalised images [N, C, H, W] and labels.
    std::pair<torch::Tensor, torch::Tensor> sample(std::int64_t n, bool balanced);

private:
    // InputError when the checkpoint (its metadata `meta`) lies outside this
    // run or was written with other settings.
    void checkResumable(const std::string& path, const nlohmann::json& meta) const;

    struct State;
    std::unique_ptr<State> s_;
};

} // namespace zsq::engine
