#include "methods/clusterq.h"

#include <torch/torch.h>

#include "distributed/communicator.h"
#include "distributed/context.h"
#include "distributed/sync_ops.h"
#include "methods/losses.h"

namespace zsq::methods {

ClassStats perClassStats(const torch::Tensor& x, const torch::Tensor& labels, std::int64_t k, double eps)
{
    // Per-sample channel moments, then averaged per class (every sample has
    // the same H x W, so this equals the moments over the class's N_c x H x W).
    torch::Tensor m1 = x.mean({2, 3});                      // [N, C]
    torch::Tensor m2 = x.pow(2).mean({2, 3});               // [N, C]
    torch::Tensor onehot = torch::one_hot(labels, k).to(x.scalar_type()); // [N, K]
    torch::Tensor count = onehot.sum(0);                    // [K]
    torch::Tensor denom = count.clamp_min(1).unsqueeze(1);
    torch::Tensor mean = onehot.t().mm(m1) / denom;
    torch::Tensor var = (onehot.t().mm(m2) / denom - mean.pow(2)).clamp_min(0);
    return {mean, torch::sqrt(var + eps), count};
}

namespace {

// perClassStats over the samples of every rank of a data-parallel run: the
// per-class sums of the per-sample moments and the class counts are
// all-reduced (in double, differentiably), then turned into mean and std.
// `mask` ([N], 0/1) selects samples; undefined selects all.
ClassStats globalClassStats(distributed::Communicator& comm, const torch::Tensor& x, const torch::Tensor& labels,
                            std::int64_t k, double eps, const torch::Tensor& mask)
{
    const std::int64_t c = x.size(1);
    torch::Tensor m1 = x.mean({2, 3}).to(torch::kDouble);
    torch::Tensor m2 = x.pow(2).mean({2, 3}).to(torch::kDouble);
    torch::Tensor onehot = torch::one_hot(labels, k).to(torch::kDouble);
    if (mask.defined())
        onehot = onehot * mask.to(torch::kDouble).unsqueeze(1);
    torch::Tensor packed = torch::cat({onehot.t().mm(m1).reshape({-1}), onehot.t().mm(m2).reshape({-1}), onehot.sum(0)});
    torch::Tensor g = distributed::allReduceSumDifferentiable(comm, packed);
    torch::Tensor count = g.narrow(0, 2 * k * c, k);
    torch::Tensor denom = count.clamp_min(1).unsqueeze(1);
    torch::Tensor mean = g.narrow(0, 0, k * c).view({k, c}) / denom;
    torch::Tensor var = (g.narrow(0, k * c, k * c).view({k, c}) / denom - mean.pow(2)).clamp_min(0);
    return {mean.to(x.scalar_type()), torch::sqrt(var + eps).to(x.scalar_type()),
            count.detach().to(x.scalar_type())};
}

class ClusterQMethod : public Method {
public:
    using Method::Method;
    std::string name() const override { return "clusterq"; }

    LossTerms generatorLoss(const GeneratorStep& step) override
    {
        LossTerms terms = Method::generatorLoss(step);
        const auto& bn = step.teacher.bnInputs;
        const std::int64_t k = step.teacherLogits.size(1);
        // The deeper half of the BN layers, as in the official code.
        const std::size_t first = static_cast<std::size_t>(std::max<std::int64_t>(0, (static_cast<std::int64_t>(bn.size()) + 1) / 2 - 2));
        if (!initialised_) {
            layerCount_ = bn.size() - first;
            means_.assign(layerCount_, torch::Tensor());
            stds_.assign(layerCount_, torch::Tensor());
            sumMean_.assign(layerCount_, torch::Tensor());
            sumStd_.assign(layerCount_, torch::Tensor());
            initialised_ = true;
        }
        toDevice(step.images.device());
        // Statistics of correctly classified samples, for the centroid update
        // at the end of the epoch.
        torch::Tensor correct = step.teacherLogits.argmax(1).eq(step.labels);
        const bool collect = step.epoch + 1 >= options_.softStatEpoch;
        torch::Tensor clusterLoss;
        for (std::size_t l = 0; l < layerCount_; ++l) {
            const auto& in = bn[first + l];
            const double eps = in.bn->options.eps();
            distributed::Communicator* comm = distributed::active();
            if (collect && comm) {
                // Every rank takes part, with or without correct samples of its own.
                torch::NoGradGuard noGrad;
                ClassStats s = globalClassStats(*comm, in.input.detach(), step.labels, k, eps, correct);
                if (s.count.sum().item<double>() > 0)
                    accumulate(l, s);
            } else if (collect) {
                torch::NoGradGuard noGrad;
                torch::Tensor idx = correct.nonzero().view({-1});
                if (idx.numel() > 0) {
                    ClassStats s = perClassStats(in.input.detach().index_select(0, idx),
                                                 step.labels.index_select(0, idx), k, eps);
                    accumulate(l, s);
                }
            }
            if (step.epoch < options_.softStatEpoch || !means_[l].defined())
                continue;
            ClassStats s = comm ? globalClassStats(*comm, in.input, step.labels, k, eps, torch::Tensor())
                                : perClassStats(in.input, step.labels, k, eps);
            torch::Tensor present = (s.count > 0).logical_and(centroidCount_ > 0).to(s.mean.scalar_type()).unsqueeze(1);
            torch::Tensor targetMean = means_[l];
            torch::Tensor targetStd = stds_[l];
            if (options_.clusterDiversity && options_.diversityStd > 0) {
                // Perturb the targets, not the statistics: each step pulls a
                // class towards a slightly different point of its cluster.
                targetMean = targetMean + torch::randn_like(targetMean) * options_.diversityStd * targetStd;
                targetStd = targetStd * (1.0 + torch::randn_like(targetStd) * options_.diversityStd).clamp_min(0.1);
            }
            const double n = std::max(1.0, present.sum().item<double>() * s.mean.size(1));
            torch::Tensor l2 = (((s.mean - targetMean).pow(2) + (s.stdev - targetStd).pow(2)) * present).sum() / n;
            clusterLoss = clusterLoss.defined() ? clusterLoss + l2 : l2;
        }
        if (clusterLoss.defined())
            terms["G/cluster"] = options_.clusterWeight * clusterLoss;
        return terms;
    }

    LossTerms studentLoss(const torch::Tensor& s, const torch::Tensor& t, const torch::Tensor& labels, int) override
    {
        return {{"S/kd", kdLoss(s, t, options_.kdTemperature, KlReduction::BatchMean)},
                {"S/ce", torch::cross_entropy_loss(s, labels)}};
    }

    torch::Tensor studentInput(const torch::Tensor& images) override
    {
        if (options_.augmentProbability <= 0)
            return images;
        // With probability p per sample: random resized crop (area fraction
        // in [cropRatio, 1], aspect 3/4..4/3) and a horizontal flip.
        const std::int64_t n = images.size(0), h = images.size(2), w = images.size(3);
        // In a data-parallel run every rank draws the global batch's
        // choices from the shared stream and keeps its slice.
        distributed::Communicator* comm = distributed::active();
        const std::int64_t all = comm ? n * comm->size() : n;
        auto mine = [&](const torch::Tensor& t) { return comm ? distributed::shardOf(*comm, t) : t; };
        torch::Tensor apply = mine(torch::rand({all}) < options_.augmentProbability);
        torch::Tensor area = mine(torch::empty({all}).uniform_(options_.cropRatio, 1.0));
        torch::Tensor logRatio = mine(torch::empty({all}).uniform_(std::log(3.0 / 4.0), std::log(4.0 / 3.0)));
        torch::Tensor pos = mine(torch::rand({all, 2}));
        torch::Tensor flip = mine(torch::rand({all}) < 0.5);
        std::vector<torch::Tensor> out;
        out.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            torch::Tensor img = images[i];
            if (apply[i].item<bool>()) {
                const double ratio = std::exp(logRatio[i].item<double>());
                const double a = area[i].item<double>() * h * w;
                const std::int64_t ch = std::clamp<std::int64_t>(std::llround(std::sqrt(a / ratio)), 1, h);
                const std::int64_t cw = std::clamp<std::int64_t>(std::llround(std::sqrt(a * ratio)), 1, w);
                const std::int64_t y0 = static_cast<std::int64_t>(pos[i][0].item<double>() * (h - ch + 1));
                const std::int64_t x0 = static_cast<std::int64_t>(pos[i][1].item<double>() * (w - cw + 1));
                img = img.narrow(1, y0, ch).narrow(2, x0, cw).unsqueeze(0);
                img = torch::nn::functional::interpolate(img, torch::nn::functional::InterpolateFuncOptions().size(std::vector<std::int64_t>{h, w}).mode(torch::kBilinear).align_corners(false)).squeeze(0);
                if (flip[i].item<bool>())
                    img = img.flip({2});
            }
            out.push_back(img);
        }
        return torch::stack(out);
    }

    void onEpochEnd(int epoch) override
    {
        if (!initialised_ || epoch + 1 < options_.softStatEpoch)
            return;
        for (std::size_t l = 0; l < layerCount_; ++l) {
            if (!sumMean_[l].defined())
                continue;
            torch::Tensor have = (sumCount_ > 0).unsqueeze(1);
            torch::Tensor denom = sumCount_.clamp_min(1).unsqueeze(1);
            torch::Tensor epochMean = sumMean_[l] / denom, epochStd = sumStd_[l] / denom;
            if (!means_[l].defined() || !options_.clusterEma) {
                means_[l] = means_[l].defined() ? torch::where(have, epochMean, means_[l]) : epochMean;
                stds_[l] = stds_[l].defined() ? torch::where(have, epochStd, stds_[l]) : epochStd;
            } else {
                const double d = options_.centroidDecay;
                means_[l] = torch::where(have, d * means_[l] + (1 - d) * epochMean, means_[l]);
                stds_[l] = torch::where(have, d * stds_[l] + (1 - d) * epochStd, stds_[l]);
            }
            sumMean_[l] = torch::Tensor();
            sumStd_[l] = torch::Tensor();
        }
        centroidCount_ = centroidCount_.defined() ? centroidCount_ + sumCount_ : sumCount_.clone();
        sumCount_ = torch::Tensor();
    }

    nlohmann::json stateJson() const override
    {
        return {{"layers", layerCount_}, {"initialised", initialised_}};
    }

    io::TensorMap stateTensors() const override
    {
        io::TensorMap t;
        auto put = [&](const std::string& key, const torch::Tensor& v) {
            if (v.defined())
                t[key] = v.detach().to(torch::kCPU);
        };
        for (std::size_t l = 0; l < layerCount_; ++l) {
            put("mean." + std::to_string(l), means_[l]);
            put("std." + std::to_string(l), stds_[l]);
            put("sum_mean." + std::to_string(l), sumMean_[l]);
            put("sum_std." + std::to_string(l), sumStd_[l]);
        }
        put("count", centroidCount_);
        put("sum_count", sumCount_);
        return t;
    }

    void loadState(const nlohmann::json& j, const io::TensorMap& t) override
    {
        initialised_ = j.value("initialised", false);
        layerCount_ = j.value("layers", std::size_t{0});
        means_.assign(layerCount_, {});
        stds_.assign(layerCount_, {});
        sumMean_.assign(layerCount_, {});
        sumStd_.assign(layerCount_, {});
        auto get = [&](const std::string& key) {
            auto it = t.find(key);
            return it == t.end() ? torch::Tensor() : it->second;
        };
        for (std::size_t l = 0; l < layerCount_; ++l) {
            means_[l] = get("mean." + std::to_string(l));
            stds_[l] = get("std." + std::to_string(l));
            sumMean_[l] = get("sum_mean." + std::to_string(l));
            sumStd_[l] = get("sum_std." + std::to_string(l));
        }
        centroidCount_ = get("count");
        sumCount_ = get("sum_count");
    }

    // Moves state to the device of the batch on first use after a resume.
    void toDevice(const torch::Device& device)
    {
        for (auto* v : {&means_, &stds_, &sumMean_, &sumStd_})
            for (auto& t : *v)
                if (t.defined())
                    t = t.to(device);
        if (centroidCount_.defined())
            centroidCount_ = centroidCount_.to(device);
        if (sumCount_.defined())
            sumCount_ = sumCount_.to(device);
    }

private:
    void accumulate(std::size_t l, const ClassStats& s)
    {
        // Sums weighted by the class counts, so the epoch mean weights every sample alike.
        torch::Tensor w = s.count.unsqueeze(1);
        sumMean_[l] = sumMean_[l].defined() ? sumMean_[l] + s.mean * w : s.mean * w;
        sumStd_[l] = sumStd_[l].defined() ? sumStd_[l] + s.stdev * w : s.stdev * w;
        if (l == 0)
            sumCount_ = sumCount_.defined() ? sumCount_ + s.count : s.count.clone();
        if (!centroidCount_.defined())
            centroidCount_ = torch::zeros_like(s.count);
    }

    bool initialised_ = false;
    std::size_t layerCount_ = 0;
    std::vector<torch::Tensor> means_, stds_, sumMean_, sumStd_;
    torch::Tensor centroidCount_, sumCount_;
};

} // namespace

std::unique_ptr<Method> makeClusterQ(const MethodOptions& options)
{
    return std::make_unique<ClusterQMethod>(options);
}

} // namespace zsq::methods
