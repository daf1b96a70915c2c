#include "distributed/sync_ops.h"

#include <map>

#include <torch/csrc/autograd/custom_function.h>

#include "common/error.h"
#include "distributed/communicator.h"

namespace zsq::distributed {

namespace {

// Forward: the sum over ranks. Backward: the sum over ranks of the
// incoming gradients. Every rank computes the same loss from the same
// global statistics, and the trainer then *averages* parameter gradients
// over ranks; summing here undoes that averaging for the statistics' share
// of the gradient, so the result equals one process's gradient on the
// global batch (PyTorch's SyncBatchNorm does the same).
struct AllReduceSum : public torch::autograd::Function<AllReduceSum> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, Communicator* comm)
    {
        ctx->saved_data["comm"] = reinterpret_cast<std::int64_t>(comm);
        torch::Tensor y = x.detach().contiguous().clone();
        comm->allReduce(y, ReduceOp::Sum);
        return y;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        auto* comm = reinterpret_cast<Communicator*>(ctx->saved_data["comm"].toInt());
        torch::Tensor g = grads[0].contiguous().clone();
        comm->allReduce(g, ReduceOp::Sum);
        return {g, torch::Tensor()};
    }
};

} // namespace

torch::Tensor allReduceSumDifferentiable(Communicator& comm, const torch::Tensor& x)
{
    return AllReduceSum::apply(x, &comm);
}

std::vector<std::pair<torch::Tensor, torch::Tensor>> globalChannelMeanVar(Communicator& comm,
                                                                          const std::vector<torch::Tensor>& inputs,
                                                                          std::vector<double>* globalCount)
{
    // Sums in double: W partial sums of float32 added in another order
    // than one process would must not cost more than rounding.
    std::vector<torch::Tensor> parts;
    std::vector<double> localCount;
    for (const auto& x : inputs) {
        TORCH_CHECK(x.dim() == 4 || x.dim() == 2, "BN statistics need [N, C, H, W] or [N, C], got ", x.sizes());
        const std::vector<std::int64_t> dims = x.dim() == 4 ? std::vector<std::int64_t>{0, 2, 3}
                                                            : std::vector<std::int64_t>{0};
        torch::Tensor xd = x.to(torch::kDouble);
        parts.push_back(xd.sum(dims));
        parts.push_back(xd.pow(2).sum(dims));
        localCount.push_back(static_cast<double>(x.numel() / x.size(1)));
    }
    auto opts = torch::TensorOptions().dtype(torch::kDouble).device(inputs.front().device());
    parts.push_back(torch::tensor(localCount, torch::TensorOptions().dtype(torch::kDouble)).to(opts.device()));
    torch::Tensor global = allReduceSumDifferentiable(comm, torch::cat(parts));
    torch::Tensor counts = global.narrow(0, global.size(0) - static_cast<std::int64_t>(inputs.size()),
                                         static_cast<std::int64_t>(inputs.size()))
                               .detach()
                               .to(torch::kCPU);
    std::vector<std::pair<torch::Tensor, torch::Tensor>> out;
    std::int64_t offset = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::int64_t c = inputs[i].size(1);
        const double n = counts[static_cast<std::int64_t>(i)].item<double>();
        torch::Tensor mean = global.narrow(0, offset, c) / n;
        torch::Tensor var = global.narrow(0, offset + c, c) / n - mean.pow(2);
        offset += 2 * c;
        out.emplace_back(mean.to(inputs[i].scalar_type()), var.to(inputs[i].scalar_type()));
        if (globalCount)
            globalCount->push_back(n);
    }
    return out;
}

torch::Tensor syncBatchNorm(Communicator& comm, const torch::Tensor& x, torch::nn::BatchNorm2dImpl& bn)
{
    std::vector<double> count;
    auto stats = globalChannelMeanVar(comm, {x}, &count);
    const torch::Tensor& mean = stats.front().first;
    const torch::Tensor& var = stats.front().second;
    const auto& o = bn.options;
    if (o.track_running_stats() && bn.running_mean.defined()) {
        torch::NoGradGuard noGrad;
        bn.num_batches_tracked.add_(1);
        const double m = o.momentum().has_value() ? *o.momentum()
                                                  : 1.0 / static_cast<double>(bn.num_batches_tracked.item<std::int64_t>());
        const double n = count.front();
        bn.running_mean.mul_(1.0 - m).add_(mean.detach() * m);
        bn.running_var.mul_(1.0 - m).add_(var.detach() * (m * n / std::max(1.0, n - 1.0)));
    }
    const std::vector<std::int64_t> shape{1, -1, 1, 1};
    torch::Tensor y = (x - mean.view(shape)) * torch::rsqrt(var + o.eps()).view(shape);
    if (o.affine())
        y = y * bn.weight.view(shape) + bn.bias.view(shape);
    return y;
}

void averageGradients(Communicator& comm, const std::vector<torch::Tensor>& parameters, std::int64_t bucketBytes)
{
    torch::NoGradGuard noGrad;
    // Buckets of one dtype and device, filled in parameter order (the same
    // on every rank).
    std::vector<torch::Tensor> bucket;
    std::int64_t bytes = 0;
    auto flush = [&] {
        if (bucket.empty())
            return;
        comm.allReduce(bucket, ReduceOp::Sum);
        for (auto& g : bucket)
            g.div_(static_cast<double>(comm.size()));
        bucket.clear();
        bytes = 0;
    };
    for (const auto& p : parameters) {
        torch::Tensor g = p.grad();
        if (!g.defined())
            continue; // the same graph on every rank: the same gradients are missing everywhere
        if (!bucket.empty() && (bucket.front().scalar_type() != g.scalar_type() ||
                                bucket.front().device() != g.device()))
            flush();
        bucket.push_back(g);
        bytes += g.numel() * static_cast<std::int64_t>(g.element_size());
        if (bytes >= bucketBytes)
            flush();
    }
    flush();
}

void broadcastTensors(Communicator& comm, const std::vector<torch::Tensor>& tensors, int root)
{
    torch::NoGradGuard noGrad;
    std::map<std::pair<int, std::string>, std::vector<torch::Tensor>> groups;
    for (const auto& t : tensors)
        if (t.defined() && t.numel() > 0)
            groups[{static_cast<int>(t.scalar_type()), t.device().str()}].push_back(t);
    for (auto& [key, group] : groups)
        comm.broadcast(group, root);
}

torch::Tensor shardOf(Communicator& comm, const torch::Tensor& global)
{
    const std::int64_t n = global.size(0);
    if (n % comm.size() != 0)
        throw InputError("the batch size " + std::to_string(n) + " is not a multiple of the " +
                         std::to_string(comm.size()) + " processes of the run");
    const std::int64_t local = n / comm.size();
    return global.narrow(0, local * comm.rank(), local);
}

} // namespace zsq::distributed
