#pragma once
// The run config's preprocessing.* keys as model-loading options: only the
// keys the user set (input_size >= 0, resize other than "model", non-empty
// lists) override what the model file and its sidecar say.
#include <nlohmann/json.hpp>

#include "io/model_file.h"

namespace zsq::config {

// `cfg` is a resolved run config (config/run_config.h). `source` names the
// origin in messages ("run config", "command line").
io::LoadOptions loadOptionsFromConfig(const nlohmann::json& cfg, const std::string& source = "run config");
// The same from `arch` and a JSON text in the run config's form ("" = none),
// as the analysis jobs and the GUI carry it.
io::LoadOptions loadOptionsFromJsonText(const std::string& arch, const std::string& preprocessingJson,
                                        const std::string& source);

} // namespace zsq::config
