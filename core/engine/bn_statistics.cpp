#include "engine/bn_statistics.h"

namespace zsq::engine {

std::pair<torch::Tensor, torch::Tensor> channelMeanVar(const torch::Tensor& x)
{
    torch::Tensor mean = x.mean({0, 2, 3});
    torch::Tensor var = (x - mean.view({1, -1, 1, 1})).pow(2).mean({0, 2, 3});
    return {mean, var};
}

torch::Tensor bnsLoss(const std::vector<models::BnInput>& inputs)
{
    TORCH_CHECK(!inputs.empty(), "BNS loss needs BatchNorm inputs; was the forward pass captured?");
    torch::Tensor total;
    for (const auto& in : inputs) {
        auto [mean, var] = channelMeanVar(in.input);
        torch::Tensor l = torch::mse_loss(mean, in.bn->running_mean) + torch::mse_loss(var, in.bn->running_var);
        total = total.defined() ? total + l : l;
    }
    return total / static_cast<double>(inputs.size());
}

torch::Tensor zeroqLoss(const std::vector<models::BnInput>& inputs)
{
    TORCH_CHECK(!inputs.empty(), "ZeroQ loss needs BatchNorm inputs");
    torch::Tensor total;
    for (const auto& in : inputs) {
        auto [mean, var] = channelMeanVar(in.input);
        const double eps = in.bn->options.eps();
        torch::Tensor sigma = torch::sqrt(var + eps);
        torch::Tensor runningSigma = torch::sqrt(in.bn->running_var + eps);
        const double c = static_cast<double>(mean.size(0));
        torch::Tensor l = (mean - in.bn->running_mean).pow(2).sum() / c + (sigma - runningSigma).pow(2).sum() / c;
        total = total.defined() ? total + l : l;
    }
    return total;
}

} // namespace zsq::engine
