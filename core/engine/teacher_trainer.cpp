#include "engine/teacher_trainer.h"

#include <chrono>
#include <cmath>

#include "common/progress_meter.h"
#include "common/runtime.h"
#include "data/dataset_registry.h"
#include "engine/evaluate.h"
#include "models/zoo.h"

namespace zsq::engine {

nlohmann::json TeacherTrainConfig::toJson() const
{
    return {{"arch", arch},   {"dataset", dataset},       {"epochs", epochs},   {"batch_size", batchSize},
            {"lr", lr},       {"momentum", momentum},     {"weight_decay", weightDecay},
            {"augment", augment}, {"seed", seed},         {"schedule", "linear warm-up 1 epoch, cosine to 0"},
            {"optimizer", "SGD nesterov"}};
}

torch::Tensor augmentShiftFlip(const torch::Tensor& images, std::int64_t pad)
{
    const std::int64_t n = images.size(0), h = images.size(2), w = images.size(3);
    torch::Tensor padded = torch::constant_pad_nd(images, {pad, pad, pad, pad}, 0.0);
    torch::Tensor offsets = torch::randint(0, 2 * pad + 1, {n, 2}, torch::kLong);
    torch::Tensor flips = torch::rand({n}) < 0.5;
    auto off = offsets.accessor<std::int64_t, 2>();
    auto flip = flips.accessor<bool, 1>();
    std::vector<torch::Tensor> out;
    out.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        torch::Tensor crop = padded[i].narrow(1, off[i][0], h).narrow(2, off[i][1], w);
        out.push_back(flip[i] ? crop.flip({2}) : crop);
    }
    return torch::stack(out);
}

TeacherTrainResult trainTeacher(const TeacherTrainConfig& config, EventSink& sink, const CancelToken* cancel)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    seedEverything(config.seed);
    const torch::Device device = resolveDevice(config.device);

    data::DatasetPtr train = data::openDataset({config.dataset, "train", 0});
    data::DatasetPtr test = data::openDataset({config.dataset, "test", 0});
    models::ModelInfo info = models::defaultInfo(config.arch, train->numClasses(), train->channels);
    info.inputSize = train->height;
    // Normalisation from the training set itself, per channel.
    {
        data::Batch all = train->range(0, std::min<std::int64_t>(train->size(), 20000));
        torch::Tensor perChannel = all.images.transpose(0, 1).reshape({train->channels, -1});
        info.mean.clear();
        info.stdev.clear();
        for (std::int64_t c = 0; c < train->channels; ++c) {
            info.mean.push_back(std::round(perChannel[c].mean().item<double>() * 1e4) / 1e4);
            info.stdev.push_back(std::round(perChannel[c].std().item<double>() * 1e4) / 1e4);
        }
    }
    models::ModelPtr model = models::createModel(info);
    model->to(device);

    torch::optim::SGD optimizer(model->parameters(),
                                torch::optim::SGDOptions(config.lr)
                                    .momentum(config.momentum)
                                    .nesterov(true)
                                    .weight_decay(config.weightDecay));
    const std::int64_t stepsPerEpoch = train->size() / config.batchSize; // drop the last partial batch
    const std::int64_t totalSteps = stepsPerEpoch * config.epochs;
    ProgressMeter meter(sink, "train-teacher", totalSteps);
    TeacherTrainResult result;
    result.history = nlohmann::json::array();
    std::int64_t step = 0;
    for (int epoch = 0; epoch < config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        model->train();
        torch::Tensor order = torch::randperm(train->size(), torch::kLong);
        double lossSum = 0;
        std::int64_t correct = 0, seen = 0;
        for (std::int64_t b = 0; b < stepsPerEpoch; ++b, ++step) {
            checkpoint(cancel);
            // Warm-up over the first epoch, then cosine decay to zero.
            const double lr = step < stepsPerEpoch
                                  ? config.lr * (step + 1) / stepsPerEpoch
                                  : 0.5 * config.lr * (1 + std::cos(M_PI * (step - stepsPerEpoch) /
                                                                    std::max<std::int64_t>(1, totalSteps - stepsPerEpoch)));
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);

            torch::Tensor idx = order.slice(0, b * config.batchSize, (b + 1) * config.batchSize);
            data::Batch batch = train->get(std::vector<std::int64_t>(idx.data_ptr<std::int64_t>(),
                                                                     idx.data_ptr<std::int64_t>() + idx.numel()));
            torch::Tensor x = batch.images;
            if (config.augment)
                x = augmentShiftFlip(x, 2);
            x = data::normalizeForModel(x, info.mean, info.stdev, 0).to(device);
            torch::Tensor y = batch.labels.to(device);
            torch::Tensor logits = model->forward(x);
            torch::Tensor loss = torch::cross_entropy_loss(logits, y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>() * y.size(0);
            correct += logits.argmax(1).eq(y).sum().item<std::int64_t>();
            seen += y.size(0);
            if (b % 20 == 0)
                sink.onLosses(step, {{"train/ce", loss.item<double>()}, {"lr", lr}});
            meter.update(step + 1);
        }
        EvalResult eval = evaluate(*model, *test, device, 1000, 0, nullSink(), cancel);
        const double secs = std::chrono::duration<double>(Clock::now() - epochStart).count();
        result.history.push_back({{"epoch", epoch + 1},
                                  {"train_loss", lossSum / seen},
                                  {"train_top1", 100.0 * correct / seen},
                                  {"test_top1", eval.top1},
                                  {"seconds", secs}});
        sink.onEvaluation({"teacher", epoch + 1, eval.top1, eval.total});
        sink.onMessage(LogLevel::Info, "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(config.epochs) +
                                           ": train loss " + std::to_string(lossSum / seen) + ", test top-1 " +
                                           std::to_string(eval.top1) + " %, " + std::to_string(secs) + " s");
        result.testTop1 = eval.top1;
    }
    model->eval();
    model->to(torch::kCPU);
    result.model = model;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace zsq::engine
