#pragma once
// Vantage-point tree (Yianilos 1993) for exact k-nearest-neighbour queries
// under the Euclidean distance: t-SNE's sparse affinities and the
// neighbourhood-preservation figures need the k nearest neighbours of every
// point, which a VP tree finds in about O(log N) distance evaluations per
// query in moderate dimensions (PCA-50).
#include <cstdint>
#include <vector>

namespace zsq::analysis {

class VpTree {
public:
    // `data` is row-major [n, dims] and must outlive the tree. The vantage
    // points are drawn from a generator seeded with `seed`.
    VpTree(const float* data, std::int64_t n, int dims, std::uint64_t seed = 0);

    // The k nearest neighbours of row `query` (itself excluded), nearest
    // first; `distances` are Euclidean (not squared). Thread-safe.
    void search(std::int64_t query, int k, std::vector<std::int64_t>& indices, std::vector<double>& distances) const;

private:
    struct Node {
        std::int64_t point = -1;   // the vantage point (row index)
        double radius = 0;         // median distance: inside < radius <= outside
        std::int32_t inside = -1;  // child node indices, -1 = none
        std::int32_t outside = -1;
    };
    std::int32_t build(std::int64_t lo, std::int64_t hi, std::uint64_t& rng);
    double distance(std::int64_t a, std::int64_t b) const;

    const float* data_;
    std::int64_t n_;
    int dims_;
    std::vector<std::int64_t> order_;
    std::vector<Node> nodes_;
};

// The k nearest neighbours of every row, [n * k] each, computed in parallel.
struct KnnGraph {
    int k = 0;
    std::vector<std::int64_t> indices;
    std::vector<double> distances;
};
KnnGraph knnGraph(const float* data, std::int64_t n, int dims, int k, std::uint64_t seed = 0);

} // namespace zsq::analysis
