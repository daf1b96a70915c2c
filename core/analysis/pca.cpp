#include "analysis/pca.h"

#include <torch/torch.h>

#include "common/error.h"

namespace zsq::analysis {

PcaResult principalComponents(const float* data, std::int64_t n, int dims, int components)
{
    if (n < 2 || dims < 1 || components < 1)
        throw InputError("PCA needs at least 2 rows and 1 component");
    torch::NoGradGuard noGrad;
    const torch::Tensor x =
        torch::from_blob(const_cast<float*>(data), {n, dims}, torch::kFloat).to(torch::kDouble);
    const torch::Tensor centred = x - x.mean(0, true);
    const int kept = std::min(components, dims);
    const torch::Tensor cov = centred.t().mm(centred) / static_cast<double>(n - 1);
    auto [values, vectors] = torch::linalg::eigh(cov, "L");  // ascending
    values = values.flip(0).clamp_min(0);
    vectors = vectors.flip(1).narrow(1, 0, kept).contiguous();
    // Sign convention: the loading of largest magnitude is positive.
    const torch::Tensor pivot = vectors.abs().argmax(0);
    const torch::Tensor signs = vectors.gather(0, pivot.unsqueeze(0)).sign().clamp_min(0) * 2 - 1;
    vectors = vectors * signs;
    const torch::Tensor projected = centred.mm(vectors).to(torch::kFloat).contiguous();

    PcaResult r;
    r.components = kept;
    r.projected.assign(projected.data_ptr<float>(), projected.data_ptr<float>() + n * kept);
    const double total = values.sum().item<double>();
    r.explainedVarianceRatio = total > 0 ? values.narrow(0, 0, kept).sum().item<double>() / total : 1.0;
    return r;
}

} // namespace zsq::analysis
