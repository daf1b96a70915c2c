#include "engine/genie_distill.h"

#include <algorithm>
#include <cmath>

#include <torch/torch.h>

#include "common/error.h"
#include "common/progress_meter.h"
#include "data/dataset.h"
#include "engine/bn_statistics.h"
#include "engine/frozen_parameters.h"
#include "models/preprocessing.h"
#include "models/swing_convolution.h"

namespace zsq::engine {

namespace {

// GENIE's per-batch generator: latent -> linear to 128 maps at a quarter of
// the image size -> BN, 2x upsampling, 3x3 conv to 64, BN, LeakyReLU(0.2),
// 2x upsampling, 3x3 conv to the image channels, tanh, and a BatchNorm
// without affine parameters, so that every batch it makes is normalised per
// channel (the model's input space). Trained from scratch for one batch and
// always in training mode (its BNs use the batch's statistics).
class GenieGeneratorImpl : public torch::nn::Module {
public:
    GenieGeneratorImpl(std::int64_t latentDim, std::int64_t channels, std::int64_t size)
        : size_(size), half_((size + 1) / 2), quarter_((size + 3) / 4)
    {
        constexpr std::int64_t c1 = 128, c2 = 64;
        linear = register_module("linear", torch::nn::Linear(latentDim, c1 * quarter_ * quarter_));
        bn0 = register_module("bn0", torch::nn::BatchNorm2d(c1));
        conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(c1, c2, 3).padding(1)));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(c2));
        conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(c2, channels, 3).padding(1)));
        bnOut = register_module("bn_out", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(channels).affine(false)));
    }

    torch::Tensor forward(const torch::Tensor& z)
    {
        namespace F = torch::nn::functional;
        // Nearest 2x upsampling, as GENIE's nn.Upsample; sizes that are not
        // a multiple of 4 land on the image size exactly at the last step.
        auto upsample = [](const torch::Tensor& x, std::int64_t to) {
            return F::interpolate(x, F::InterpolateFuncOptions().size(std::vector<std::int64_t>{to, to})
                                          .mode(torch::kNearest));
        };
        torch::Tensor x = linear(z).view({z.size(0), -1, quarter_, quarter_});
        x = conv1(upsample(bn0(x), half_));
        x = F::leaky_relu(bn1(x), F::LeakyReLUFuncOptions().negative_slope(0.2));
        x = torch::tanh(conv2(upsample(x, size_)));
        return bnOut(x);
    }

    torch::nn::Linear linear{nullptr};
    torch::nn::BatchNorm2d bn0{nullptr}, bn1{nullptr}, bnOut{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};

private:
    std::int64_t size_, half_, quarter_;
};
TORCH_MODULE(GenieGenerator);


// PyTorch's ReduceLROnPlateau (mode min, relative threshold 1e-4, factor
// 0.1), as GENIE steps it with every loss.
class PlateauSchedule {
public:
    PlateauSchedule(torch::optim::Adam& optimizer, double lr, int patience, double minLr)
        : optimizer_(optimizer), lr_(lr), patience_(patience), minLr_(minLr)
    {
    }
    void step(double loss)
    {
        if (loss < best_ * (1.0 - 1e-4)) {
            best_ = loss;
            bad_ = 0;
        } else if (++bad_ > patience_) {
            const double next = std::max(minLr_, lr_ * 0.1);
            if (lr_ - next > 1e-8)
                setLr(optimizer_, lr_ = next);
            bad_ = 0;
        }
    }
    static void setLr(torch::optim::Adam& optimizer, double lr)
    {
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
    }

private:
    torch::optim::Adam& optimizer_;
    double lr_, best_ = INFINITY;
    int patience_, bad_ = 0;
    double minLr_;
};

void emitImages(EventSink& sink, models::ZooModelImpl& teacher, const torch::Tensor& x, std::int64_t iteration)
{
    const models::ModelInfo& info = teacher.info();
    const std::int64_t n = std::min<std::int64_t>(x.size(0), 64);
    torch::Tensor labels;
    {
        torch::NoGradGuard noGrad;
        labels = teacher.forward(x.slice(0, 0, n)).argmax(1).to(torch::kCPU, torch::kLong).contiguous();
    }
    const torch::Tensor pixels = data::denormalize(x.slice(0, 0, n).to(torch::kCPU), info.mean, info.stdev)
                                     .clamp(0, 1)
                                     .to(torch::kFloat)
                                     .contiguous();
    ImageBatch batch;
    batch.iteration = iteration;
    batch.n = static_cast<int>(n);
    batch.channels = static_cast<int>(pixels.size(1));
    batch.height = static_cast<int>(pixels.size(2));
    batch.width = static_cast<int>(pixels.size(3));
    batch.pixels.assign(pixels.data_ptr<float>(), pixels.data_ptr<float>() + pixels.numel());
    batch.labels.assign(labels.data_ptr<std::int64_t>(), labels.data_ptr<std::int64_t>() + n);
    sink.onImages(batch);
}

} // namespace

torch::Tensor genieLoss(models::ZooModelImpl& teacher, const torch::Tensor& images)
{
    models::ForwardCapture capture;
    capture.captureBnInputs = true;
    teacher.forward(images, &capture);
    // The input prior on every image's own channels: torch.std_mean over
    // the pixels (unbiased), squared errors summed, averaged over images.
    auto [stdev, mean] = torch::std_mean(images, {2, 3});
    const double n = static_cast<double>(images.size(0));
    const torch::Tensor prior = (mean.pow(2).sum() + (stdev - 1.0).pow(2).sum()) / n;
    return zeroqLoss(capture.bnInputs) + prior;
}

torch::Tensor distillGenie(models::ZooModelImpl& teacher, const GenieConfig& config, const torch::Device& device,
                           EventSink& sink, const CancelToken* cancel, GenieStats* stats)
{
    if (config.samples < 1 || config.batchSize < 1 || config.iterations < 1)
        throw InputError("genie: samples, batch size and iterations must be positive");
    teacher.eval();
    teacher.to(device);
    const FrozenParameters frozen(teacher);
    const models::ModelInfo& info = teacher.info();
    const std::int64_t size = models::effectiveInputSize(info);
    const std::int64_t batches = (config.samples + config.batchSize - 1) / config.batchSize;
    // GENIE decays the generator's rate 40 times over its 4000 steps; a
    // shorter run keeps that shape.
    const int decayEvery = std::max(1, config.iterations / 40);
    ProgressMeter meter(sink, "genie: distilling data", batches * config.iterations);
    std::vector<torch::Tensor> parts;
    double initialSum = 0, finalSum = 0;
    for (std::int64_t b = 0; b < batches; ++b) {
        const std::int64_t n = std::min(config.batchSize, config.samples - b * config.batchSize);
        GenieGenerator generator(config.latentDim, info.inChannels, size);
        generator->to(device);
        generator->train();
        torch::Tensor z = torch::randn({n, config.latentDim}, torch::TensorOptions().device(device)).set_requires_grad(true);
        torch::optim::Adam latentOptimizer({z}, torch::optim::AdamOptions(config.latentLr));
        torch::optim::Adam generatorOptimizer(generator->parameters(), torch::optim::AdamOptions(config.generatorLr));
        PlateauSchedule latentSchedule(latentOptimizer, config.latentLr, config.plateauPatience, config.minLr);
        double generatorLr = config.generatorLr;
        torch::Tensor x;
        for (int it = 0; it < config.iterations; ++it) {
            checkpoint(cancel);
            const std::int64_t step = b * config.iterations + it;
            x = generator->forward(z);
            torch::Tensor loss;
            {
                const models::SwingConvolution swing(config.swingJitter);
                loss = genieLoss(teacher, x);
            }
            latentOptimizer.zero_grad();
            generatorOptimizer.zero_grad();
            loss.backward();
            latentOptimizer.step();
            generatorOptimizer.step();
            const double value = loss.item<double>();
            if (!std::isfinite(value))
                throw RuntimeFailure("GENIE distillation diverged (loss is " + std::to_string(value) +
                                     "); lower genie.latent_lr or genie.generator_lr");
            latentSchedule.step(value);
            if ((it + 1) % decayEvery == 0) {
                generatorLr *= config.generatorDecay;
                PlateauSchedule::setLr(generatorOptimizer, generatorLr);
            }
            if (it == 0)
                initialSum += value;
            if (it + 1 == config.iterations)
                finalSum += value;
            if (it % 10 == 0 || it + 1 == config.iterations)
                sink.onLosses(step, {{"genie/bn_stats", value}});
            meter.update(step + 1);
        }
        // The batch the last step's loss was measured on, as GENIE keeps it.
        x = x.detach();
        emitImages(sink, teacher, x, (b + 1) * config.iterations - 1);
        parts.push_back(x.to(torch::kCPU));
    }
    if (stats) {
        stats->initialLoss = initialSum / static_cast<double>(batches);
        stats->finalLoss = finalSum / static_cast<double>(batches);
    }
    return torch::cat(parts);
}

} // namespace zsq::engine
