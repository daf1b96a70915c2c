#pragma once
// What a per-layer analysis was measured on, in the user's language: core
// describes it in English for the CLI and layers.json, and gives the same
// facts as fields (analysis::EvalDataSource) for the GUI to say.
#include <string>

#include <QString>

#include "analysis/layer_analysis.h"

namespace zsq::ui {

// "fashion-mnist/test (500 samples, top-1 against labels)", or for distilled
// inputs "32 ZeroQ-distilled samples (agreement with the FP model)";
// `english` where the source is unknown (a layers.json from before the
// fields were kept).
QString evalDataText(const analysis::EvalDataSource& source, const std::string& english);

} // namespace zsq::ui
