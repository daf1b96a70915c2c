#pragma once
// The JSON run config shared by `zsq quantize --config` and the GUI. One
// schema lists every key with its type, range, default and help text; the
// GUI builds its "advanced" form from it, and validation rejects unknown
// keys and out-of-range values with a message naming the key.
//
// Example:
//   {"model": "demo", "method": "ptq", "wbits": 4, "abits": 4,
//    "layer_bits": {"features.init_block.conv": 8}, "seed": 0,
//    "device": "auto", "output": "runs/ptq-w4a4",
//    "ptq": {"batch_size": 64, "iterations": 500, "lr": 0.5}}
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace zsq::config {

// NumberList: a JSON array of numbers ([] = not given); also accepted as the
// text "0.485,0.456,0.406" (command line, GUI line edits).
enum class ParamType { Bool, Int, Double, String, Choice, BitsMap, NumberList };

struct ParamSpec {
    std::string key;                 // dotted path: "wbits", "ptq.lr"
    ParamType type = ParamType::String;
    nlohmann::json defaultValue;
    double min = 0, max = 0;         // Int / Double
    std::vector<std::string> choices;
    std::string help;
    bool advanced = false;           // shown in the GUI's collapsible form
};

const std::vector<ParamSpec>& runConfigSchema();

// Defaults for every key, as a nested JSON object.
nlohmann::json defaultRunConfig();

// Checks `user` against the schema and returns it merged over the defaults.
// Unknown keys, wrong types and out-of-range values throw InputError naming
// the key (e.g. "config key 'ptq.lr': must be within [1e-06, 10], got 50").
nlohmann::json resolveRunConfig(const nlohmann::json& user);

// Reads and resolves a config file; a syntax error names the line.
nlohmann::json loadRunConfigFile(const std::string& path);
// The file's JSON as written (not merged with defaults), for keysGiven().
nlohmann::json readRunConfigFile(const std::string& path);

// Sets a dotted key from a command-line string, converting by the schema.
void setFromString(nlohmann::json& config, const std::string& key, const std::string& value);

// Dotted keys present in a user's (partial) config.
std::vector<std::string> keysGiven(const nlohmann::json& user);

// Fills the train.* keys (and a few method keys) from the profile — "quick"
// (a 2-core CPU) or "paper" (the published schedules; CIFAR-size or
// ImageNet-size by the model's input) — except those the user gave.
// "custom" changes nothing.
void applyProfile(nlohmann::json& config, const std::vector<std::string>& givenKeys, std::int64_t inputSize);

} // namespace zsq::config
