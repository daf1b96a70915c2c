#pragma once
// Principal component analysis of a row-major [n, dims] matrix: t-SNE's
// optional reduction to 50 dimensions and its PCA initialisation. The
// header is torch-free; the eigendecomposition runs in LibTorch (double).
#include <cstdint>
#include <vector>

namespace zsq::analysis {

struct PcaResult {
    std::vector<float> projected;    // [n, components], centred
    int components = 0;
    double explainedVarianceRatio = 0;  // of the kept components
};

// Keeps min(components, dims) components. Signs are fixed (largest loading
// positive) so results are reproducible.
PcaResult principalComponents(const float* data, std::int64_t n, int dims, int components);

} // namespace zsq::analysis
