#include "data/model_input.h"

#include <cmath>

#include "common/error.h"
#include "data/dataset.h"
#include "models/preprocessing.h"

namespace zsq::data {

namespace {

torch::Tensor bilinear(const torch::Tensor& x, std::int64_t height, std::int64_t width)
{
    namespace F = torch::nn::functional;
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .size(std::vector<std::int64_t>{height, width})
                                 .mode(torch::kBilinear)
                                 .align_corners(false));
}

// torchvision's Resize(resizeSize) + CenterCrop(size).
torch::Tensor resizeCrop(const torch::Tensor& x, std::int64_t size, std::int64_t resizeSize)
{
    const std::int64_t h = x.size(2), w = x.size(3);
    const std::int64_t shorter = resizeSize > 0 ? resizeSize
                                                : static_cast<std::int64_t>(std::lround(static_cast<double>(size) / 0.875));
    const std::int64_t nh = h <= w ? shorter : static_cast<std::int64_t>(std::lround(static_cast<double>(shorter) * h / w));
    const std::int64_t nw = h <= w ? static_cast<std::int64_t>(std::lround(static_cast<double>(shorter) * w / h)) : shorter;
    const torch::Tensor r = (nh == h && nw == w) ? x : bilinear(x, nh, nw);
    const std::int64_t top = (nh - size) / 2, left = (nw - size) / 2;
    return r.slice(2, top, top + size).slice(3, left, left + size);
}

} // namespace

torch::Tensor prepareInput(const torch::Tensor& images, const models::ModelInfo& info)
{
    if (images.dim() != 4)
        throw InputError("expected images [N, C, H, W], got a " + std::to_string(images.dim()) + "-d tensor");
    if (images.size(1) != info.inChannels)
        throw InputError("the data has " + std::to_string(images.size(1)) + " channel(s) but the model " + info.arch +
                         " takes " + std::to_string(info.inChannels));
    const std::int64_t size = info.inputSize;
    torch::Tensor x = images;
    if (size > 0 && (x.size(2) != size || x.size(3) != size)) {
        if (info.resize == "none")
            throw InputError("the data's images are " + std::to_string(x.size(2)) + "x" + std::to_string(x.size(3)) +
                             " but the model takes " + std::to_string(size) + "x" + std::to_string(size) +
                             " and its preprocessing says resize: none (set input_size to 0 to take the data's "
                             "size, or resize to resize)");
        x = info.resize == "resize_crop" ? resizeCrop(x, size, info.resizeSize) : bilinear(x, size, size);
    }
    return normalizeForModel(x, info.mean, info.stdev, 0);
}

DatasetRequest datasetRequestFor(const std::string& source, const std::string& split, const models::ModelInfo& info)
{
    DatasetRequest request;
    request.source = source;
    request.split = split;
    request.imageSize = models::effectiveInputSize(info);
    request.channels = info.inChannels;
    // A model that takes any size has no policy for folders of mixed sizes.
    request.resize = info.inputSize > 0 ? info.resize : "";
    request.resizeSize = info.resizeSize;
    return request;
}

} // namespace zsq::data
