#include "analysis/bit_allocation.h"

#include <cmath>
#include <limits>
#include <string>

#include "common/error.h"

namespace zsq::analysis {

BitAllocation allocateBits(const std::vector<LayerCost>& layers, double budget, int resolution)
{
    if (layers.empty())
        throw InputError("bit allocation: no layers");
    if (!(budget > 0) || resolution < 1)
        throw InputError("bit allocation: the budget must be positive");
    double totalParams = 0;
    for (const auto& l : layers) {
        if (l.sensitivity.empty())
            throw InputError("bit allocation: a layer without candidate bit widths");
        totalParams += static_cast<double>(l.parameters);
    }
    const double capacityBits = budget * totalParams;
    const double unit = capacityBits / resolution;  // bits per DP bucket
    const double inf = std::numeric_limits<double>::infinity();

    // best[c] = least summed sensitivity of the layers so far using c buckets.
    std::vector<double> best(static_cast<std::size_t>(resolution) + 1, inf), next(best.size());
    best[0] = 0;
    // choice[l][c] = bits chosen for layer l when the first l+1 layers use c buckets.
    std::vector<std::vector<int>> choice(layers.size(), std::vector<int>(best.size(), 0));
    for (std::size_t l = 0; l < layers.size(); ++l) {
        std::fill(next.begin(), next.end(), inf);
        for (const auto& [bits, cost] : layers[l].sensitivity) {
            const auto size = static_cast<std::int64_t>(
                std::ceil(static_cast<double>(layers[l].parameters) * bits / unit - 1e-9));
            for (std::int64_t c = 0; c + size <= resolution; ++c) {
                if (best[c] == inf)
                    continue;
                const double v = best[c] + cost;
                // Ties go to the larger bit width (listed later): same
                // sensitivity, more precision.
                if (v <= next[c + size]) {
                    next[c + size] = v;
                    choice[l][c + size] = bits;
                }
            }
        }
        best.swap(next);
    }
    std::int64_t end = -1;
    for (std::int64_t c = 0; c <= resolution; ++c)
        if (best[c] < inf && (end < 0 || best[c] < best[end]))
            end = c;
    if (end < 0)
        throw InputError("bit allocation: a budget of " + std::to_string(budget) +
                         " average bits is below the smallest candidate widths");

    BitAllocation a;
    a.bits.assign(layers.size(), 0);
    a.sensitivity = best[end];
    double usedBits = 0;
    for (std::size_t l = layers.size(); l-- > 0;) {
        const int bits = choice[l][end];
        a.bits[l] = bits;
        usedBits += static_cast<double>(layers[l].parameters) * bits;
        end -= static_cast<std::int64_t>(std::ceil(static_cast<double>(layers[l].parameters) * bits / unit - 1e-9));
    }
    a.averageBits = usedBits / totalParams;
    return a;
}

} // namespace zsq::analysis
