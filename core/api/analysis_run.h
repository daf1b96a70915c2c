#pragma once
// Torch-free helpers for the GUI's analysis views. The analyses themselves
// (analysis/tsne_job.h, layer_analysis.h, bit_allocation.h) already have
// torch-free headers; what they do not give is the labels of the points
// before the job returns, which the t-SNE view needs to colour its animation
// while the embedding converges.
#include <cstdint>
#include <string>
#include <vector>

namespace zsq::api {

struct SampleLabels {
    std::vector<int> labels;                // first `limit` samples, in dataset order
    std::vector<std::string> classNames;
};

// The labels of the samples an analysis reads from `dataset` (a name or a
// folder): the first `limit` (0 = all) of `split`, the order in which
// analysis::extractFeatures reads them. `imageSize` matters for image folders
// only. Throws InputError for a missing or unreadable dataset.
SampleLabels sampleLabels(const std::string& dataset, const std::string& split, std::int64_t limit,
                          std::int64_t imageSize);

} // namespace zsq::api
