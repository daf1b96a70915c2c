#include "api/analysis_run.h"

#include <algorithm>

#include <torch/torch.h>

#include "data/dataset_registry.h"

namespace zsq::api {

SampleLabels sampleLabels(const std::string& dataset, const std::string& split, std::int64_t limit,
                          std::int64_t imageSize)
{
    data::DatasetRequest request;
    request.source = dataset;
    request.split = split;
    if (imageSize > 0)
        request.imageSize = imageSize;
    const data::DatasetPtr ds = data::openDataset(request);
    const std::int64_t n = limit > 0 ? std::min(limit, ds->size()) : ds->size();
    SampleLabels out;
    out.classNames = ds->classNames;
    if (n <= 0)
        return out;
    const torch::Tensor labels = ds->range(0, n).labels.to(torch::kInt).contiguous();
    const int* p = labels.data_ptr<int>();
    out.labels.assign(p, p + labels.numel());
    return out;
}

} // namespace zsq::api
