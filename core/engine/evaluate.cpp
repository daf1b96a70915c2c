#include "engine/evaluate.h"

#include "common/progress_meter.h"
#include "data/model_input.h"

namespace zsq::engine {

namespace {
// Freezes calibrating activation quantizers for the lifetime of the guard.
class FrozenRanges {
public:
    explicit FrozenRanges(models::ZooModelImpl& model) : model_(model)
    {
        for (auto& aq : model_.actQuants()) {
            saved_.push_back(aq.act->mode);
            if (aq.act->mode == models::ActQuantImpl::Mode::Calibrate)
                aq.act->mode = models::ActQuantImpl::Mode::Frozen;
        }
    }
    ~FrozenRanges()
    {
        std::size_t i = 0;
        for (auto& aq : model_.actQuants())
            aq.act->mode = saved_[i++];
    }

private:
    models::ZooModelImpl& model_;
    std::vector<models::ActQuantImpl::Mode> saved_;
};
} // namespace

torch::Tensor predict(models::ZooModelImpl& model, const torch::Tensor& inputs)
{
    torch::NoGradGuard noGrad;
    return model.forward(inputs).argmax(1);
}

EvalResult evaluate(models::ZooModelImpl& model, const data::Dataset& dataset, const torch::Device& device,
                    std::int64_t batchSize, std::int64_t limit, EventSink& sink, const CancelToken* cancel)
{
    const bool wasTraining = model.is_training();
    model.eval();
    FrozenRanges frozen(model);
    torch::NoGradGuard noGrad;
    const models::ModelInfo& info = model.info();
    const std::int64_t n = limit > 0 ? std::min(limit, dataset.size()) : dataset.size();
    const std::int64_t steps = (n + batchSize - 1) / batchSize;
    ProgressMeter meter(sink, "evaluate", steps);
    EvalResult result;
    for (std::int64_t s = 0; s < steps; ++s) {
        checkpoint(cancel);
        data::Batch batch = dataset.range(s * batchSize, std::min(n, (s + 1) * batchSize));
        torch::Tensor x = data::prepareInput(batch.images, info).to(device);
        torch::Tensor pred = model.forward(x).argmax(1).to(torch::kCPU);
        result.correct += pred.eq(batch.labels).sum().item<std::int64_t>();
        result.total += batch.labels.size(0);
        meter.update(s + 1);
    }
    result.top1 = result.total ? 100.0 * result.correct / result.total : 0.0;
    if (wasTraining)
        model.train();
    return result;
}

} // namespace zsq::engine
