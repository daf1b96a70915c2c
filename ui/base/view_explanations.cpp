#include "view_explanations.h"

namespace zsq::ui {

QString ViewExplanations::model()
{
    return tr("<p>The layers of the open model, with the shape of its weights and its number of "
              "parameters. <b>Quantizable</b> layers (convolutions and fully connected layers) get their weights "
              "rounded to 2<sup>b</sup> levels per output channel, b being the weight bit width; BatchNorm layers "
              "stay in floating point. The output of every ReLU is quantized too (the activation bits).</p>"
              "<p>At 4-bit weights the model takes one eighth of its 32-bit size. The BatchNorm statistics "
              "stored in the model (the mean and variance of each layer's inputs on the training data) are all "
              "that the zero-shot methods know of the data the model was trained on.</p>") +
           tr("<p><b>Preprocessing</b> is part of a model: the input size, how images of another size are brought "
              "to it, and the mean and std each channel is normalised with. A network only works on inputs "
              "prepared as in its training; with others its accuracy drops towards chance and every synthetic "
              "image is off scale. A ZSQ checkpoint stores its preprocessing; a PyTorch state_dict does not, so "
              "its architecture's values are assumed until you give the right ones. <b>Check on Dataset</b> "
              "measures the full-precision accuracy with the values shown.</p>");
}

QString ViewExplanations::training()
{
    return tr("<p>Two models learn at once. The <b>generator</b> G (upper plot) learns to make images that the "
              "full-precision model recognises; the quantized <b>student</b> (lower plot) learns on those images "
              "to answer like the full-precision model. No real image is used by either.</p>"
              "<p>Generator losses: <b>CE</b> is the full-precision model's cross-entropy on the class G was asked "
              "for. <b>BNS</b> (BatchNorm statistics) is how far the mean and variance of each layer's inputs on "
              "the synthetic batch are from those the model stored during its training: it makes synthetic "
              "batches statistically like real ones. <b>AMA</b> (LRQ's Adversarial Margin Add) is a "
              "cross-entropy on the angle between a sample's features and its class centre with a negative "
              "margin, which keeps samples of a class from collapsing onto one point. The <b>cluster</b> loss "
              "(ClusterQ) pulls each class's BatchNorm statistics towards a running per-class centroid, with "
              "noise added to the targets so that a class stays varied.</p>"
              "<p>Student losses: <b>KD</b> (knowledge distillation) matches the student's softened outputs to "
              "the full-precision model's; <b>DKD</b> (LRQ's decoupled KD) splits that into the target class "
              "(TCKD, weight α) and the other classes (NCKD, weight β), giving more weight to how the teacher "
              "ranks the wrong classes. During the warm-up epochs only G trains, and the activation ranges are "
              "measured in the first epochs and then frozen. The bottom plot gives the student's top-1 "
              "on the evaluation data after each epoch; that data is never used for training.</p>") +
           // Its own string, so that the translations above stay valid.
           tr("<p>With a <b>refinement</b> after the method (AdaRound, BRECQ), its output error against the "
              "full-precision model (<b>refine: layer MSE</b> or <b>block MSE</b>) follows in the student's plot "
              "after the method's last iteration, past a dashed line. Each layer or block starts again from its "
              "own error, so the curve steps at every new one.</p>");
}

QString ViewExplanations::syntheticImages()
{
    return tr("<p>Each row is a class, each column a sample the generator made for that class at the iteration "
              "shown. They are not meant to look like photographs: they are made to match what the model knows "
              "(its BatchNorm statistics and its classifier), and they only have to be good calibration and "
              "fine-tuning data for the quantized student.</p>"
              "<p>At the start they are noise; as the BNS loss falls they take on the contrast and textures of "
              "real data, and as the CE loss falls the model sees their class in them. A row of near-identical "
              "samples is <b>mode collapse</b>: the student then sees one example per class, which is what "
              "LRQ's AMA and ClusterQ's diversity term work against. Move the history slider to look back at "
              "earlier iterations; click a sample to enlarge it.</p>");
}

QString ViewExplanations::results()
{
    return tr("<p>One row per finished run of this session: method, bit widths, size, top-1 of the full-precision "
              "and of the quantized model, and the time taken. Select several rows to overlay their curves. "
              "<b>PTQ</b> (no fine-tuning) is the floor and fine-tuning on <b>real data</b> the ceiling; the "
              "zero-shot methods lie between them.</p>"
              "<p><b>Why W2 hurts more than W4:</b> every bit halves the step between quantization levels. "
              "2-bit weights have 4 levels per output channel against 16 at 4 bits, so the rounding step is "
              "five times as large (about 14 dB less signal-to-noise) and changes what each layer computes "
              "beyond what fine-tuning on synthetic data can repair. 4-bit activations are often harder still: "
              "one range per layer has to cover every input, so outliers cost all other values their "
              "resolution.</p>") +
           // Its own string, so that the translations above stay valid.
           tr("<p>A method followed by <b>+ adaround</b>, <b>+ brecq</b> or <b>+ ranges</b> was refined after "
              "the method on calibration images; <b>(real data)</b> marks a refinement on real training images, "
              "a ceiling rather than a zero-shot result.</p>");
}

} // namespace zsq::ui
