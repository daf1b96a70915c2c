#pragma once
// GENIE's data distillation ("GENIE-D", Jeon et al., CVPR 2023; code:
// SamsungLabs/Genie, distill.py). The calibration set is made batch by
// batch; each batch has its own small generator and its own learnable latent
// vector per image, both trained from scratch so that, at every BatchNorm of
// the teacher, the batch mean and standard deviation of the BN input match
// the running statistics, and each generated image's channels have mean 0
// and standard deviation 1. While distilling, the teacher's strided
// convolutions see their input shifted by a random pixel ("swing
// convolution", models::SwingConvolution). docs/methods.md, section GENIE,
// lists every choice and where we differ from the authors' code.
#include <cstdint>

#include "common/cancel.h"
#include "common/events.h"
#include "models/model.h"

namespace zsq::engine {

struct GenieConfig {
    std::int64_t samples = 256;   // images in all (the last batch may be smaller)
    std::int64_t batchSize = 64;  // images per generator (GENIE: 128)
    int iterations = 200;         // steps per batch (GENIE: 4000; chosen on the val split, docs/methods.md)
    // Adam learning rates as GENIE's code applies them (its argument names
    // are swapped: lr_g = 0.1 reaches the latents, lr_z = 0.01 the generator).
    double latentLr = 0.1;
    double generatorLr = 0.01;
    std::int64_t latentDim = 256;
    int swingJitter = 1;          // pixels; 0 turns swing convolution off
    // The latents' ReduceLROnPlateau (x0.1 after this many steps without a
    // relative improvement of 1e-4, down to minLr), as GENIE.
    int plateauPatience = 100;
    double minLr = 1e-4;
    // The generator's rate is multiplied by this 40 times over a batch's
    // steps (GENIE: x0.95 every 100 of its 4000 steps).
    double generatorDecay = 0.95;
};

struct GenieStats {
    double initialLoss = 0; // mean over batches of the loss at the first step
    double finalLoss = 0;   // mean over batches of the loss at the last step
};

// Distils `config.samples` images from `teacher` (eval mode, its gradient
// flags restored afterwards). Returns them normalised (the model's input
// space) on the CPU, [samples, C, H, W]. Losses go to sink.onLosses
// ("genie/bn_stats", one iteration count across batches), progress to a
// ProgressMeter, each finished batch's first images (labelled with the
// teacher's prediction) to sink.onImages. Cancel is honoured every step.
torch::Tensor distillGenie(models::ZooModelImpl& teacher, const GenieConfig& config, const torch::Device& device,
                           EventSink& sink = nullSink(), const CancelToken* cancel = nullptr,
                           GenieStats* stats = nullptr);

// GENIE's distillation loss of one batch as the teacher sees it now (with
// swing convolution when one is active): sum over BatchNorms of
// ||mu - running_mean||^2 / C + ||sigma - running_sigma||^2 / C, plus the
// input prior (every image's per-channel mean 0, standard deviation 1,
// squared errors summed over channels, averaged over images).
torch::Tensor genieLoss(models::ZooModelImpl& teacher, const torch::Tensor& images);

} // namespace zsq::engine
