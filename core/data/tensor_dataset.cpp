#include "data/tensor_dataset.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "io/tensor_file.h"

namespace zsq::data {

namespace fs = std::filesystem;

TensorDataset::TensorDataset(torch::Tensor images, torch::Tensor labels, std::vector<std::string> names)
    : images_(std::move(images)), labels_(std::move(labels))
{
    channels = images_.size(1);
    height = images_.size(2);
    width = images_.size(3);
    classNames = std::move(names);
}

Batch TensorDataset::get(const std::vector<std::int64_t>& indices) const
{
    const torch::Tensor idx = torch::tensor(indices, torch::kLong);
    return {images_.index_select(0, idx), labels_.index_select(0, idx)};
}

bool isTensorFolder(const std::string& dir)
{
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / "images.pt", ec) && fs::is_regular_file(fs::path(dir) / "labels.pt", ec);
}

DatasetPtr openTensorFolder(const std::string& dir, std::int64_t numClassesHint)
{
    torch::Tensor images = io::readTensorFile((fs::path(dir) / "images.pt").string());
    torch::Tensor labels = io::readTensorFile((fs::path(dir) / "labels.pt").string());
    if (images.dim() != 4 || labels.dim() != 1 || images.size(0) != labels.size(0) || images.size(0) == 0)
        throw InputError(dir + ": images.pt must be [N, C, H, W] and labels.pt [N] with the same N > 0");
    if (images.is_complex() || images.scalar_type() == torch::kBool)
        throw InputError(dir + ": images.pt holds a " + std::string(c10::toString(images.scalar_type())) +
                         " tensor; expected float (or uint8) images");
    if (labels.is_floating_point() || labels.is_complex() || labels.scalar_type() == torch::kBool)
        throw InputError(dir + ": labels.pt holds " + std::string(c10::toString(labels.scalar_type())) +
                         " labels; class indices must be integers");
    images = images.to(torch::kFloat).contiguous();
    labels = labels.to(torch::kLong).contiguous();
    const std::int64_t maxLabel = labels.max().item<std::int64_t>();
    if (labels.min().item<std::int64_t>() < 0)
        throw InputError(dir + ": negative labels in labels.pt");
    if (numClassesHint > 0 && maxLabel >= numClassesHint)
        throw InputError(dir + ": labels.pt holds label " + std::to_string(maxLabel) + ", but there are " +
                         std::to_string(numClassesHint) + " classes");
    // One name per class is built below: a label in the billions is not a
    // class count.
    if (maxLabel >= 100000)
        throw InputError(dir + ": labels.pt holds label " + std::to_string(maxLabel) +
                         " (at most 100000 classes are accepted)");
    // Class names from the PNG export's folders "<label>_<name>".
    std::int64_t classes = std::max(maxLabel + 1, numClassesHint);
    std::vector<std::string> names(static_cast<std::size_t>(classes));
    for (std::int64_t c = 0; c < classes; ++c)
        names[c] = std::to_string(c);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_directory())
            continue;
        const std::string folder = entry.path().filename().string();
        const auto underscore = folder.find('_');
        try {
            const std::int64_t c = std::stoll(folder.substr(0, underscore));
            if (c >= 0 && c < classes && underscore != std::string::npos)
                names[c] = folder.substr(underscore + 1);
        } catch (const std::exception&) {
        }
    }
    return std::make_shared<TensorDataset>(images, labels, names);
}

} // namespace zsq::data
