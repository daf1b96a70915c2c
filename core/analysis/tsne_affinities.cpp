#include "analysis/tsne_affinities.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/cancel.h"
#include "common/error.h"
#include "common/parallel_for.h"

namespace zsq::analysis {

namespace {

// Fills p (same length as squared distances d2) with the Gaussian conditional
// whose perplexity is `perplexity`, by bisection on the precision beta.
void calibrateRow(const double* d2, std::int64_t count, double perplexity, double* p)
{
    const double targetEntropy = std::log(perplexity);
    double dmin = std::numeric_limits<double>::max();
    for (std::int64_t j = 0; j < count; ++j)
        dmin = std::min(dmin, d2[j]);
    double beta = 1, lo = 0, hi = std::numeric_limits<double>::infinity();
    for (int step = 0; step < 200; ++step) {
        double sum = 0, weighted = 0;
        for (std::int64_t j = 0; j < count; ++j) {
            // Shifting by the smallest distance leaves the normalised row
            // unchanged and keeps exp() from underflowing for far points.
            p[j] = std::exp(-beta * (d2[j] - dmin));
            sum += p[j];
            weighted += (d2[j] - dmin) * p[j];
        }
        const double entropy = std::log(sum) + beta * weighted / sum;
        for (std::int64_t j = 0; j < count; ++j)
            p[j] /= sum;
        const double diff = entropy - targetEntropy;
        if (std::abs(diff) < 1e-5)
            break;
        if (diff > 0) {  // too flat: sharpen
            lo = beta;
            beta = std::isinf(hi) ? beta * 2 : (beta + hi) / 2;
        } else {
            hi = beta;
            beta = (beta + lo) / 2;
        }
    }
}

// (P + P^T) / 2N from row-wise conditionals given as a neighbour list.
Affinities symmetrize(std::int64_t n, int k, const std::vector<std::int64_t>& neighbours,
                      const std::vector<double>& conditional)
{
    std::vector<std::int64_t> degree(static_cast<std::size_t>(n), 0);
    for (std::int64_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            ++degree[i];
            ++degree[neighbours[i * k + m]];
        }
    Affinities a;
    a.n = n;
    a.rowStart.assign(static_cast<std::size_t>(n + 1), 0);
    for (std::int64_t i = 0; i < n; ++i)
        a.rowStart[i + 1] = a.rowStart[i] + degree[i];
    std::vector<std::int32_t> cols(static_cast<std::size_t>(a.rowStart[n]));
    std::vector<double> vals(cols.size());
    std::vector<std::int64_t> fill(a.rowStart.begin(), a.rowStart.end() - 1);
    for (std::int64_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            const std::int64_t j = neighbours[i * k + m];
            const double v = conditional[i * k + m];
            cols[fill[i]] = static_cast<std::int32_t>(j);
            vals[fill[i]++] = v;
            cols[fill[j]] = static_cast<std::int32_t>(i);
            vals[fill[j]++] = v;
        }
    // Sort each row by column and merge the pairs that appear twice.
    std::vector<std::int64_t> newStart(static_cast<std::size_t>(n + 1), 0);
    std::vector<std::pair<std::int32_t, double>> row;
    a.columns.reserve(cols.size());
    a.values.reserve(cols.size());
    const double norm = 1.0 / (2.0 * static_cast<double>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        row.clear();
        for (std::int64_t e = a.rowStart[i]; e < a.rowStart[i + 1]; ++e)
            row.emplace_back(cols[e], vals[e]);
        std::sort(row.begin(), row.end());
        for (std::size_t e = 0; e < row.size(); ++e) {
            if (!a.columns.empty() && static_cast<std::int64_t>(a.columns.size()) > newStart[i] &&
                a.columns.back() == row[e].first) {
                a.values.back() += row[e].second * norm;
                continue;
            }
            a.columns.push_back(row[e].first);
            a.values.push_back(row[e].second * norm);
        }
        newStart[i + 1] = static_cast<std::int64_t>(a.columns.size());
    }
    a.rowStart = std::move(newStart);
    return a;
}

void checkPerplexity(std::int64_t n, double perplexity, std::int64_t neighbours)
{
    if (!(perplexity > 0))
        throw InputError("t-SNE: perplexity must be positive");
    if (n < 4)
        throw InputError("t-SNE needs at least 4 points, got " + std::to_string(n));
    if (perplexity >= static_cast<double>(neighbours))
        throw InputError("t-SNE: perplexity " + std::to_string(perplexity) + " is too large for " +
                         std::to_string(n) + " points (it must be below " + std::to_string(neighbours) + ")");
}

} // namespace

Affinities sparseAffinities(const KnnGraph& knn, std::int64_t n, double perplexity, const CancelToken* cancel)
{
    checkPerplexity(n, perplexity, knn.k);
    const int k = knn.k;
    std::vector<double> conditional(static_cast<std::size_t>(n * k));
    parallelFor(0, n, 256, [&](std::int64_t b, std::int64_t e) {
        std::vector<double> d2(static_cast<std::size_t>(k));
        for (std::int64_t i = b; i < e; ++i) {
            for (int m = 0; m < k; ++m)
                d2[m] = knn.distances[i * k + m] * knn.distances[i * k + m];
            calibrateRow(d2.data(), k, perplexity, conditional.data() + i * k);
        }
    });
    checkpoint(cancel);
    return symmetrize(n, k, knn.indices, conditional);
}

Affinities denseAffinities(const float* data, std::int64_t n, int dims, double perplexity, const CancelToken* cancel)
{
    checkPerplexity(n, perplexity, n - 1);
    const std::int64_t k = n - 1;
    std::vector<std::int64_t> neighbours(static_cast<std::size_t>(n * k));
    std::vector<double> conditional(static_cast<std::size_t>(n * k));
    parallelFor(0, n, 16, [&](std::int64_t b, std::int64_t e) {
        std::vector<double> d2(static_cast<std::size_t>(k));
        for (std::int64_t i = b; i < e; ++i) {
            std::int64_t m = 0;
            for (std::int64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                double s = 0;
                for (int d = 0; d < dims; ++d) {
                    const double diff = static_cast<double>(data[i * dims + d]) - data[j * dims + d];
                    s += diff * diff;
                }
                neighbours[i * k + m] = j;
                d2[m++] = s;
            }
            calibrateRow(d2.data(), k, perplexity, conditional.data() + i * k);
        }
    });
    checkpoint(cancel);
    return symmetrize(n, static_cast<int>(k), neighbours, conditional);
}

} // namespace zsq::analysis
