#pragma once
// Torch-free entry point to a quantization run, for the GUI. Configs travel
// as JSON text so that callers need neither LibTorch nor nlohmann-json; the
// run itself is engine::runQuantizationJob, the one the CLI uses.
#include <cstdint>
#include <string>
#include <vector>

#include "common/cancel.h"
#include "common/events.h"

namespace zsq::api {

struct RunOutcome {
    std::string outputDir;
    bool evaluated = false;     // false with dataset "none"
    double fpTop1 = 0;          // percent
    double quantTop1 = 0;       // percent
    bool cancelled = false;     // stopped by the user; run.ckpt kept for a resume
    std::string resultJson;     // what result.json holds
};

} // namespace zsq::api
namespace zsq::engine {
struct JobOutcome;
}
namespace zsq::api {

// The engine's outcome as front ends see it (the CLI's --events jsonl line,
// runQuantization's return value).
RunOutcome runOutcomeFrom(const engine::JobOutcome& job);

// The run-config schema as a JSON array of
//   {"key", "type" (bool|int|double|string|choice|bits), "default", "min",
//    "max", "choices", "help", "advanced"}
// so that a form can be generated from it.
std::string runConfigSchemaJson();

// Every key's default as a nested JSON object, with the train.* keys filled
// by `profile` ("quick", "classroom", "paper", "custom") for a model of `inputSize` pixels:
// what a run would use for the keys the user leaves alone.
std::string profileDefaultsJson(const std::string& profile, std::int64_t inputSize);

// Validates a (partial) user config; throws InputError naming the bad key.
void validateRunConfig(const std::string& configJson);

// Runs a quantization job on the calling thread. `configJson` holds the keys
// the user set (a partial run config); they, and the dotted `givenKeys`, are
// not overridden by the profile. Throws InputError (bad config, model or
// dataset), RuntimeFailure (anything that failed during the run, as one line)
// or Cancelled (stopped before training started). A stop during training
// returns normally with `cancelled` set.
RunOutcome runQuantization(const std::string& configJson, const std::vector<std::string>& givenKeys,
                           EventSink& sink, const CancelToken* cancel);

// The run config (JSON text) that refines the finished run in `runDir` with
// `refineMethod` (ranges, adaround, brecq) without training again, into a
// new folder (config/refine_finished_run.h); `givenKeys` receives the keys
// to pass to runQuantization with it. Throws InputError in one line naming
// the folder when it cannot be refined (unfinished, no run.ckpt, ...).
std::string refineRunConfigJson(const std::string& runDir, const std::string& refineMethod,
                                std::vector<std::string>* givenKeys);

// Class names of a named dataset ("fashion-mnist", "cifar10", ...) without
// opening it; empty when the names are not known in advance.
std::vector<std::string> datasetClassNames(const std::string& dataset);

// The folder in which a named dataset was found, or "" when it is missing.
std::string findNamedDataset(const std::string& name);

} // namespace zsq::api
