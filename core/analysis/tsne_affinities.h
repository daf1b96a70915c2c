#pragma once
// t-SNE's input similarities P (van der Maaten 2014, section 3): Gaussian
// conditionals p(j|i) over each point's neighbours, the bandwidth of each
// found by binary search so that the conditional's perplexity equals the
// target, then symmetrised, p_ij = (p(j|i) + p(i|j)) / 2N. Stored sparse
// (compressed rows) so the attractive forces cost O(N k).
#include <cstdint>
#include <vector>

#include "analysis/vp_tree.h"

namespace zsq {
class CancelToken;
}

namespace zsq::analysis {

struct Affinities {
    std::int64_t n = 0;
    std::vector<std::int64_t> rowStart;  // n + 1 offsets into columns/values
    std::vector<std::int32_t> columns;
    std::vector<double> values;          // sums to 1 over all entries
    std::int64_t entries() const { return static_cast<std::int64_t>(values.size()); }
};

// Sparse P from the k nearest neighbours (k = 3 * perplexity in the paper).
Affinities sparseAffinities(const KnnGraph& knn, std::int64_t n, double perplexity,
                            const CancelToken* cancel = nullptr);
// Dense P over all pairs, for exact t-SNE (theta = 0); O(N^2) memory.
Affinities denseAffinities(const float* data, std::int64_t n, int dims, double perplexity,
                           const CancelToken* cancel = nullptr);

} // namespace zsq::analysis
