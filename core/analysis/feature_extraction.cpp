#include "analysis/feature_extraction.h"

#include <torch/torch.h>

#include "common/cancel.h"
#include "common/runtime.h"
#include "data/dataset.h"
#include "models/model.h"
#include "data/model_input.h"

namespace zsq::analysis {

namespace {

template <typename T>
void append(std::vector<T>& out, const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous();
    out.insert(out.end(), c.data_ptr<T>(), c.data_ptr<T>() + c.numel());
}

} // namespace

FeatureSet extractFeatures(models::ZooModelImpl& model, const data::Dataset& dataset, const FeatureRequest& request,
                           const CancelToken* cancel)
{
    const torch::Device device = resolveDevice(request.device);
    const std::int64_t n = request.limit > 0 ? std::min(request.limit, dataset.size()) : dataset.size();
    const models::ModelInfo& info = model.info();
    FeatureSet f;
    f.n = n;
    model.to(device);
    model.eval();
    torch::InferenceMode inference;
    for (std::int64_t begin = 0; begin < n; begin += request.batch) {
        checkpoint(cancel);
        const data::Batch b = dataset.range(begin, std::min(n, begin + request.batch));
        const torch::Tensor x =
            data::prepareInput(b.images, info).to(device);
        models::ForwardCapture capture;
        const torch::Tensor logits = model.forward(x, &capture);
        f.dims = static_cast<int>(capture.features.size(1));
        append<float>(f.values, capture.features.to(torch::kCPU, torch::kFloat));
        append<int>(f.predictions, logits.argmax(1).to(torch::kCPU, torch::kInt));
        append<int>(f.labels, b.labels.to(torch::kInt));
        if (request.keepImages) {
            f.channels = static_cast<int>(b.images.size(1));
            f.height = static_cast<int>(b.images.size(2));
            f.width = static_cast<int>(b.images.size(3));
            append<float>(f.thumbnails, b.images.to(torch::kFloat));
        }
    }
    return f;
}

FeatureSet pixelFeatures(const data::Dataset& dataset, std::int64_t limit)
{
    const std::int64_t n = limit > 0 ? std::min(limit, dataset.size()) : dataset.size();
    const data::Batch b = dataset.range(0, n);
    FeatureSet f;
    f.n = n;
    f.dims = static_cast<int>(b.images[0].numel());
    append<float>(f.values, b.images.reshape({n, -1}).to(torch::kFloat));
    append<int>(f.labels, b.labels.to(torch::kInt));
    return f;
}

} // namespace zsq::analysis
