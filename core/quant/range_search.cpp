#include "quant/range_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.h"
#include "quant/fake_quant.h"

namespace zsq::quant {

RangeInit rangeInitFromName(const std::string& name, const std::string& what)
{
    if (name == "lp")
        return RangeInit::Lp;
    if (name == "percentile")
        return RangeInit::Percentile;
    if (name == "minmax")
        return RangeInit::MinMax;
    throw InputError(what + ": unknown range initialisation '" + name + "' (lp, percentile, minmax)");
}

const char* rangeInitName(RangeInit init)
{
    switch (init) {
    case RangeInit::Lp: return "lp";
    case RangeInit::Percentile: return "percentile";
    case RangeInit::MinMax: return "minmax";
    }
    return "lp";
}

namespace {

// The k-th smallest value along dim 1 of `rows` [R, N] for the given
// percentile (nearest rank; kthvalue, unlike quantile, takes any size).
torch::Tensor rowPercentile(const torch::Tensor& rows, double percent)
{
    const std::int64_t n = rows.size(1);
    const auto k = std::clamp<std::int64_t>(static_cast<std::int64_t>(std::ceil(percent / 100.0 * n)), 1, n);
    return std::get<0>(rows.kthvalue(k, 1));
}

// The percentile range of each row, never narrower than [0, 0] around zero
// on the side where the row has values (a ReLU output keeps lo = 0).
std::pair<torch::Tensor, torch::Tensor> percentileRange(const torch::Tensor& rows, double percent)
{
    const torch::Tensor lo = rowPercentile(rows, 100.0 - percent).clamp_max(0);
    const torch::Tensor hi = rowPercentile(rows, percent).clamp_min(0);
    return {lo, hi};
}

} // namespace

std::pair<torch::Tensor, torch::Tensor> searchWeightRange(const torch::Tensor& weight, int bits, bool perChannel,
                                                          const RangeSearchOptions& options)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor w = weight.detach();
    auto [lo, hi] = weightRange(w, perChannel && w.dim() >= 2);
    const torch::Tensor flat = (perChannel && w.dim() >= 2) ? w.reshape({w.size(0), -1}) : w.reshape({1, -1});
    if (options.init == RangeInit::MinMax)
        return {lo, hi};
    if (options.init == RangeInit::Percentile) {
        auto [plo, phi] = percentileRange(flat.to(torch::kFloat), options.percentile);
        return {plo.to(lo.dtype()).reshape(lo.sizes()), phi.to(hi.dtype()).reshape(hi.sizes())};
    }
    torch::Tensor bestLo = lo.clone(), bestHi = hi.clone();
    torch::Tensor bestErr = torch::full_like(lo, std::numeric_limits<float>::infinity());
    for (int i = 0; i < options.candidates; ++i) {
        const double a = 1.0 - (1.0 - options.minShrink) * i / std::max(1, options.candidates - 1);
        const torch::Tensor l = lo * a, h = hi * a;
        const torch::Tensor q = fakeQuantize(flat, l.unsqueeze(1), h.unsqueeze(1), bits);
        const torch::Tensor err = (q - flat).abs().pow(options.p).sum(1);
        const torch::Tensor better = err < bestErr;
        bestErr = torch::where(better, err, bestErr);
        bestLo = torch::where(better, l, bestLo);
        bestHi = torch::where(better, h, bestHi);
    }
    return {bestLo, bestHi};
}

std::pair<double, double> searchActivationRange(const torch::Tensor& samples, int bits, const RangeSearchOptions& options)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = samples.detach().reshape({-1}).to(torch::kFloat);
    const auto [minT, maxT] = torch::aminmax(x);
    const double lo = minT.item<double>(), hi = maxT.item<double>();
    if (options.init == RangeInit::MinMax)
        return {lo, hi};
    if (options.init == RangeInit::Percentile) {
        const auto [plo, phi] = percentileRange(x.reshape({1, -1}), options.percentile);
        return {plo.item<double>(), phi.item<double>()};
    }
    double bestLo = lo, bestHi = hi, bestErr = std::numeric_limits<double>::infinity();
    for (int i = 0; i < options.candidates; ++i) {
        const double a = 1.0 - (1.0 - options.minShrink) * i / std::max(1, options.candidates - 1);
        const torch::Tensor l = torch::tensor(lo * a, x.options()), h = torch::tensor(hi * a, x.options());
        const double err = (fakeQuantize(x, l, h, bits) - x).abs().pow(options.p).mean().item<double>();
        if (err < bestErr) {
            bestErr = err;
            bestLo = lo * a;
            bestHi = hi * a;
        }
    }
    return {bestLo, bestHi};
}

} // namespace zsq::quant
