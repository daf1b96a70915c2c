#pragma once
// Evaluation datasets. Zero-shot methods never see them; they measure
// accuracy, train the demo teacher, and feed the real-data ceiling.
// Images come out as float in [0, 1], NCHW; normalisation belongs to the
// model (see normalizeForModel) so one dataset serves any model.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

namespace zsq::data {

struct Batch {
    torch::Tensor images;   // float [N, C, H, W] in [0, 1]
    torch::Tensor labels;   // int64 [N]
};

class Dataset {
public:
    virtual ~Dataset() = default;
    virtual std::int64_t size() const = 0;
    // The samples at `indices` (any order, repeats allowed).
    virtual Batch get(const std::vector<std::int64_t>& indices) const = 0;
    // Samples [begin, end).
    Batch range(std::int64_t begin, std::int64_t end) const;

    std::string name;
    std::int64_t channels = 0, height = 0, width = 0;
    std::vector<std::string> classNames;
    std::int64_t numClasses() const { return static_cast<std::int64_t>(classNames.size()); }
};
using DatasetPtr = std::shared_ptr<const Dataset>;

// A dataset held in memory as uint8 (60 000 Fashion-MNIST images = 47 MB).
class InMemoryDataset : public Dataset {
public:
    InMemoryDataset(torch::Tensor imagesU8, torch::Tensor labels);
    std::int64_t size() const override { return labels_.size(0); }
    Batch get(const std::vector<std::int64_t>& indices) const override;
    // A view on samples [begin, end) sharing memory (for train/val splits).
    std::shared_ptr<InMemoryDataset> slice(std::int64_t begin, std::int64_t end) const;

private:
    torch::Tensor images_;  // uint8 [N, C, H, W]
    torch::Tensor labels_;  // int64 [N]
};

// Subtracts the model's mean and divides by its std, per channel, and resizes
// to the model's input size when it differs (bilinear).
torch::Tensor normalizeForModel(const torch::Tensor& images, const std::vector<double>& mean,
                                const std::vector<double>& stdev, std::int64_t inputSize);
// The inverse, for display: back to [0, 1].
torch::Tensor denormalize(const torch::Tensor& images, const std::vector<double>& mean,
                          const std::vector<double>& stdev);

} // namespace zsq::data
