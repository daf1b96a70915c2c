#pragma once
// Options shared by `zsq layers` and `zsq suggest-bits`: which model, which
// data, which bits.
#include <set>
#include <string>

#include "analysis/layer_analysis.h"
#include "args.h"

namespace zsq::cli {

// The option names below, for Args.
std::set<std::string> layerValuedOptions();
std::set<std::string> layerFlagOptions();
// Fills the analysis config from parsed arguments.
analysis::LayerAnalysisConfig layerConfigFrom(const Args& args);
// Help text lines for the shared options.
const char* layerOptionsHelp();
// "2,3,4" -> {2,3,4}; InputError on anything else.
std::vector<int> parseBitList(const std::string& text);

} // namespace zsq::cli
