// normalizeForModel / denormalize (data/dataset.h), apart from the dataset
// classes: they need torch::nn::functional (all of <torch/torch.h>), which the
// readers' fuzz build (tests/fuzz/) does not compile.
#include <torch/torch.h>

#include "common/error.h"
#include "data/dataset.h"

namespace zsq::data {

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
