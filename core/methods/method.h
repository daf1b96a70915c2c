#pragma once
// A zero-shot method is a strategy on the common generative pipeline
// (engine/zsq_trainer): it chooses the generator, adds terms to the
// generator's and the student's losses, may transform the student's input,
// and may keep state across iterations (ClusterQ's centroids). Every
// component can be switched off for ablations through MethodOptions.
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "io/state_dict.h"
#include "methods/generator.h"
#include "models/model.h"

namespace zsq::methods {

using LossTerms = std::map<std::string, torch::Tensor>;

struct MethodOptions {
    // GDFQ baseline
    double bnsWeight = 0.1;
    double kdTemperature = 20.0;
    // ClusterQ
    double clusterWeight = 0.9;
    int softStatEpoch = 2;          // epoch (0-based) from which the cluster loss is on
    double centroidDecay = 0.8;     // c <- decay * c + (1 - decay) * stat (official code: 0.8)
    bool clusterEma = true;         // off: centroids are replaced by each epoch's statistics
    double diversityStd = 0.1;      // Gaussian perturbation of the targets, relative to the centroid's std
    bool clusterDiversity = true;
    double augmentProbability = 0.5;
    double cropRatio = 0.8;
    // LRQ
    bool longRange = true;          // large-kernel attention in the generator
    bool ama = true;
    double amaWeight = 1.0;
    double amaScale = 16.0;
    double amaMargin = -0.2;        // radians; sign chosen by measurement (docs/methods.md)
    bool dkd = true;
    double dkdAlpha = 1.0, dkdBeta = 8.0, dkdTemperature = 4.0;
    int dkdWarmupEpochs = 2;        // linear ramp of the DKD weight
};

// What the generator step hands to the method.
struct GeneratorStep {
    const torch::Tensor& images;
    const torch::Tensor& labels;
    const torch::Tensor& teacherLogits;
    const models::ForwardCapture& teacher;  // BN inputs and penultimate features
    models::ZooModelImpl& teacherModel;
    int epoch;
};

class Method {
public:
    explicit Method(MethodOptions options) : options_(std::move(options)) {}
    virtual ~Method() = default;
    virtual std::string name() const = 0;
    virtual GeneratorConfig generatorConfig(const models::ModelInfo& info) const;
    // Named generator loss terms; the trainer sums them (weights included).
    virtual LossTerms generatorLoss(const GeneratorStep& step);
    // Named student loss terms on the (detached) synthetic batch.
    virtual LossTerms studentLoss(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits,
                                  const torch::Tensor& labels, int epochsSinceStudentStart);
    // Input transform for the student (ClusterQ: random resized crop + flip).
    virtual torch::Tensor studentInput(const torch::Tensor& images) { return images; }
    virtual void onEpochEnd(int /*epoch*/) {}
    // State that must survive a checkpoint for a bit-exact resume.
    virtual nlohmann::json stateJson() const { return nlohmann::json::object(); }
    virtual io::TensorMap stateTensors() const { return {}; }
    virtual void loadState(const nlohmann::json&, const io::TensorMap&) {}
    const MethodOptions& options() const { return options_; }

protected:
    MethodOptions options_;
};

// "gdfq", "clusterq", "lrq"; InputError for anything else.
std::unique_ptr<Method> makeMethod(const std::string& name, const MethodOptions& options);

} // namespace zsq::methods
