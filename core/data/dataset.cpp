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

} // namespace zsq::data
