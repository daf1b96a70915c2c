#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "data/readers.h"

namespace zsq::data {

std::shared_ptr<InMemoryDataset> readCifarBinary(const std::vector<std::string>& files, bool cifar100)
{
    const std::int64_t labelBytes = cifar100 ? 2 : 1;
    const std::int64_t record = labelBytes + 3 * 32 * 32;
    std::vector<torch::Tensor> images, labels;
    for (const std::string& path : files) {
        if (!std::filesystem::is_regular_file(path))
            throw InputError("dataset file not found: " + path);
        const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
        if (bytes == 0 || bytes % record != 0)
            throw InputError(path + " is truncated or not a CIFAR-" + (cifar100 ? "100" : "10") +
                             " binary batch (" + std::to_string(bytes) + " bytes is not a multiple of " +
                             std::to_string(record) + ")");
        const std::int64_t n = bytes / record;
        torch::Tensor raw = torch::empty({n, record}, torch::kUInt8);
        std::ifstream in(path, std::ios::binary);
        if (!in.read(reinterpret_cast<char*>(raw.data_ptr<std::uint8_t>()), bytes))
            throw InputError("cannot read " + path);
        // CIFAR-100 records are <coarse label><fine label><pixels>.
        labels.push_back(raw.select(1, labelBytes - 1).to(torch::kLong));
        images.push_back(raw.slice(1, labelBytes).reshape({n, 3, 32, 32}).clone());
    }
    torch::Tensor y = torch::cat(labels);
    const std::int64_t classes = cifar100 ? 100 : 10;
    if (y.max().item<std::int64_t>() >= classes)
        throw InputError("label out of range in CIFAR file " + files.front() + " (wrong CIFAR variant?)");
    return std::make_shared<InMemoryDataset>(torch::cat(images), y);
}

} // namespace zsq::data
