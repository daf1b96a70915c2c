#pragma once
// What a method implies for run-config keys the user did not give.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace zsq::config {

// genie quantizes by block reconstruction: refine.method becomes brecq unless
// the user gave refine.method (givenKeys, as config::keysGiven lists them).
void applyMethodDefaults(nlohmann::json& config, const std::vector<std::string>& givenKeys);

} // namespace zsq::config
