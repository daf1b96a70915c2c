#pragma once
// Quantization ranges chosen by error instead of raw min/max: among the
// ranges [a*lo, a*hi] for shrink factors a in (0, 1], the one whose quantized
// tensor is closest to the original in the Lp norm (p = 2.4 as GENIE and
// LAPQ use: between MSE, which clips too little, and L1). Alternatives: the
// percentile range (the values below the (100 - q)-th and above the q-th
// percentile clipped), and the raw min/max.
#include <string>
#include <utility>

#include <torch/types.h>

namespace zsq::quant {

enum class RangeInit { Lp, Percentile, MinMax };

// "lp", "percentile", "minmax"; InputError naming `what` for anything else.
RangeInit rangeInitFromName(const std::string& name, const std::string& what);
const char* rangeInitName(RangeInit init);

struct RangeSearchOptions {
    RangeInit init = RangeInit::Lp;
    double p = 2.4;
    int candidates = 80;       // a = 1, 1 - 1/80, ... down to minShrink
    double minShrink = 0.2;
    // Percentile: hi is the q-th percentile, lo the (100 - q)-th (per channel
    // for weights). 99.99 as the percentile calibrators of TensorRT and
    // PyTorch's HistogramObserver-style tools commonly default to.
    double percentile = 99.99;
};

// Per output channel (dim 0) of a weight, or per tensor: lo/hi of shape
// [out] (or [1]) minimising sum |w - Q(w)|^p within each channel.
std::pair<torch::Tensor, torch::Tensor> searchWeightRange(const torch::Tensor& weight, int bits, bool perChannel,
                                                          const RangeSearchOptions& options = {});

// One range for a set of activation samples (any shape): minimises the
// mean |x - Q(x)|^p.
std::pair<double, double> searchActivationRange(const torch::Tensor& samples, int bits,
                                                const RangeSearchOptions& options = {});

} // namespace zsq::quant
