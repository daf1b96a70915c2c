#pragma once
// Writes a synthetic dataset as PNG files (one folder per class, an
// ImageNet-style layout that `--dataset DIR` and other toolchains read) plus
// labels.csv. Needs OpenCV; without it, InputError.
#include <string>
#include <vector>

#include <torch/types.h>

namespace zsq::io {

// `images` are in [0, 1], [N, C, H, W] with C = 1 or 3; returns files written.
int exportImageFolder(const std::string& dir, const torch::Tensor& images, const torch::Tensor& labels,
                      const std::vector<std::string>& classNames);

} // namespace zsq::io
