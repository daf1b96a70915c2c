#pragma once
// The container both of the engine's own checkpoints use (run.ckpt of a
// generative run, refine.ckpt of a block reconstruction): a pickled
// {str: value} dict with a "format" string, a "meta" JSON text, dicts of
// named tensors and the CPU random state. Written with torch::pickle_save,
// read back by io's memory-safe reader only; settings compared key by key
// so that a resume with other settings is refused naming them.
#include <map>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "io/state_dict.h"

namespace zsq::engine::archive {

using Entries = std::map<std::string, c10::IValue>;

c10::impl::GenericDict tensorDict(const io::TensorMap& tensors);

// Reads `path` (described as `what`, e.g. "a run checkpoint") and checks
// that it is a dict whose "format" is `format`; InputError otherwise.
Entries read(const std::string& path, const std::string& what, const std::string& format);

// The "meta" entry parsed as bounded JSON.
nlohmann::json metaOf(const Entries& entries, const std::string& path, const std::string& what);

// A {str: tensor} entry (possibly empty); InputError naming it otherwise.
io::TensorMap tensorsOf(const Entries& entries, const std::string& key, const std::string& path,
                        const std::string& what);

// Finite floating tensors only: a checkpoint's NaN is refused, naming it.
void checkFinite(const io::TensorMap& tensors, const std::string& path);

torch::Tensor cpuRandomState();
void setCpuRandomState(const torch::Tensor& state);

// "" when `saved` and `current` hold the same values key by key; else
// "key saved (this run: current), ..." (six at most, then a count).
std::string settingsDifference(const nlohmann::json& saved, const nlohmann::json& current);

} // namespace zsq::engine::archive
