#pragma once
// The model zoo: names, their default input conventions, and construction.
#include <string>
#include <vector>

#include "models/model.h"

namespace zsq::models {

struct ArchDescription {
    std::string name;
    std::string summary;
    ModelInfo defaults;   // numClasses etc. may be overridden at creation
};

const std::vector<ArchDescription>& architectures();
bool isKnownArch(const std::string& name);
// Defaults for `arch` with the class count (and input channels) overridden
// where > 0. Throws InputError for an unknown name.
ModelInfo defaultInfo(const std::string& arch, std::int64_t numClasses = 0, std::int64_t inChannels = 0);
// A freshly initialised model (Kaiming convolutions, BN weight 1 / bias 0).
ModelPtr createModel(const ModelInfo& info);
// A deep copy (weights, buffers and quantizer settings) on the CPU, e.g. the
// student made from the teacher.
ModelPtr cloneModel(ZooModelImpl& model);

} // namespace zsq::models
