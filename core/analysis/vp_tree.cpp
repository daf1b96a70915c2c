#include "analysis/vp_tree.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

#include "common/error.h"
#include "common/parallel_for.h"

namespace zsq::analysis {

namespace {
// splitmix64: a tiny deterministic generator, so the tree (and everything
// built on it) is the same on every platform for a seed.
std::uint64_t nextRandom(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
} // namespace

VpTree::VpTree(const float* data, std::int64_t n, int dims, std::uint64_t seed)
    : data_(data), n_(n), dims_(dims), order_(static_cast<std::size_t>(n))
{
    for (std::int64_t i = 0; i < n; ++i)
        order_[i] = i;
    nodes_.reserve(static_cast<std::size_t>(n));
    std::uint64_t rng = seed ^ 0x5EEDULL;
    build(0, n, rng);
}

double VpTree::distance(std::int64_t a, std::int64_t b) const
{
    const float* x = data_ + a * dims_;
    const float* y = data_ + b * dims_;
    double s = 0;
    for (int d = 0; d < dims_; ++d) {
        const double diff = static_cast<double>(x[d]) - y[d];
        s += diff * diff;
    }
    return std::sqrt(s);
}

// Builds the subtree of order_[lo, hi): a random vantage point, the rest split
// at the median distance to it. Recursion depth is O(log n).
std::int32_t VpTree::build(std::int64_t lo, std::int64_t hi, std::uint64_t& rng)
{
    if (lo >= hi)
        return -1;
    const auto id = static_cast<std::int32_t>(nodes_.size());
    nodes_.emplace_back();
    const std::int64_t pick = lo + static_cast<std::int64_t>(nextRandom(rng) % static_cast<std::uint64_t>(hi - lo));
    std::swap(order_[lo], order_[pick]);
    const std::int64_t vantage = order_[lo];
    nodes_[id].point = vantage;
    if (hi - lo > 1) {
        const std::int64_t median = (lo + 1 + hi) / 2;
        std::nth_element(order_.begin() + lo + 1, order_.begin() + median, order_.begin() + hi,
                         [&](std::int64_t a, std::int64_t b) { return distance(vantage, a) < distance(vantage, b); });
        nodes_[id].radius = distance(vantage, order_[median]);
        const std::int32_t inside = build(lo + 1, median, rng);
        const std::int32_t outside = build(median, hi, rng);
        nodes_[id].inside = inside;
        nodes_[id].outside = outside;
    }
    return id;
}

void VpTree::search(std::int64_t query, int k, std::vector<std::int64_t>& indices,
                    std::vector<double>& distances) const
{
    // Max-heap of the best k so far; tau = the current k-th distance.
    std::priority_queue<std::pair<double, std::int64_t>> best;
    double tau = std::numeric_limits<double>::max();
    std::vector<std::int32_t> stack;
    stack.reserve(64);
    if (!nodes_.empty())
        stack.push_back(0);
    while (!stack.empty()) {
        const Node& node = nodes_[static_cast<std::size_t>(stack.back())];
        stack.pop_back();
        const double d = distance(query, node.point);
        if (node.point != query && d < tau) {
            best.emplace(d, node.point);
            if (static_cast<int>(best.size()) > k)
                best.pop();
            if (static_cast<int>(best.size()) == k)
                tau = best.top().first;
        }
        // Visit the more promising side last (popped first); prune the other
        // side when the tau-ball cannot reach it.
        if (d < node.radius) {
            if (node.outside >= 0 && d + tau >= node.radius)
                stack.push_back(node.outside);
            if (node.inside >= 0 && d - tau <= node.radius)
                stack.push_back(node.inside);
        } else {
            if (node.inside >= 0 && d - tau <= node.radius)
                stack.push_back(node.inside);
            if (node.outside >= 0 && d + tau >= node.radius)
                stack.push_back(node.outside);
        }
    }
    const std::size_t found = best.size();
    indices.assign(found, 0);
    distances.assign(found, 0);
    for (std::size_t i = found; i-- > 0;) {
        indices[i] = best.top().second;
        distances[i] = best.top().first;
        best.pop();
    }
}

KnnGraph knnGraph(const float* data, std::int64_t n, int dims, int k, std::uint64_t seed)
{
    if (k < 1 || k >= n)
        throw InputError("k-nearest neighbours: k = " + std::to_string(k) + " needs at least " +
                         std::to_string(k + 1) + " points, got " + std::to_string(n));
    const VpTree tree(data, n, dims, seed);
    KnnGraph g;
    g.k = k;
    g.indices.resize(static_cast<std::size_t>(n * k));
    g.distances.resize(static_cast<std::size_t>(n * k));
    parallelFor(0, n, 64, [&](std::int64_t b, std::int64_t e) {
        std::vector<std::int64_t> idx;
        std::vector<double> dist;
        for (std::int64_t i = b; i < e; ++i) {
            tree.search(i, k, idx, dist);
            std::copy(idx.begin(), idx.end(), g.indices.begin() + i * k);
            std::copy(dist.begin(), dist.end(), g.distances.begin() + i * k);
        }
    });
    return g;
}

} // namespace zsq::analysis
