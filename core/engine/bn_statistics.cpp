#include "engine/bn_statistics.h"

#include "distributed/context.h"
#include "distributed/sync_ops.h"

namespace zsq::engine {

std::pair<torch::Tensor, torch::Tensor> channelMeanVar(const torch::Tensor& x)
{
    torch::Tensor mean = x.mean({0, 2, 3});
    torch::Tensor var = (x - mean.view({1, -1, 1, 1})).pow(2).mean({0, 2, 3});
    return {mean, var};
}

namespace {

// Every layer's (mean, var): of this process's batch, or in a data-parallel
// run of the global batch (one all-reduce for all layers, whose backward
// all-reduces the gradient as SyncBatchNorm does).
std::vector<std::pair<torch::Tensor, torch::Tensor>> layerStatistics(const std::vector<models::BnInput>& inputs)
{
    if (distributed::Communicator* comm = distributed::active()) {
        std::vector<torch::Tensor> xs;
        xs.reserve(inputs.size());
        for (const auto& in : inputs)
            xs.push_back(in.input);
        return distributed::globalChannelMeanVar(*comm, xs);
    }
    std::vector<std::pair<torch::Tensor, torch::Tensor>> out;
    out.reserve(inputs.size());
    for (const auto& in : inputs)
        out.push_back(channelMeanVar(in.input));
    return out;
}

} // namespace

torch::Tensor bnsLoss(const std::vector<models::BnInput>& inputs)
{
    TORCH_CHECK(!inputs.empty(), "BNS loss needs BatchNorm inputs; was the forward pass captured?");
    const auto stats = layerStatistics(inputs);
    torch::Tensor total;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& in = inputs[i];
        const auto& [mean, var] = stats[i];
        torch::Tensor l = torch::mse_loss(mean, in.bn->running_mean) + torch::mse_loss(var, in.bn->running_var);
        total = total.defined() ? total + l : l;
    }
    return total / static_cast<double>(inputs.size());
}

torch::Tensor zeroqLoss(const std::vector<models::BnInput>& inputs)
{
    TORCH_CHECK(!inputs.empty(), "ZeroQ loss needs BatchNorm inputs");
    const auto stats = layerStatistics(inputs);
    torch::Tensor total;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& in = inputs[i];
        const auto& [mean, var] = stats[i];
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
