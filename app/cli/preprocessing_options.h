#pragma once
// The model-preprocessing flags every command that reads a model accepts:
//   --input-size N  --resize none|resize|resize_crop  --resize-size N
//   --mean a,b,c    --std a,b,c  --class-names FILE|a,b,...  --preprocessing FILE.json
// They override the model file's own preprocessing and its sidecar JSON.
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "args.h"
#include "io/model_file.h"

namespace zsq::cli {

const std::set<std::string>& preprocessingOptionNames();
// Help lines describing the flags, for each command's --help.
const char* preprocessingUsage();

// The flags as run-config keys ({"preprocessing": {...}}, only those given).
nlohmann::json preprocessingConfigFromArgs(const Args& args);
// --arch and the flags as model-loading options.
io::LoadOptions loadOptionsFromArgs(const Args& args);

} // namespace zsq::cli
