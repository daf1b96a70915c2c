#pragma once
// Figures that say how well an embedding (t-SNE) or a feature space
// separates classes and how faithfully the embedding keeps neighbourhoods.
// All take row-major float matrices and integer labels; torch-free.
#include <cstdint>
#include <vector>

#include "analysis/vp_tree.h"

namespace zsq::analysis {

struct PerClassFigure {
    std::vector<double> perClass;   // NaN for a class without samples
    double mean = 0;                // over samples
};

// Silhouette coefficient (Rousseeuw 1987) with Euclidean distances, averaged
// per class. O(N^2 dims): above `maxPoints` samples an evenly strided subset
// of that size is used.
PerClassFigure silhouette(const float* x, std::int64_t n, int dims, const std::vector<int>& labels, int numClasses,
                          std::int64_t maxPoints = 5000);

// Mean angle, in degrees, between each sample and the mean of its class.
PerClassFigure intraClassAngle(const float* x, std::int64_t n, int dims, const std::vector<int>& labels,
                               int numClasses);

// Fraction of each point's k nearest neighbours in `a` that are also among
// its k nearest in `b`, averaged (1 = neighbourhoods fully preserved).
double knnPreservation(const float* a, int dimsA, const float* b, int dimsB, std::int64_t n, int k);

// Fraction of each point's k nearest neighbours that share its label.
double knnClassAgreement(const float* x, std::int64_t n, int dims, const std::vector<int>& labels, int k);

// The same two figures from neighbour graphs already computed (same n and k).
double knnPreservation(const KnnGraph& a, const KnnGraph& b);
double knnClassAgreement(const KnnGraph& g, const std::vector<int>& labels);

} // namespace zsq::analysis
