#include "quant/range_search.h"

#include <limits>

#include "quant/fake_quant.h"

namespace zsq::quant {

std::pair<torch::Tensor, torch::Tensor> searchWeightRange(const torch::Tensor& weight, int bits, bool perChannel,
                                                          const RangeSearchOptions& options)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor w = weight.detach();
    auto [lo, hi] = weightRange(w, perChannel && w.dim() >= 2);
    const torch::Tensor flat = (perChannel && w.dim() >= 2) ? w.reshape({w.size(0), -1}) : w.reshape({1, -1});
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
