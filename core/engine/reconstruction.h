#pragma once
// Refinement after any method (--refine ranges|adaround|brecq): the student's
// quantizers are fitted to calibration data instead of min/max statistics.
//   1. every weight range by Lp error search (quant/range_search.h),
//   2. every activation range the same way, in forward order, on the
//      activations the partly quantized student produces,
//   3. every quantizable layer in forward order by AdaRound
//      (quant/adaround.h): its output on the student's (quantized) inputs is
//      brought close to the FP teacher's output on the teacher's inputs;
//      or (brecq) every block, its rounding and activation ranges together
//      (engine/block_reconstruction.h).
// The calibration images come from the method (ZeroQ's distilled batch, a
// trained generator's samples) or, for the labelled ceiling, real images.
#include <map>
#include <string>

#include "common/cancel.h"
#include "common/events.h"
#include "models/model.h"

namespace zsq::engine {

struct ReconstructionConfig {
    int iterations = 500;        // AdaRound steps per layer
    std::int64_t batchSize = 32; // calibration images per step
    // Adam on the rounding variables. BRECQ's 1e-3 over 20 000 steps; with
    // 500 steps a variable must still be able to travel to +-3 (h = 0 or 1).
    double lr = 1e-2;
    double regWeight = 0.01;     // lambda of the rounding regulariser
    double warmup = 0.2;         // share of steps without the regulariser
    double betaStart = 20, betaEnd = 2;
    double p = 2.4;              // norm of the range search
    // How ranges are initialised before rounding is learned: "lp" (the
    // search above), "percentile" (clipped at `percentile`), "minmax"; and
    // per quantizer, by the name of a weight layer or an activation
    // quantizer, an override of it (unknown names are an InputError).
    std::string rangeInit = "lp";
    double percentile = 99.99;
    std::map<std::string, std::string> layerRangeInit;
    // QDrop (Wei et al. 2022): each element of a layer's calibration input
    // is the teacher's float activation with this probability, else the
    // student's quantized one (0: always the student's).
    double qdrop = 0;
    bool searchActivations = true;
    bool adaround = true;
    // Block reconstruction (engine/block_reconstruction.h) instead of one
    // layer at a time: rounding and activation ranges learned per block.
    bool blocks = false;
    // Adam learning rate of the activation range ends in block mode (LSQ+);
    // 0 keeps the searched ranges.
    double actLr = 1e-3;
    // Adam learning rate of every weight channel's step size in block mode
    // (GENIE-M: a factor on the searched step, learned with the rounding);
    // 0 keeps the searched weight ranges.
    double weightLr = 0;
    // Block mode: the refinement's state is written here after every block
    // but the last (engine/refine_checkpoint.h; "" = not written), and a
    // refinement resumes from resumePath (a refine.ckpt of the same
    // settings and calibration images) at the block after its last one,
    // without searching the ranges again.
    std::string checkpointPath;
    std::string resumePath;
};

struct LayerReconstruction {
    std::string layer;
    double mseBefore = 0;        // output MSE with the searched range, rounding to nearest
    double mseAfter = 0;         // with the learned rounding
    double undecided = 0;        // rounding variables not at 0/1 before the hard decision
};

struct ReconstructionResult {
    std::vector<LayerReconstruction> layers;
    double seconds = 0;
};

// `student` is `teacher` quantized (applyQuantConfig done; activation
// ranges may be anything). `calibration`: normalised images [N, C, H, W].
// Both models end in eval mode on `device`, the student's activation
// quantizers frozen. Cancel is honoured between steps (Cancelled).
ReconstructionResult runReconstruction(models::ZooModelImpl& teacher, models::ZooModelImpl& student,
                                       const torch::Tensor& calibration, const ReconstructionConfig& config,
                                       const torch::Device& device, EventSink& sink = nullSink(),
                                       const CancelToken* cancel = nullptr);

} // namespace zsq::engine
