#pragma once
// Torch-free check of a model's preprocessing against a dataset, for the GUI
// before a run starts: the full-precision top-1 on the first samples, and
// whether it is near chance (which almost always means the preprocessing is
// not the one the model was trained with).
#include <cstdint>
#include <string>

namespace zsq::api {

struct PreprocessingCheck {
    double top1 = 0;                 // percent, on `samples` samples
    std::int64_t samples = 0;
    bool nearChance = false;
    std::string warning;             // one line when nearChance, else empty
    std::string preprocessingText;   // what was used, one line
};

// `runConfigJson`: a (partial) run config; its model, arch, dataset,
// eval_split and preprocessing.* keys are used. Quantization settings are
// ignored: the float model is checked. Throws InputError for a bad model,
// dataset or preprocessing.
PreprocessingCheck checkPreprocessing(const std::string& runConfigJson, std::int64_t samples = 500);

} // namespace zsq::api
