#include "analysis/tsne.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "analysis/pca.h"
#include "analysis/quadtree.h"
#include "analysis/tsne_affinities.h"
#include "analysis/vp_tree.h"
#include "common/cancel.h"
#include "common/error.h"
#include "common/parallel_for.h"

namespace zsq::analysis {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Portable N(0,1) draws (std::normal_distribution differs between standard
// libraries): splitmix64 + Box-Muller.
class Gaussian {
public:
    explicit Gaussian(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
    double next()
    {
        const double u1 = (static_cast<double>(bits() >> 11) + 0.5) / 9007199254740992.0;
        const double u2 = (static_cast<double>(bits() >> 11) + 0.5) / 9007199254740992.0;
        return std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t bits()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t state_;
};

Affinities computeAffinities(const float* data, std::int64_t n, int dims, double perplexity, bool dense,
                             std::uint64_t seed, const CancelToken* cancel)
{
    if (dense)
        return denseAffinities(data, n, dims, perplexity, cancel);
    const int k = static_cast<int>(std::min<std::int64_t>(n - 1, static_cast<std::int64_t>(3 * perplexity + 1)));
    const KnnGraph knn = knnGraph(data, n, dims, k, seed);
    checkpoint(cancel);
    return sparseAffinities(knn, n, perplexity, cancel);
}

double sumPlogP(const Affinities& p)
{
    double s = 0;
    for (double v : p.values)
        if (v > 0)
            s += v * std::log(v);
    return s;
}

// Exact normaliser Z = sum_{i != j} 1 / (1 + |y_i - y_j|^2), in parallel with
// per-row partial sums added in a fixed order.
double exactZ(const std::vector<double>& y, std::int64_t n)
{
    std::vector<double> partial(static_cast<std::size_t>(n), 0);
    parallelFor(0, n, 64, [&](std::int64_t b, std::int64_t e) {
        for (std::int64_t i = b; i < e; ++i) {
            double s = 0;
            for (std::int64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                s += 1.0 / (1.0 + dx * dx + dy * dy);
            }
            partial[i] = s;
        }
    });
    double z = 0;
    for (double s : partial)
        z += s;
    return z;
}

double exactKl(const Affinities& p, const std::vector<double>& y)
{
    const double z = exactZ(y, p.n);
    double s = 0;
    for (std::int64_t i = 0; i < p.n; ++i)
        for (std::int64_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
            const std::int64_t j = p.columns[e];
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            const double q = 1.0 / (1.0 + dx * dx + dy * dy) / z;
            if (p.values[e] > 0)
                s += p.values[e] * std::log(p.values[e] / std::max(q, 1e-300));
        }
    return s;
}

std::vector<double> initialEmbedding(const float* data, std::int64_t n, int dims, const TsneOptions& o)
{
    std::vector<double> y(static_cast<std::size_t>(2 * n));
    if (o.pcaInit && dims >= 2) {
        // As scikit-learn: the first two principal components, scaled so the
        // first has standard deviation 1e-4.
        const PcaResult pca = principalComponents(data, n, dims, 2);
        double mean = 0, var = 0;
        for (std::int64_t i = 0; i < n; ++i)
            mean += pca.projected[2 * i];
        mean /= static_cast<double>(n);
        for (std::int64_t i = 0; i < n; ++i)
            var += (pca.projected[2 * i] - mean) * (pca.projected[2 * i] - mean);
        const double scale = 1e-4 / std::max(std::sqrt(var / static_cast<double>(n)), 1e-12);
        for (std::int64_t i = 0; i < 2 * n; ++i)
            y[i] = pca.projected[i] * scale;
    } else {
        Gaussian g(o.seed);
        for (auto& v : y)
            v = 1e-4 * g.next();
    }
    return y;
}

void validate(std::int64_t n, int dims, const TsneOptions& o)
{
    if (n < 4 || dims < 1)
        throw InputError("t-SNE needs at least 4 points with at least one dimension");
    if (o.theta < 0)
        throw InputError("t-SNE: theta must be >= 0");
    if (o.iterations < 1 || o.exaggerationIterations < 0)
        throw InputError("t-SNE: the number of iterations must be positive");
}

} // namespace

TsneResult runTsne(const float* data, std::int64_t n, int dims, const TsneOptions& o, const TsneCallback& callback,
                   const CancelToken* cancel)
{
    validate(n, dims, o);
    for (std::int64_t i = 0; i < n * dims; ++i)
        if (!std::isfinite(data[i]))
            throw InputError("t-SNE: the input holds NaN or infinite values");
    const bool exact = o.theta == 0;
    TsneResult result;
    result.n = n;
    const auto t0 = Clock::now();
    const Affinities p = computeAffinities(data, n, dims, o.perplexity, exact, o.seed, cancel);
    result.affinitySeconds = secondsSince(t0);

    const auto t1 = Clock::now();
    std::vector<double> y = initialEmbedding(data, n, dims, o);
    std::vector<double> update(y.size(), 0), gains(y.size(), 1), grad(y.size(), 0);
    std::vector<double> attract(y.size()), repel(y.size()), zPart(static_cast<std::size_t>(n)),
        logQPart(static_cast<std::size_t>(n));
    const double eta = o.learningRate > 0
                           ? o.learningRate
                           : std::max(static_cast<double>(n) / std::max(o.exaggeration, 1.0) / 4.0, 50.0);
    const double pLogP = sumPlogP(p);
    std::vector<float> snapshot;
    double kl = -1;

    for (int iter = 0; iter < o.iterations; ++iter) {
        checkpoint(cancel);
        const bool exaggerating = iter < o.exaggerationIterations;
        const double factor = exaggerating ? o.exaggeration : 1.0;
        const bool wantKl = (iter + 1) % std::max(o.klEvery, 1) == 0 || iter + 1 == o.iterations;

        // Attractive forces over the sparse P: sum_j p_ij q_ij (y_i - y_j).
        parallelFor(0, n, 256, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) {
                double f0 = 0, f1 = 0, lq = 0;
                for (std::int64_t k = p.rowStart[i]; k < p.rowStart[i + 1]; ++k) {
                    const std::int64_t j = p.columns[k];
                    const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    const double w = p.values[k] * q;
                    f0 += w * dx;
                    f1 += w * dy;
                    if (wantKl)
                        lq += p.values[k] * std::log(q);
                }
                attract[2 * i] = factor * f0;
                attract[2 * i + 1] = factor * f1;
                logQPart[i] = lq;
            }
        });

        // Repulsive forces: quadtree (Barnes-Hut) or all pairs (exact).
        if (exact) {
            parallelFor(0, n, 32, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t i = b; i < e; ++i) {
                    double f0 = 0, f1 = 0, z = 0;
                    for (std::int64_t j = 0; j < n; ++j) {
                        if (j == i)
                            continue;
                        const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                        const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                        z += q;
                        f0 += q * q * dx;
                        f1 += q * q * dy;
                    }
                    repel[2 * i] = f0;
                    repel[2 * i + 1] = f1;
                    zPart[i] = z;
                }
            });
        } else {
            const QuadTree tree(y.data(), n);
            parallelFor(0, n, 128, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t i = b; i < e; ++i) {
                    double f[2] = {0, 0};
                    zPart[i] = tree.repulsion(i, y.data(), o.theta, f);
                    repel[2 * i] = f[0];
                    repel[2 * i + 1] = f[1];
                }
            });
        }
        double z = 0;
        for (double v : zPart)
            z += v;
        z = std::max(z, 1e-300);
        if (wantKl) {
            // KL = sum p log p - sum p log q_unnormalised + log Z (sum p = 1),
            // with the true (not exaggerated) P.
            double lq = 0;
            for (double v : logQPart)
                lq += v;
            kl = pLogP - lq + std::log(z);
            result.klHistory.emplace_back(iter + 1, kl);
        }

        // Gradient 4 (F_attr - F_rep / Z); gains and momentum as in the paper.
        const double momentum = exaggerating ? o.initialMomentum : o.finalMomentum;
        double mean[2] = {0, 0};
        for (std::size_t k = 0; k < y.size(); ++k) {
            const double g = 4.0 * (attract[k] - repel[k] / z);
            if (!std::isfinite(g))
                throw RuntimeFailure("t-SNE diverged at iteration " + std::to_string(iter + 1) +
                                     " (non-finite gradient); try a smaller learning rate");
            // Grow the gain where the gradient flips against the last step.
            gains[k] = update[k] * g < 0 ? gains[k] + 0.2 : gains[k] * 0.8;
            gains[k] = std::max(gains[k], o.minGain);
            update[k] = momentum * update[k] - eta * gains[k] * g;
            y[k] += update[k];
            mean[k & 1] += y[k];
        }
        mean[0] /= static_cast<double>(n);
        mean[1] /= static_cast<double>(n);
        for (std::size_t k = 0; k < y.size(); ++k)
            y[k] -= mean[k & 1];

        if (callback && ((iter + 1) % std::max(o.reportEvery, 1) == 0 || iter + 1 == o.iterations)) {
            snapshot.assign(y.begin(), y.end());
            TsneProgress progress;
            progress.iteration = iter + 1;
            progress.total = o.iterations;
            progress.kl = kl;
            progress.exaggerating = exaggerating;
            progress.embedding = &snapshot;
            callback(progress);
        }
    }
    result.iterations = o.iterations;
    result.kl = exactKl(p, y);
    result.embedding.assign(y.begin(), y.end());
    result.optimiseSeconds = secondsSince(t1);
    return result;
}

double tsneKl(const float* data, std::int64_t n, int dims, const std::vector<float>& embedding, double perplexity,
              bool denseP)
{
    if (static_cast<std::int64_t>(embedding.size()) != 2 * n)
        throw InputError("t-SNE KL: the embedding has " + std::to_string(embedding.size() / 2) +
                         " points but the data has " + std::to_string(n));
    const Affinities p = computeAffinities(data, n, dims, perplexity, denseP, 0, nullptr);
    const std::vector<double> y(embedding.begin(), embedding.end());
    return exactKl(p, y);
}

} // namespace zsq::analysis
