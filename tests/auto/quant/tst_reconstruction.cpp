// Refinement by range search and AdaRound (engine/reconstruction.h) and by
// blocks (engine/block_reconstruction.h) on the shipped demo model: each
// layer's / block's output error goes down, the rounding decisions end
// (nearly) hard, the refined quantizers survive a checkpoint, cancel stops
// it and leaves no training state behind; the learned-range quantizer's
// gradients are LSQ's.
#include <filesystem>

#include <torch/torch.h>

#include "common/cancel.h"
#include "common/error.h"
#include "data/dataset_registry.h"
#include "data/model_input.h"
#include "engine/evaluate.h"
#include "engine/block_reconstruction.h"
#include "engine/reconstruction.h"
#include "engine/refine_checkpoint.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "models/zoo.h"
#include "quant/adaround.h"
#include "quant/fake_quant.h"
#include "quant/learned_quant.h"
#include "quant/model_quantizer.h"
#include "quant/range_search.h"
#include "zsq_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace zsq;
using zsq::test::inputErrorOf;

class tst_Reconstruction : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rangeSearchBeatsMinMaxOnHeavyTails();
    void percentileAndMinMaxRanges();
    void rangeInitPerQuantizer();
    void firstLastBitsIsGeniesProtocol();
    void adaroundStartsAtNearestAndDecides();
    void refinementLowersEveryLayersError();
    void cancelStopsRefinement();
    void learnedRangeGradients();
    void blocksFollowTheModulePaths();
    void blockReconstructionLowersEveryBlocksError();
    void cancelInBlockLeavesAPlainModel();
    void resumeAfterABlockIsBitExact();
    void learnedWeightStepsStayOnTheirGrid();

private:
    models::ModelPtr quantizedStudent(const models::ModelPtr& teacher, int bits);
    models::ModelPtr teacher_;
    torch::Tensor calibration_;   // normalised real test images
};

void tst_Reconstruction::initTestCase()
{
    torch::manual_seed(0);
    teacher_ = io::loadModel(io::demoModelPath()).model;
    // Real images as calibration keep the test independent of a generator;
    // the engine treats every source alike.
    const data::DatasetPtr ds = data::openDataset(data::datasetRequestFor("fashion-mnist", "test", teacher_->info()));
    calibration_ = data::prepareInput(ds->range(0, 128).images, teacher_->info());
}

models::ModelPtr tst_Reconstruction::quantizedStudent(const models::ModelPtr& teacher, int bits)
{
    models::ModelPtr student = models::cloneModel(*teacher);
    quant::QuantConfig qc;
    qc.wbits = bits;
    qc.abits = bits;
    quant::applyQuantConfig(*student, qc);
    torch::NoGradGuard noGrad;
    quant::setActivationMode(*student, models::ActQuantImpl::Mode::Calibrate);
    student->forward(calibration_);
    quant::setActivationMode(*student, models::ActQuantImpl::Mode::Frozen);
    return student;
}

void tst_Reconstruction::rangeSearchBeatsMinMaxOnHeavyTails()
{
    // A Laplace-like tensor with a few outliers: clipping them pays at 3 bits.
    torch::Tensor w = torch::randn({8, 256}) * torch::rand({8, 256}).log().neg();
    w.index_put_({torch::indexing::Slice(), 0}, 20.0);
    auto [lo, hi] = quant::searchWeightRange(w, 3, true);
    auto [mlo, mhi] = quant::weightRange(w, true);
    QVERIFY((hi < mhi).all().item<bool>());
    const auto err = [&](const torch::Tensor& l, const torch::Tensor& h) {
        return (quant::fakeQuantizeWeightInRange(w, l, h, 3) - w).abs().pow(2.4).sum().item<double>();
    };
    qInfo("Lp error: searched %.1f, min/max %.1f", err(lo, hi), err(mlo, mhi));
    QVERIFY(err(lo, hi) < 0.9 * err(mlo, mhi));
    const auto [alo, ahi] = quant::searchActivationRange(w.relu(), 3);
    QVERIFY(ahi < mhi.max().item<double>());
    QVERIFY(alo >= 0);
}

void tst_Reconstruction::percentileAndMinMaxRanges()
{
    // 0, 1/9999, ..., 1 and one outlier at 1000: the 99th percentile clips
    // the outlier, min/max keeps it, and a non-negative tensor keeps lo = 0.
    torch::Tensor x = torch::cat({torch::arange(10000, torch::kFloat) / 9999.0, torch::full({1}, 1000.0f)});
    quant::RangeSearchOptions percentile;
    percentile.init = quant::RangeInit::Percentile;
    percentile.percentile = 99.0;
    const auto [plo, phi] = quant::searchActivationRange(x, 4, percentile);
    QCOMPARE(plo, 0.0);
    QVERIFY2(phi > 0.985 && phi < 0.995, std::to_string(phi).c_str());
    quant::RangeSearchOptions minmax;
    minmax.init = quant::RangeInit::MinMax;
    const auto [mlo, mhi] = quant::searchActivationRange(x, 4, minmax);
    QCOMPARE(mlo, 0.0);
    QCOMPARE(mhi, 1000.0);

    // Weights, per channel: each row clipped at its own percentiles; a row of
    // negative values only keeps hi = 0.
    torch::Tensor w = torch::stack({torch::linspace(-1, 1, 1001), torch::linspace(-3, -1, 1001)});
    percentile.percentile = 90.0;
    const auto [wlo, whi] = quant::searchWeightRange(w, 4, true, percentile);
    QCOMPARE(wlo.sizes(), torch::IntArrayRef({2}));
    QVERIFY(std::abs(wlo[0].item<double>() + 0.8) < 0.003 && std::abs(whi[0].item<double>() - 0.8) < 0.003);
    QVERIFY(std::abs(wlo[1].item<double>() + 2.8) < 0.003);
    QCOMPARE(whi[1].item<double>(), 0.0);
    const auto [wmlo, wmhi] = quant::searchWeightRange(w, 4, true, minmax);
    QVERIFY(torch::equal(wmlo, std::get<0>(w.min(1))) && torch::equal(wmhi, std::get<0>(w.max(1))));
    QVERIFY(inputErrorOf([] { quant::rangeInitFromName("mse", "refine.range_init"); }).has_value());
}

// refine.layer_range_init: the named weight layer and activation quantizer
// start from min/max, every other one from the Lp search; a name the model
// does not have is refused, naming it.
void tst_Reconstruction::rangeInitPerQuantizer()
{
    engine::ReconstructionConfig config;
    config.adaround = false; // `--refine ranges`: the ranges alone
    models::ModelPtr searched = quantizedStudent(teacher_, 3);
    engine::runReconstruction(*teacher_, *searched, calibration_, config, torch::kCPU);

    models::ModelPtr student = quantizedStudent(teacher_, 3);
    auto& layers = student->quantLayers();
    auto& acts = student->actQuants();
    QVERIFY(layers.size() > 2 && acts.size() > 2);
    const std::string layer = layers[1].name, act = acts[1].name;
    config.layerRangeInit = {{layer, "minmax"}, {act, "minmax"}};
    engine::runReconstruction(*teacher_, *student, calibration_, config, torch::kCPU);

    const auto [mlo, mhi] = quant::weightRange(layers[1].weight(), layers[1].setting().perChannel);
    QVERIFY(torch::equal(layers[1].setting().lo, mlo) && torch::equal(layers[1].setting().hi, mhi));
    QVERIFY(!torch::equal(searched->quantLayers()[1].setting().hi, mhi)); // the search clips some channel
    QVERIFY(torch::equal(layers[2].setting().hi, searched->quantLayers()[2].setting().hi));
    const double lpHi = searched->actQuants()[1].act->range.hi().item<double>();
    const double minmaxHi = acts[1].act->range.hi().item<double>();
    qInfo("%s: hi %.4f by Lp search, %.4f by min/max", act.c_str(), lpHi, minmaxHi);
    QVERIFY(minmaxHi > lpHi);

    config.layerRangeInit = {{"no.such.layer", "minmax"}};
    models::ModelPtr other = quantizedStudent(teacher_, 3);
    const auto err = inputErrorOf([&] { engine::runReconstruction(*teacher_, *other, calibration_, config, torch::kCPU); });
    QVERIFY(err.has_value());
    QVERIFY2(err->find("no.such.layer") != std::string::npos, err->c_str());
}

// first_last_bits = 8 (GENIE's / BRECQ's set_first_last_layer_to_8bit): the
// first and last layer's weights and the classifier's input activations at
// 8 bits, everything else at the target width; an explicit layer_bits entry
// still wins, and a width outside 2..8 is refused.
void tst_Reconstruction::firstLastBitsIsGeniesProtocol()
{
    models::ModelPtr model = models::cloneModel(*teacher_);
    quant::QuantConfig qc;
    qc.wbits = 3;
    qc.abits = 3;
    qc.firstLastBits = 8;
    quant::applyQuantConfig(*model, qc);
    auto& layers = model->quantLayers();
    auto& acts = model->actQuants();
    for (std::size_t i = 0; i < layers.size(); ++i)
        QCOMPARE(layers[i].setting().bits, (i == 0 || i + 1 == layers.size()) ? 8 : 3);
    for (std::size_t i = 0; i < acts.size(); ++i)
        QCOMPARE(acts[i].act->bits, i + 1 == acts.size() ? 8 : 3);

    qc.layerWbits[layers.back().name] = 4;
    quant::applyQuantConfig(*model, qc);
    QCOMPARE(layers.front().setting().bits, 8);
    QCOMPARE(layers.back().setting().bits, 4);

    qc.firstLastBits = 1;
    const auto err = inputErrorOf([&] { quant::applyQuantConfig(*model, qc); });
    QVERIFY(err.has_value());
    QVERIFY2(err->find("first_last_bits") != std::string::npos, err->c_str());
}

void tst_Reconstruction::adaroundStartsAtNearestAndDecides()
{
    const torch::Tensor w = torch::randn({4, 16});
    auto [lo, hi] = quant::weightRange(w, true);
    quant::AdaRoundWeight rounding(w, lo, hi, 4);
    // Before learning, the soft weight is (almost) the weight, and the hard
    // one is round-to-nearest.
    // (The grid's zero point is rounded, so the top of the range may lie up to
    // half a step outside it: that much, no more.)
    const double step = ((hi - lo) / 15.0).max().item<double>();
    QVERIFY((rounding.softWeight() - w).abs().max().item<double>() <= 0.51 * step);
    const torch::Tensor nearest = quant::fakeQuantizeWeightInRange(w, lo, hi, 4);
    QVERIFY(torch::allclose(rounding.hardWeight(), nearest, 1e-5, 1e-6));
    // The regulariser alone drives every variable to 0 or 1.
    torch::optim::Adam opt({rounding.logits()}, torch::optim::AdamOptions(0.1));
    const double before = rounding.undecidedFraction();
    for (int i = 0; i < 300; ++i) {
        torch::Tensor r = rounding.regularizer(2.0);
        opt.zero_grad();
        r.backward();
        opt.step();
    }
    qInfo("undecided before %.3f, after %.3f", before, rounding.undecidedFraction());
    QVERIFY(before > 0.5);
    QCOMPARE(rounding.undecidedFraction(), 0.0);
    // The hard weights lie on the grid: quantizing them again changes nothing.
    QVERIFY(torch::allclose(quant::fakeQuantizeWeightInRange(rounding.hardWeight(), lo, hi, 4), rounding.hardWeight(),
                            0, 1e-6));
}

void tst_Reconstruction::refinementLowersEveryLayersError()
{
    models::ModelPtr student = quantizedStudent(teacher_, 3);
    const data::DatasetPtr test = data::openDataset(data::datasetRequestFor("fashion-mnist", "test", teacher_->info()));
    const double before = engine::evaluate(*student, *test, torch::kCPU, 500, 2000).top1;

    engine::ReconstructionConfig config;   // the defaults, as `--refine adaround` runs
    const engine::ReconstructionResult r =
        engine::runReconstruction(*teacher_, *student, calibration_, config, torch::kCPU);
    QCOMPARE(r.layers.size(), student->quantLayers().size());
    double undecided = 0;
    for (const auto& l : r.layers) {
        qInfo("%s: %.5f -> %.5f, undecided %.3f", l.layer.c_str(), l.mseBefore, l.mseAfter, l.undecided);
        QVERIFY2(l.mseAfter <= l.mseBefore * 1.02, l.layer.c_str());
        undecided += l.undecided / static_cast<double>(r.layers.size());
    }
    // With 500 steps a share of the variables is still soft when the hard
    // decision is taken (BRECQ runs 20 000); the decision never raised a
    // layer's error above round-to-nearest's (checked above).
    QVERIFY2(undecided < 0.5, std::to_string(undecided).c_str());
    const double after = engine::evaluate(*student, *test, torch::kCPU, 500, 2000).top1;
    qInfo("W3A3 top-1 on 2000 test images: min/max %.2f %%, refined %.2f %%", before, after);
    QVERIFY(after > before);

    // The refined ranges and rounding are part of the checkpoint.
    QTemporaryDir tmp;
    const std::string file = tmp.filePath("refined.zsq").toStdString();
    io::saveCheckpoint(file, *student);
    models::ModelPtr back = io::loadModel(file).model;
    torch::NoGradGuard noGrad;
    QVERIFY(back->quantLayers()[0].setting().fixedRange());
    QVERIFY(torch::equal(back->forward(calibration_.slice(0, 0, 16)), student->forward(calibration_.slice(0, 0, 16))));
}

void tst_Reconstruction::cancelStopsRefinement()
{
    models::ModelPtr student = quantizedStudent(teacher_, 4);
    CancelToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, engine::runReconstruction(*teacher_, *student, calibration_, {}, torch::kCPU,
                                                                  nullSink(), &cancel));
}

// fakeQuantizeLearned: the forward values are fakeQuantize's; the gradients
// equal central differences of the straight-through surrogate (every
// round() replaced by its argument plus the rounding error at the point,
// held fixed), and have LSQ's shape: d/dx 1 inside the range and 0 outside,
// an element clamped at the top moves only hi, one at the bottom only lo.
void tst_Reconstruction::learnedRangeGradients()
{
    const auto dbl = torch::TensorOptions().dtype(torch::kDouble);
    torch::manual_seed(3);
    const int bits = 3;
    const double half = 4, levels = 7;
    torch::Tensor x = (torch::randn({400}, dbl) * 1.5).set_requires_grad(true);
    const torch::Tensor w = torch::randn({400}, dbl);
    torch::Tensor lo = torch::tensor(-1.3, dbl).set_requires_grad(true);
    torch::Tensor hi = torch::tensor(2.1, dbl).set_requires_grad(true);
    const torch::Tensor y = quant::fakeQuantizeLearned(x, lo, hi, bits);
    QVERIFY(torch::equal(y.detach(), quant::fakeQuantize(x.detach(), lo.detach(), hi.detach(), bits)));
    (w * y).sum().backward();

    // The surrogate with the rounding errors of (lo0, hi0) held fixed.
    const double lo0 = lo.item<double>(), hi0 = hi.item<double>();
    const torch::Tensor xd = x.detach();
    const double s0 = levels / (hi0 - lo0);
    const double zpErr = std::round(s0 * lo0) - s0 * lo0;
    const double zp0 = std::round(s0 * lo0) + half;
    const torch::Tensor rounded0 = torch::round(s0 * xd - zp0);
    const torch::Tensor qErr = rounded0 - (s0 * xd - zp0);
    // clamp() passes the gradient where its input lies in [min, max], ends
    // included (an element rounded onto the top level is on the kink of the
    // clamp, so the branch is held fixed as well).
    const torch::Tensor inRange = (rounded0 >= -half) & (rounded0 <= half - 1);
    const torch::Tensor clamped0 = torch::clamp(rounded0, -half, half - 1);
    auto surrogate = [&](double l, double h) {
        const double s = levels / (h - l);
        const double zp = s * l + zpErr + half;
        const torch::Tensor q = torch::where(inRange, s * xd - zp + qErr, clamped0);
        return (w * (q + zp) / s).sum().item<double>();
    };
    const double eps = 1e-6;
    const double dLo = (surrogate(lo0 + eps, hi0) - surrogate(lo0 - eps, hi0)) / (2 * eps);
    const double dHi = (surrogate(lo0, hi0 + eps) - surrogate(lo0, hi0 - eps)) / (2 * eps);
    qInfo("d/dlo autograd %.6f, finite differences %.6f; d/dhi %.6f, %.6f", lo.grad().item<double>(), dLo,
          hi.grad().item<double>(), dHi);
    QVERIFY(std::abs(lo.grad().item<double>() - dLo) < 1e-5 * (1 + std::abs(dLo)));
    QVERIFY(std::abs(hi.grad().item<double>() - dHi) < 1e-5 * (1 + std::abs(dHi)));

    // LSQ's shape, one element at a time (inside and outside the grid,
    // which the rounded zero point shifts a little against [lo, hi]).
    const torch::Tensor inside = (rounded0 > -half) & (rounded0 < half - 1);
    QVERIFY(torch::allclose(x.grad().masked_select(inside), w.masked_select(inside)));
    const torch::Tensor outside = ~inRange;
    QVERIFY(inside.sum().item<int>() > 100 && outside.sum().item<int>() > 20);
    QCOMPARE(x.grad().masked_select(outside).abs().max().item<double>(), 0.0);
    for (double v : {5.0, -4.0}) {
        torch::Tensor l = torch::tensor(lo0, dbl).set_requires_grad(true);
        torch::Tensor h = torch::tensor(hi0, dbl).set_requires_grad(true);
        quant::fakeQuantizeLearned(torch::tensor(v, dbl), l, h, bits).backward();
        // The top level is hi and the bottom one lo, up to the zero point's
        // rounding error e (in levels): hi + e (hi - lo) / 7, lo + e (hi - lo) / 7.
        const double e = zpErr / levels;
        QVERIFY(std::abs(l.grad().item<double>() - (v > 0 ? -e : 1 - e)) < 1e-12);
        QVERIFY(std::abs(h.grad().item<double>() - (v > 0 ? 1 + e : e)) < 1e-12);
    }
    QVERIFY_THROWS_EXCEPTION(InputError, quant::fakeQuantizeLearned(xd, lo, hi, 9));
}

void tst_Reconstruction::blocksFollowTheModulePaths()
{
    QCOMPARE(engine::blockOfLayer("layer1.0.conv1"), std::string("layer1.0"));
    QCOMPARE(engine::blockOfLayer("layer3.1.downsample.0"), std::string("layer3.1"));
    QCOMPARE(engine::blockOfLayer("features.stage2.unit1.body.conv2.conv"), std::string("features.stage2.unit1"));
    QCOMPARE(engine::blockOfLayer("features.3.conv.0.0"), std::string("features.3"));
    QCOMPARE(engine::blockOfLayer("conv1"), std::string("conv1"));
    QCOMPARE(engine::blockOfLayer("features.init_block.conv.conv"), std::string("features.init_block.conv.conv"));
    QCOMPARE(engine::blockOfLayer("output"), std::string("output"));

    models::ModelPtr student = quantizedStudent(teacher_, 4);
    const auto blocks = engine::findBlocks(*student, calibration_.slice(0, 0, 2));
    std::vector<int> layerCount(student->quantLayers().size(), 0), actCount(student->actQuants().size(), 0);
    QString listing;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        listing += QString::fromStdString(blocks[b].name) + ":" + QString::number(blocks[b].layers.size()) + "/" +
                   QString::number(blocks[b].activations.size()) + " ";
        for (std::size_t l : blocks[b].layers) {
            ++layerCount[l];
            QCOMPARE(engine::blockOfLayer(student->quantLayers()[l].name), blocks[b].name);
        }
        for (std::size_t a : blocks[b].activations)
            ++actCount[a];
        // A block hands its output to the next block's first layer; the
        // last one's output is the logits.
        if (b + 1 < blocks.size())
            QCOMPARE(blocks[b].next, blocks[b + 1].layers.front());
        else
            QCOMPARE(blocks[b].next, static_cast<std::size_t>(-1));
    }
    qInfo("blocks: %s", qPrintable(listing));
    // Stem, three residual units, classifier.
    QCOMPARE(blocks.size(), std::size_t(5));
    QCOMPARE(blocks[1].name, std::string("features.stage1.unit1"));
    for (int c : layerCount)
        QCOMPARE(c, 1);
    for (int c : actCount)
        QCOMPARE(c, 1);
}

void tst_Reconstruction::blockReconstructionLowersEveryBlocksError()
{
    models::ModelPtr student = quantizedStudent(teacher_, 3);
    const data::DatasetPtr test = data::openDataset(data::datasetRequestFor("fashion-mnist", "test", teacher_->info()));
    const double before = engine::evaluate(*student, *test, torch::kCPU, 500, 2000).top1;
    engine::ReconstructionConfig config;
    config.blocks = true;
    config.iterations = 300;
    const engine::ReconstructionResult r =
        engine::runReconstruction(*teacher_, *student, calibration_, config, torch::kCPU);
    QCOMPARE(r.layers.size(), std::size_t(5));
    double undecided = 0;
    for (const auto& b : r.layers) {
        qInfo("%s: %.5f -> %.5f, undecided %.3f", b.layer.c_str(), b.mseBefore, b.mseAfter, b.undecided);
        QVERIFY2(b.mseAfter < b.mseBefore, b.layer.c_str());
        undecided += b.undecided / static_cast<double>(r.layers.size());
    }
    // AdaRound's regulariser drove most rounding variables to 0 or 1.
    QVERIFY2(undecided < 0.3, std::to_string(undecided).c_str());
    const double after = engine::evaluate(*student, *test, torch::kCPU, 500, 2000).top1;
    qInfo("W3A3 top-1 on 2000 test images: min/max %.2f %%, block-refined %.2f %%", before, after);
    QVERIFY(after > before + 5);
    for (auto& l : student->quantLayers())
        QVERIFY(!l.setting().trainingWeight.defined());
    for (auto& a : student->actQuants())
        QVERIFY(!a.act->learnedLo.defined() && a.act->dropProbability == 0);
    // Every parameter can learn again (the refinement froze them meanwhile).
    for (const auto& p : student->parameters())
        QVERIFY(p.requires_grad());
}

// A sink that cancels after the first loss report of the second block.
namespace {
class CancelInSecondBlock : public EventSink {
public:
    explicit CancelInSecondBlock(CancelToken& token) : token_(token) {}
    void onLosses(std::int64_t step, const std::map<std::string, double>&) override
    {
        if (step >= 20)
            token_.cancel();
    }

private:
    CancelToken& token_;
};
} // namespace

void tst_Reconstruction::cancelInBlockLeavesAPlainModel()
{
    models::ModelPtr student = quantizedStudent(teacher_, 4);
    engine::ReconstructionConfig config;
    config.blocks = true;
    config.iterations = 20;
    CancelToken cancel;
    CancelInSecondBlock sink(cancel);
    QVERIFY_THROWS_EXCEPTION(Cancelled, engine::runReconstruction(*teacher_, *student, calibration_, config,
                                                                  torch::kCPU, sink, &cancel));
    for (auto& l : student->quantLayers())
        QVERIFY(!l.setting().trainingWeight.defined());
    for (auto& a : student->actQuants())
        QVERIFY(!a.act->learnedLo.defined() && !a.act->learnedHi.defined() && a.act->dropProbability == 0);
    for (const auto& p : student->parameters())
        QVERIFY(p.requires_grad());
    torch::NoGradGuard noGrad;
    QVERIFY(student->forward(calibration_.slice(0, 0, 4)).isfinite().all().item<bool>());
}

namespace {
// Cancels when the given number of blocks have reported their end (their
// refine.ckpt is written before the next block looks at the token).
class CancelAfterBlocks : public EventSink {
public:
    CancelAfterBlocks(CancelToken& token, int blocks) : token_(token), blocks_(blocks) {}
    void onMessage(LogLevel, const std::string& text) override
    {
        if (text.rfind("refine block ", 0) == 0 && ++seen_ == blocks_)
            token_.cancel();
    }

private:
    CancelToken& token_;
    int blocks_;
    int seen_ = 0;
};

bool sameState(models::ZooModelImpl& a, models::ZooModelImpl& b)
{
    const io::TensorMap sa = io::stateDict(a), sb = io::stateDict(b);
    if (sa.size() != sb.size())
        return false;
    for (const auto& [key, t] : sa)
        if (!sb.count(key) || !torch::equal(t, sb.at(key)))
            return false;
    return quant::quantStateToJson(a) == quant::quantStateToJson(b);
}
} // namespace

void tst_Reconstruction::resumeAfterABlockIsBitExact()
{
    QTemporaryDir dir;
    const std::string ckpt = dir.filePath("refine.ckpt").toStdString();
    engine::ReconstructionConfig config;
    config.blocks = true;
    config.iterations = 20;
    config.qdrop = 0.5; // random draws in every step: the random state must carry over
    config.checkpointPath = ckpt;

    torch::manual_seed(7);
    models::ModelPtr whole = quantizedStudent(teacher_, 3);
    const engine::ReconstructionResult full =
        engine::runReconstruction(*teacher_, *whole, calibration_, config, torch::kCPU);
    QVERIFY(full.layers.size() > 2);

    std::filesystem::remove(ckpt);
    torch::manual_seed(7);
    models::ModelPtr parted = quantizedStudent(teacher_, 3);
    CancelToken cancel;
    CancelAfterBlocks sink(cancel, 2);
    QVERIFY_THROWS_EXCEPTION(Cancelled, engine::runReconstruction(*teacher_, *parted, calibration_, config,
                                                                  torch::kCPU, sink, &cancel));
    QVERIFY(engine::isRefineCheckpoint(ckpt));

    // A fresh student (min/max ranges, plain weights) and another random
    // state: the checkpoint gives back both blocks' results and the rest.
    torch::manual_seed(12345);
    models::ModelPtr resumed = quantizedStudent(teacher_, 3);
    config.resumePath = ckpt;
    const engine::ReconstructionResult rest =
        engine::runReconstruction(*teacher_, *resumed, calibration_, config, torch::kCPU);
    QCOMPARE(rest.layers.size(), full.layers.size());
    for (std::size_t i = 0; i < full.layers.size(); ++i) {
        QCOMPARE(rest.layers[i].layer, full.layers[i].layer);
        QCOMPARE(rest.layers[i].mseAfter, full.layers[i].mseAfter);
    }
    QVERIFY(sameState(*resumed, *whole));
    torch::NoGradGuard noGrad;
    QVERIFY(torch::equal(resumed->forward(calibration_), whole->forward(calibration_)));

    // Other settings or other calibration images are refused, naming them.
    models::ModelPtr other = quantizedStudent(teacher_, 3);
    engine::ReconstructionConfig changed = config;
    changed.iterations = 21;
    try {
        engine::runReconstruction(*teacher_, *other, calibration_, changed, torch::kCPU);
        QFAIL("a refinement checkpoint of other settings was accepted");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("iterations 20 (this run: 21)") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find(ckpt) == 0, e.what());
    }
    try {
        engine::runReconstruction(*teacher_, *other, calibration_ * 0.5, config, torch::kCPU);
        QFAIL("a refinement checkpoint of other calibration images was accepted");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("calibration.checksum") != std::string::npos, e.what());
    }
    QVERIFY(!engine::isRefineCheckpoint(io::demoModelPath()));
}

// GENIE-M's learned weight steps (refine.weight_lr): every refined weight
// lies on the grid of its layer's (moved) fixed range, so a checkpoint
// reproduces it, and the ranges did move.
void tst_Reconstruction::learnedWeightStepsStayOnTheirGrid()
{
    models::ModelPtr student = quantizedStudent(teacher_, 3);
    engine::ReconstructionConfig config;
    config.blocks = true;
    config.iterations = 100;
    config.weightLr = 1e-3;
    torch::manual_seed(3);
    const engine::ReconstructionResult r =
        engine::runReconstruction(*teacher_, *student, calibration_, config, torch::kCPU);
    // (Whether it lowers the error is measured on the validation split,
    // docs/results.md; 100 steps are too few to decide every rounding.)
    for (const auto& b : r.layers)
        qInfo("%s: %.5f -> %.5f, undecided %.3f", b.layer.c_str(), b.mseBefore, b.mseAfter, b.undecided);
    models::ModelPtr searched = quantizedStudent(teacher_, 3);
    engine::ReconstructionConfig rangesOnly = config;
    rangesOnly.adaround = false;
    rangesOnly.blocks = false;
    engine::runReconstruction(*teacher_, *searched, calibration_, rangesOnly, torch::kCPU);
    double moved = 0;
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < student->quantLayers().size(); ++i) {
        auto& layer = student->quantLayers()[i];
        const auto& s = layer.setting();
        QVERIFY(s.fixedRange());
        const torch::Tensor w = layer.weight();
        const torch::Tensor again = quant::fakeQuantizeWeightInRange(w, s.lo, s.hi, s.bits);
        QVERIFY2((again - w).abs().max().item<double>() <= 1e-6 * w.abs().max().item<double>(), layer.name.c_str());
        moved = std::max(moved, (s.hi - searched->quantLayers()[i].setting().hi).abs().max().item<double>());
    }
    QVERIFY2(moved > 1e-4, std::to_string(moved).c_str());
}

QTEST_GUILESS_MAIN(tst_Reconstruction)
#include "tst_reconstruction.moc"
