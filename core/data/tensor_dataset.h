#pragma once
// A dataset held as float tensors: the exact synthetic samples a run
// exported (images.pt + labels.pt, written by torch.save-compatible code,
// pixel space but not clamped to [0,1]). PNG export has to clamp and round,
// which changes what the teacher sees in generated images; analysis reads
// these instead when they are there.
#include "data/dataset.h"

namespace zsq::data {

class TensorDataset : public Dataset {
public:
    // images float [N, C, H, W], labels int64 [N].
    TensorDataset(torch::Tensor images, torch::Tensor labels, std::vector<std::string> classNames);
    std::int64_t size() const override { return labels_.size(0); }
    Batch get(const std::vector<std::int64_t>& indices) const override;

private:
    torch::Tensor images_;
    torch::Tensor labels_;
};

// True when `dir` holds images.pt and labels.pt.
bool isTensorFolder(const std::string& dir);
// Reads them; class names from the class sub-folders of the PNG export
// beside them ("3_Dress" -> "Dress"), else numbered. InputError on bad files.
DatasetPtr openTensorFolder(const std::string& dir, std::int64_t numClassesHint = 0);

} // namespace zsq::data
