#pragma once
// Penultimate-layer features of a model (the FP teacher or a quantized
// student) on a dataset, as a plain matrix for t-SNE and the class figures.
#include <cstdint>
#include <string>
#include <vector>

namespace zsq {
class CancelToken;
namespace models {
class ZooModelImpl;
}
namespace data {
class Dataset;
}
} // namespace zsq

namespace zsq::analysis {

struct FeatureSet {
    std::int64_t n = 0;
    int dims = 0;
    std::vector<float> values;      // [n, dims]
    std::vector<int> labels;        // the dataset's labels
    std::vector<int> predictions;   // the model's top-1 class
    std::vector<float> thumbnails;  // [n, c, h, w] in [0,1] when requested (hover previews)
    int channels = 0, height = 0, width = 0;
};

struct FeatureRequest {
    std::int64_t limit = 0;         // first `limit` samples (0 = all)
    std::string device = "auto";
    std::int64_t batch = 500;
    bool keepImages = false;        // fill thumbnails (memory: n * c * h * w floats)
};

FeatureSet extractFeatures(models::ZooModelImpl& model, const data::Dataset& dataset, const FeatureRequest& request,
                           const CancelToken* cancel = nullptr);

// The raw pixels of a dataset, flattened, as a FeatureSet (predictions empty):
// the classic t-SNE benchmark input.
FeatureSet pixelFeatures(const data::Dataset& dataset, std::int64_t limit);

} // namespace zsq::analysis
