#pragma once
// Preprocessing is part of a model: the input size, how a dataset image of
// another size is brought to it, the per-channel mean and std, the class
// names. A state_dict carries none of it, so it can come from, in rising
// precedence:
//   1. the architecture's defaults (marked "assumed": a guess, and said so);
//   2. the file itself: a ZSQ checkpoint's metadata, or a TorchScript
//      archive's extra file "preprocessing.json"
//      (torch.jit.save(m, f, _extra_files={"preprocessing.json": ...}));
//   3. a sidecar JSON beside the model: MODEL.json (e.g. r20.pt.json), or the
//      model's name with its extension replaced (r20.json);
//   4. the run config's preprocessing.* keys and the command line's flags.
// The JSON form (sidecar, extra file, checkpoint metadata, exports):
//   {"input_size": 28, "resize": "none", "mean": [0.2860], "std": [0.3530],
//    "class_names": ["T-shirt/top", ...], "arch": "resnet20"}
// Every key is optional; mean/std may be one number for every channel.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/model.h"

namespace zsq::models {

// A partial preprocessing: each field that is set replaces the model's.
struct PreprocessingOverrides {
    std::optional<std::int64_t> inputSize;
    std::optional<std::string> resize;
    std::optional<std::int64_t> resizeSize;
    std::optional<std::vector<double>> mean;
    std::optional<std::vector<double>> stdev;
    std::optional<std::vector<std::string>> classNames;
    std::optional<std::string> arch;   // sidecars may name the architecture

    bool empty() const;
    // `over`'s fields win.
    PreprocessingOverrides mergedWith(const PreprocessingOverrides& over) const;
};

// The resize policies, for messages and choices.
const std::vector<std::string>& resizePolicies();

// Parses the JSON form. `where` (a file name or "config key preprocessing")
// prefixes every InputError; unknown keys are errors.
PreprocessingOverrides preprocessingFromJson(const nlohmann::json& j, const std::string& where);
// The JSON form of a model's preprocessing (what exports and checkpoints store).
nlohmann::json preprocessingToJson(const ModelInfo& info);

// Class names from a text file (one per line) or a comma-separated list.
std::vector<std::string> parseClassNames(const std::string& fileOrList, const std::string& what);

// Applies `o` to `info` (a single mean/std broadcast to every channel),
// records `source`, and validates the result: InputError naming `source`
// and the field for a wrong channel count, a non-positive or non-finite std,
// an input size outside [8, 4096], an unknown resize policy, a class-name
// count other than the model's.
void applyPreprocessing(ModelInfo& info, const PreprocessingOverrides& o, const std::string& source);
void validatePreprocessing(const ModelInfo& info, const std::string& where);

// The sidecar beside `modelPath`, or "" when there is none: MODEL.json
// (always), else the stem + ".json" when it holds preprocessing keys (the
// stem's JSON can be something else, e.g. train-teacher's history).
std::string findSidecar(const std::string& modelPath);
PreprocessingOverrides readPreprocessingFile(const std::string& path);

// One line: "input 28x28 (resize: none), mean [0.286], std [0.353]; from r20.json".
std::string describePreprocessing(const ModelInfo& info);

// The input size to use with data of `dataHeight` x `dataWidth` pixels:
// the model's own, else the data's (square data only), else the
// architecture's default.
std::int64_t effectiveInputSize(const ModelInfo& info, std::int64_t dataHeight = 0, std::int64_t dataWidth = 0);

// Top-1 near chance on a dataset says more about preprocessing than about the
// model: a one-line warning naming the preprocessing used and how to change
// it, or nothing when the accuracy is not near chance.
bool isNearChance(double top1Percent, std::int64_t numClasses);
// For a model whose mean/std are only its architecture's defaults: one line
// saying so and how to give the real ones.
std::string assumedPreprocessingNote(const ModelInfo& info, const std::string& modelPath);
std::optional<std::string> nearChanceWarning(double top1Percent, const ModelInfo& info, const std::string& dataset);

} // namespace zsq::models
