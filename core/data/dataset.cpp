#include "data/dataset.h"

#include "common/error.h"

namespace zsq::data {

Batch Dataset::range(std::int64_t begin, std::int64_t end) const
{
    std::vector<std::int64_t> indices;
    indices.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, end - begin)));
    for (std::int64_t i = begin; i < end; ++i)
        indices.push_back(i);
    return get(indices);
}

InMemoryDataset::InMemoryDataset(torch::Tensor imagesU8, torch::Tensor labels)
    : images_(std::move(imagesU8)), labels_(std::move(labels))
{
    channels = images_.size(1);
    height = images_.size(2);
    width = images_.size(3);
}

Batch InMemoryDataset::get(const std::vector<std::int64_t>& indices) const
{
    torch::Tensor index = torch::tensor(indices, torch::kLong);
    return {images_.index_select(0, index).to(torch::kFloat).div_(255.0), labels_.index_select(0, index)};
}

std::shared_ptr<InMemoryDataset> InMemoryDataset::slice(std::int64_t begin, std::int64_t end) const
{
    auto part = std::make_shared<InMemoryDataset>(images_.slice(0, begin, end), labels_.slice(0, begin, end));
    part->name = name;
    part->classNames = classNames;
    return part;
}

torch::Tensor normalizeForModel(const torch::Tensor& images, const std::vector<double>& mean,
                                const std::vector<double>& stdev, std::int64_t inputSize)
{
    const std::int64_t c = images.size(1);
    if (static_cast<std::int64_t>(mean.size()) != c || static_cast<std::int64_t>(stdev.size()) != c)
        throw InputError("the data has " + std::to_string(c) + " channels but the model expects " +
                         std::to_string(mean.size()));
    torch::Tensor x = images;
    if (inputSize > 0 && (x.size(2) != inputSize || x.size(3) != inputSize))
        x = torch::nn::functional::interpolate(x, torch::nn::functional::InterpolateFuncOptions().size(std::vector<std::int64_t>{inputSize, inputSize}).mode(torch::kBilinear).align_corners(false));
    auto opts = torch::TensorOptions().dtype(x.scalar_type()).device(x.device());
    torch::Tensor m = torch::tensor(mean, torch::kDouble).to(opts).view({1, c, 1, 1});
    torch::Tensor s = torch::tensor(stdev, torch::kDouble).to(opts).view({1, c, 1, 1});
    return (x - m) / s;
}

torch::Tensor denormalize(const torch::Tensor& images, const std::vector<double>& mean,
                          const std::vector<double>& stdev)
{
    const std::int64_t c = images.size(1);
    auto opts = torch::TensorOptions().dtype(images.scalar_type()).device(images.device());
    torch::Tensor m = torch::tensor(mean, torch::kDouble).to(opts).view({1, c, 1, 1});
    torch::Tensor s = torch::tensor(stdev, torch::kDouble).to(opts).view({1, c, 1, 1});
    return (images * s + m).clamp(0.0, 1.0);
}

} // namespace zsq::data
