#pragma once
// Refining a finished run afterwards (issue 13): the run's own settings
// (its config.json), its trained generator and student (its run.ckpt, which
// a resume at the end of its schedule restores without training again) and
// a refinement stage on top, written into a new folder. The CLI's
// `zsq refine RUN` / `zsq quantize --from RUN` and the GUI's "Refine..."
// both start from this config.
//
// A ptq run has no checkpoint: its distillation runs again (deterministic
// for its seed and thread count, about a minute).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace zsq::config {

struct RefineRunRequest {
    nlohmann::json config;               // a resolved run config
    std::vector<std::string> givenKeys;  // every key of the run's config.json, plus what was set here
};

// `runDir`: the output folder of a finished run (quantized.zsq, config.json,
// and run.ckpt for a generative method). `refineMethod`: ranges, adaround or
// brecq. `output`: the new folder ("" = RUN-METHOD, or RUN-METHOD-2, ... when
// that exists). Throws InputError naming the folder and what is wrong.
RefineRunRequest refineFinishedRun(const std::string& runDir, const std::string& refineMethod,
                                   const std::string& output = "");

} // namespace zsq::config
