#pragma once
// Barnes-Hut t-SNE, written from L. van der Maaten, "Accelerating t-SNE using
// Tree-Based Algorithms", JMLR 15 (2014): sparse perplexity-calibrated
// affinities on the 3*perplexity nearest neighbours (vantage-point tree),
// early exaggeration, momentum with per-coordinate gains, and a quadtree for
// the repulsive forces (theta = 0: exact t-SNE with dense affinities and the
// O(N^2) gradient). Deterministic for a seed, whatever the thread count.
// The optimisation is cancellable at every iteration and hands out the
// current embedding through a callback (the GUI animates it).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace zsq {
class CancelToken;
}

namespace zsq::analysis {

struct TsneOptions {
    double perplexity = 30;
    double theta = 0.5;              // Barnes-Hut accuracy; 0 = exact
    int iterations = 1000;           // total, early exaggeration included
    int exaggerationIterations = 250;
    double exaggeration = 12;
    double learningRate = 0;         // 0 = max(N / exaggeration / 4, 50) (scikit-learn's "auto")
    double initialMomentum = 0.5;    // during early exaggeration
    double finalMomentum = 0.8;
    double minGain = 0.01;
    bool pcaInit = true;             // else N(0, 1e-4) random initialisation
    std::uint64_t seed = 0;
    int reportEvery = 10;            // iterations between callbacks
    int klEvery = 50;                // iterations between KL estimates
};

struct TsneProgress {
    int iteration = 0;               // 1-based
    int total = 0;
    double kl = -1;                  // last estimate (< 0 before the first)
    bool exaggerating = false;
    const std::vector<float>* embedding = nullptr;  // [n * 2], valid during the call
};
using TsneCallback = std::function<void(const TsneProgress&)>;

struct TsneResult {
    std::vector<float> embedding;    // [n * 2]
    std::int64_t n = 0;
    double kl = 0;                   // exact KL(P || Q) of the final embedding
    int iterations = 0;
    double affinitySeconds = 0;      // neighbours + calibration
    double optimiseSeconds = 0;
    std::vector<std::pair<int, double>> klHistory;  // (iteration, estimate)
};

// `data` is row-major [n, dims] (reduce it with PCA first, see pca.h).
// Throws InputError for unusable input and Cancelled when cancelled.
TsneResult runTsne(const float* data, std::int64_t n, int dims, const TsneOptions& options,
                   const TsneCallback& callback = {}, const CancelToken* cancel = nullptr);

// Exact KL(P || Q) of an embedding for the affinities of `data` at the given
// perplexity: sparse (k = 3*perplexity) P unless `denseP`. Lets two
// embeddings of the same data (ours and scikit-learn's, or BH and exact) be
// compared on one objective.
double tsneKl(const float* data, std::int64_t n, int dims, const std::vector<float>& embedding, double perplexity,
              bool denseP);

} // namespace zsq::analysis
