#pragma once
// Readers for the on-disk formats. Each throws InputError with the file name
// for a missing, truncated or malformed file.
#include <memory>
#include <string>

#include "data/dataset.h"

namespace zsq {
class CancelToken;
}

namespace zsq::data {

// The readers that copy a whole file into memory read it in chunks of
// kReadChunkBytes and poll `cancel` between them (throwing Cancelled), so a
// stop request is honoured within one chunk even for a large dataset.
constexpr std::size_t kReadChunkBytes = 4u << 20;

// MNIST-style IDX pair (raw or gzip-compressed). With numClasses > 0 every
// label must be below it (InputError naming the labels file otherwise).
std::shared_ptr<InMemoryDataset> readIdx(const std::string& imagesPath, const std::string& labelsPath,
                                         std::int64_t numClasses = 0, const CancelToken* cancel = nullptr);

// CIFAR-10 binary batches (1 label byte + 3072 pixels) or CIFAR-100 (coarse +
// fine label bytes + 3072 pixels; the fine label is used).
std::shared_ptr<InMemoryDataset> readCifarBinary(const std::vector<std::string>& files, bool cifar100,
                                                 const CancelToken* cancel = nullptr);

// An ImageNet-style folder: root/<class>/<image>. Images are decoded lazily
// with OpenCV and brought to `size` by `resize` (see DatasetRequest: "resize"
// the whole image, "resize_crop" shorter side to resizeSize then the centre
// crop, "none" only images of that size, "" small whole / large cropped).
// Without OpenCV this throws InputError saying so.
DatasetPtr openImageFolder(const std::string& root, std::int64_t size, std::int64_t channels = 3,
                           const std::string& resize = "", std::int64_t resizeSize = 0);

} // namespace zsq::data
