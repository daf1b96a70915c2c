#include "param_help.h"

#include <QCoreApplication>

namespace zsq::ui {

namespace {
const char* kContext = "zsq::ui::ParamHelp";

// Every help text of core's run-config schema (core/config/run_config.cpp),
// listed here so that lupdate offers them to translators; tst_gui_teaching
// fails when the schema gains a text missing here.
const char* const kHelpTexts[] = {
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "model file (TorchScript, state_dict or ZSQ checkpoint); 'demo' = the shipped Fashion-MNIST model"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "architecture when it cannot be detected from the file (resnet18/34/50/101, mobilenet_v2, mobilenet_v3_large, vgg16_bn, resnet20/56/110, fmnist)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "preprocessing JSON to use instead of the sidecar beside the model (MODEL.json)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "input size in pixels (-1 = the model's own; 0 = the data's size, for fully convolutional models)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "how data of another size becomes the input: none, resize (whole image), resize_crop (shorter side, then centre crop); model = the model's own"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "resize_crop: shorter side before the centre crop (0 = the model's own, or input_size / 0.875)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "per-channel mean of the normalisation (empty = the model's own)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "per-channel std of the normalisation (empty = the model's own)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "class names: a text file with one per line, or a comma-separated list (empty = the model's own)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "quantization method (realdata = fine-tuning on the real training set, the ceiling)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weight bit width"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "activation bit width"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weights quantized per output channel (else per tensor)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "per-layer weight bit overrides: {layer name: bits}"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "per-quantizer activation bit overrides: {name: bits}"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "schedule profile: quick (2-core CPU), classroom (a 1-minute run with frequent images, for demos), paper (published schedules), custom"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "random seed (CPU runs repeat exactly)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "local processes that split each batch (zsq quantize --nproc; threads per process = cores / processes)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "collective backend of a data-parallel run: auto = Gloo on CPU, NCCL on CUDA"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "seconds a data-parallel rank waits for the others (rendezvous, collectives) before failing"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "auto, cpu, cuda or cuda:N"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "LibTorch threads (0 = all cores)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "output folder (default runs/<method>-w<W>a<A>-<time>)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "evaluation dataset: fashion-mnist, mnist, cifar10, cifar100, a folder, or none (quantize without any data; accuracy not measured)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "split used for the reported accuracy"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "evaluation batch size"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "after the method: ranges = weight and activation ranges by Lp error search; adaround = that, then every layer's rounding learned on calibration data; brecq = ranges, then each block's rounding and activation ranges learned together"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "calibration data: method = the method's own (ZeroQ's distilled images, the generator's samples); real = real training images (the ceiling, not zero-shot)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "calibration images"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "AdaRound steps per layer (brecq: per block)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "calibration images per refinement step"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "Adam learning rate of the rounding variables (0: round to nearest)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "brecq: Adam learning rate of the activation ranges (LSQ+; 0: keep the searched ranges)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "brecq: Adam learning rate of each weight channel's step size (GENIE-M; 0: keep the searched ranges)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weights the refinement starts from: the method's student, or the float teacher's (the method then gives only its calibration images)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weight of the rounding regulariser"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE/BRECQ protocol: the first and last layer's weights and the last layer's input activations at this width (0 = every layer at wbits/abits, as GDFQ)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "norm of the range search (2.4 as GENIE)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "how weight and activation ranges start before the refinement: lp = the clipping with the least Lp error; percentile = clipped at refine.percentile; minmax = the raw extremes"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "range_init percentile: the percentile (and 100 minus it) where ranges are clipped"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "per-quantizer range_init overrides, 'name:init;name:init' (weight layer or activation quantizer names, as zsq info --layers lists them)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "QDrop: probability that an activation element stays float while refining (0 = off; -1: 0.5 for brecq, 0 for adaround)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "calibration images from a file (a run's OUTPUT/calibration.pt) instead of the source"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "ZeroQ: distilled images"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "ZeroQ: optimisation steps on the distilled batch"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "ZeroQ: Adam learning rate on the images"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: distilled images (the calibration set of the refinement)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: images per batch (each batch has its own generator and latent vectors)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: optimisation steps per batch"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: Adam learning rate of the latent vectors"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: Adam learning rate of the generator"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "GENIE: swing convolution, pixels by which a strided convolution's input is shifted at random while distilling (0 = off)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "epochs"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "iterations per epoch"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "synthetic batch size"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "epochs with the student frozen (generator only)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "epochs during which activation ranges are updated"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "student learning rate (SGD, Nesterov)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "generator learning rate (Adam)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "learning-rate schedule: step (x0.1 at 1/4, 1/2 and 3/4 of the epochs, as GDFQ) or cosine (to 0, per iteration)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "student weight decay"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "test samples evaluated at each epoch end (0 = all)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "iterations between synthetic-image events"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "run checkpoint to resume from"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "after training, write this many synthetic PNGs per class to OUTPUT/synthetic (0 = none)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weight of the BN-statistics loss"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "KD temperature (GDFQ, ClusterQ)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weight of the class-cluster alignment loss"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "epoch from which the cluster loss is on"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "EMA decay of the class centroids"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "EMA-updated centroids (off: replaced each epoch)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "Gaussian perturbation of the targets (relative)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "intra-class diversity term"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "probability of crop+flip of synthetic images for the student"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "smallest area fraction of the random resized crop"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "large-kernel attention in the generator"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "Adversarial Margin Add loss"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "weight of the AMA loss"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "AMA logit scale s"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "AMA angular margin m (radians)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "decoupled knowledge distillation (off: GDFQ KD)"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "DKD target-class weight"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "DKD non-target-class weight"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "DKD temperature"),
    QT_TRANSLATE_NOOP("zsq::ui::ParamHelp", "epochs of linear DKD weight warm-up"),
};
} // namespace

QString translatedParamHelp(const QString& english)
{
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate(kContext, utf8.constData());
}

bool isParamHelpListed(const QString& english)
{
    for (const char* text : kHelpTexts)
        if (english == QLatin1String(text))
            return true;
    return false;
}

} // namespace zsq::ui
