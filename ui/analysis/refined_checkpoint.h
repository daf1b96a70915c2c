#pragma once
// Whether a run's quantized.zsq was refined with learned rounding (AdaRound,
// BRECQ): such a checkpoint stores its weights already rounded to the grid,
// so the per-layer analysis keeps the layers it does not quantize in float
// with the float model's weights (core's layer_analysis; LayerView says so).
#include <QString>

namespace zsq::ui {

// "adaround" or "brecq" when result.json beside `quantizedPath` says the run
// was refined that way; "" otherwise (no refinement, ranges only, or no
// result.json beside the file).
QString roundedWeightsRefinement(const QString& quantizedPath);

} // namespace zsq::ui
