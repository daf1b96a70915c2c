#pragma once
// Per-layer accuracy and sensitivity (`zsq layers`, the GUI's per-layer
// view). For every quantizable layer, named as in the model:
//   single      accuracy with only that layer's weights quantized
//   cumulative  accuracy with the weights of it and all layers before it quantized
//   SQNR/cosine between the FP teacher's and the fully quantized model's
//               (weights and activations) outputs of that layer
//   sensitivity mean KL(FP || model with only that layer at b bits) for each
//               candidate b - ZeroQ's mixed-precision sensitivity, which the
//               bit allocator (bit_allocation.h) minimises under a size budget
// "Accuracy" is top-1 against the labels of real evaluation data, or, with
// no dataset, agreement with the FP teacher's predictions on ZeroQ-distilled
// inputs. With a fine-tuned checkpoint the figures come twice: "before"
// (the FP weights quantized as they are) and "after" (the method's weights),
// so the user sees where the method recovered accuracy. One FP pass per
// batch is shared by all configurations. Torch-free header.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/cancel.h"
#include "common/events.h"

namespace zsq::analysis {

struct LayerAnalysisConfig {
    std::string model;                    // FP model ("" or "demo": the shipped one)
    std::string quantized;                // optional fine-tuned checkpoint (adds the "after" state)
    std::string arch;                     // "" = detect
    // Preprocessing overrides in the run config's form ({"preprocessing":
    // {...}}, "" = none). Without them the FP model takes the quantized
    // checkpoint's preprocessing when one is given.
    std::string preprocessingJson;
    int wbits = 4;
    int abits = 4;                        // 0 = activations in float
    bool perChannel = true;
    std::map<std::string, int> layerWbits;  // per-layer overrides (mixed precision)
    std::string dataset = "fashion-mnist";  // "none": ZeroQ-distilled inputs, agreement with the teacher
    std::string split = "test";
    std::int64_t limit = 2000;            // evaluation samples
    std::int64_t distillSamples = 128;    // with dataset "none"
    int distillIterations = 200;
    std::int64_t calibrationSamples = 500;  // activation ranges of the "before" model
    std::vector<int> candidateBits{2, 3, 4, 5, 6, 8};
    bool perLayer = true;                 // single / cumulative / SQNR figures
    bool sensitivity = true;              // KL per candidate bit width
    std::string device = "auto";
    std::int64_t batch = 250;
    std::uint64_t seed = 0;
};

struct LayerFigures {
    std::string name;
    std::string kind;                     // conv / linear
    std::int64_t parameters = 0;          // weights
    int bits = 0;                         // weight bits in this state
    double singleTop1 = 0;                // percent
    double cumulativeTop1 = 0;
    double sqnrDb = 0;
    double cosine = 0;
    std::map<int, double> sensitivity;    // bits -> mean KL (nats)
};

struct LayerStateReport {
    std::string state;                    // "before" or "after"
    double fpTop1 = 0;
    double quantTop1 = 0;                 // fully quantized (weights + activations)
    double averageWeightBits = 0;
    std::vector<LayerFigures> layers;
};

// What a set of figures was measured on, so that a front end can say it in
// its user's language (`data` and `sensitivityData` hold it in English).
struct EvalDataSource {
    std::string dataset;                  // "none": ZeroQ-distilled inputs, judged against the FP model
    std::string split;
    std::int64_t samples = 0;
    nlohmann::json toJson() const;
    static EvalDataSource fromJson(const nlohmann::json& js);   // {} where js is not one
};

struct LayerAnalysisResult {
    std::string arch;
    bool realLabels = true;               // false: agreement with the teacher on distilled data
    std::string data;                     // what the figures were measured on
    std::string sensitivityData;          // what the sensitivities were measured on ("" = none measured)
    EvalDataSource dataSource;            // `data`, as fields
    EvalDataSource sensitivitySource;     // `sensitivityData`, as fields (samples 0 = none measured)
    std::int64_t samples = 0;
    int abits = 0;
    std::vector<LayerStateReport> states;
    double seconds = 0;
    nlohmann::json toJson() const;
};

// Where the sensitivities come from, for every front end (the GUI's Suggest
// Bits, `zsq layers`, `zsq suggest-bits`): they choose bit widths, so they
// are never measured on the split the results are then reported on. A
// dataset's validation split (the last 10 % of train); ZeroQ-distilled inputs
// stay distilled.
inline constexpr const char* kSensitivitySplit = "val";
LayerAnalysisConfig sensitivityConfig(const LayerAnalysisConfig& config);

// Called after every batch of a state's figures with the result so far: the
// states finished before it, then the current one over the samples seen
// (its sensitivities come when its figures are complete). A front end shows
// the rows filling in instead of nothing for minutes.
using LayerPartialCallback = std::function<void(const LayerAnalysisResult& partial)>;

// The figures on config.dataset/config.split; the sensitivities (when asked)
// on sensitivityConfig(config)'s data.
LayerAnalysisResult runLayerAnalysis(const LayerAnalysisConfig& config, EventSink& sink = nullSink(),
                                     const CancelToken* cancel = nullptr, const LayerPartialCallback& onPartial = {});

// layers.csv (one row per state and layer) and layers.json, atomically.
void writeLayerOutputs(const LayerAnalysisResult& result, const std::string& dir);

} // namespace zsq::analysis
