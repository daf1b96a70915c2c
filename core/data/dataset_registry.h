#pragma once
// Finds and opens a dataset from a name or a path:
//   fashion-mnist, mnist      IDX files; Debian's /usr/share/datasets/<name> first
//   cifar10, cifar100         binary batches
//   a path                    a folder of IDX files, of CIFAR batches, or of
//                             class sub-folders with images
// Splits: "train", "test", and for choosing hyperparameters without touching
// the test set, "val" (the last 10 % of train) and "fit" (the first 90 %).
#include <string>
#include <vector>

#include "data/dataset.h"

namespace zsq {
class CancelToken;
}

namespace zsq::data {

struct DatasetRequest {
    std::string source = "fashion-mnist";
    std::string split = "test";
    std::int64_t imageSize = 224;   // used by image folders only
    std::int64_t channels = 3;      // image folders: 1 = read as grayscale, 3 = RGB
    // Image folders: how an image of another size becomes imageSize — the
    // model's policy ("resize", "resize_crop", "none"), or "" for the
    // default (whole image for <= 64 px, shorter side + centre crop above).
    std::string resize;
    std::int64_t resizeSize = 0;    // resize_crop: the shorter side before the crop (0: size / 0.875)
    // Polled while IDX and CIFAR files are read into memory (Cancelled is
    // thrown); the caller's token must outlive the call. Null: not cancellable.
    const CancelToken* cancel = nullptr;
};

DatasetPtr openDataset(const DatasetRequest& request);

// Folders searched for a named dataset, in order.
std::vector<std::string> datasetSearchDirs(const std::string& name);

const std::vector<std::string>& fashionMnistClassNames();

} // namespace zsq::data
