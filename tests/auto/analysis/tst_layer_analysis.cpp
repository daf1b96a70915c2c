// Per-layer analysis and mixed-precision bit allocation on the demo model and
// real Fashion-MNIST: layer outputs recorded in order, the knapsack against
// brute force, the figures' invariants, before/after states, zero-shot
// (distilled) data, and prompt cancellation.
#include <cmath>
#include <random>
#include <set>

#include "analysis/bit_allocation.h"
#include "analysis/layer_analysis.h"
#include "common/cancel.h"
#include "common/runtime.h"
#include "engine/quantization_job.h"
#include "config/run_config.h"
#include "io/model_file.h"
#include "models/zoo.h"
#include "zsq_test_util.h"

using namespace zsq;
using namespace zsq::analysis;

namespace {

class CancelOnProgress : public EventSink {
public:
    explicit CancelOnProgress(CancelToken& t) : token(t) {}
    void onProgress(const ProgressInfo& p) override
    {
        if (p.stage == "per-layer analysis" && p.current >= 3)
            token.cancel();
    }
    CancelToken& token;
};

} // namespace

class TestLayerAnalysis : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureThreads(0); }

    void recorderSeesEveryLayerInForwardOrder()
    {
        io::LoadedModel m = io::loadModel(io::demoModelPath());
        auto& layers = m.model->quantLayers();
        torch::NoGradGuard g;
        models::LayerOutputRecorder outer;
        {
            models::LayerOutputRecorder inner;
            m.model->forward(torch::randn({2, 1, 28, 28}));
            QCOMPARE(inner.outputs.size(), layers.size());
            // conv1 first, the classifier last with one logit per class.
            QCOMPARE(inner.outputs.front().first, static_cast<const torch::nn::Module*>(layers.front().conv));
            QCOMPARE(inner.outputs.back().second.sizes(), torch::IntArrayRef({2, 10}));
        }
        QVERIFY(outer.outputs.empty());  // the inner recorder had it all
        m.model->forward(torch::randn({1, 1, 28, 28}));
        QCOMPARE(outer.outputs.size(), layers.size());  // restored after the inner one
    }

    void knapsackMatchesBruteForce()
    {
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> u(0, 1);
        const std::vector<int> cands{2, 3, 4, 8};
        for (int trial = 0; trial < 20; ++trial) {
            std::vector<LayerCost> layers(6);
            for (auto& l : layers) {
                l.parameters = 100 + static_cast<std::int64_t>(u(rng) * 5000);
                double s = u(rng);
                for (int b : cands) {
                    l.sensitivity[b] = s;  // decreasing with bits
                    s *= 0.3 + 0.4 * u(rng);
                }
            }
            const double budget = 2.5 + 2.5 * u(rng);
            const BitAllocation a = allocateBits(layers, budget);
            QVERIFY(a.averageBits <= budget + 1e-9);
            // Brute force over all 4^6 choices under a budget 0.1 % tighter
            // (the DP rounds sizes up to 1/20000 of the budget).
            double bestTight = 1e300;
            double total = 0;
            for (const auto& l : layers)
                total += double(l.parameters);
            for (int code = 0; code < 4096; ++code) {
                double bits = 0, s = 0;
                for (int l = 0, c = code; l < 6; ++l, c /= 4) {
                    bits += double(layers[l].parameters) * cands[c % 4];
                    s += layers[l].sensitivity.at(cands[c % 4]);
                }
                if (bits / total <= budget * 0.999)
                    bestTight = std::min(bestTight, s);
            }
            QVERIFY2(a.sensitivity <= bestTight + 1e-12,
                     qPrintable(QString("%1 > %2").arg(a.sensitivity).arg(bestTight)));
        }
        std::string msg;
        ZSQ_EXPECT_INPUT_ERROR(allocateBits({{1000, {{2, 1.0}, {4, 0.1}}}}, 1.5), msg);
    }

    void figuresOnTheDemoModelAtW4A4()
    {
        LayerAnalysisConfig c;
        c.limit = 500;
        c.candidateBits = {2, 4, 8};
        c.device = "cpu";
        const LayerAnalysisResult r = runLayerAnalysis(c);
        QCOMPARE(r.states.size(), std::size_t(1));
        QVERIFY(r.realLabels);
        // What it was measured on, as fields a front end can translate, and
        // the sensitivities never on the test split.
        QCOMPARE(r.dataSource.dataset, std::string("fashion-mnist"));
        QCOMPARE(r.dataSource.split, std::string("test"));
        QCOMPARE(r.dataSource.samples, std::int64_t(500));
        QCOMPARE(r.sensitivitySource.split, std::string(kSensitivitySplit));
        QVERIFY(r.sensitivitySource.samples > 0);
        const EvalDataSource back = EvalDataSource::fromJson(r.toJson().at("data_source"));
        QCOMPARE(back.dataset, r.dataSource.dataset);
        QCOMPARE(back.samples, r.dataSource.samples);
        const LayerStateReport& s = r.states[0];
        io::LoadedModel m = io::loadModel(io::demoModelPath());
        QCOMPARE(s.layers.size(), m.model->quantLayers().size());
        QVERIFY(s.fpTop1 > 88);
        QVERIFY(s.quantTop1 < s.fpTop1);
        for (std::size_t i = 0; i < s.layers.size(); ++i) {
            const LayerFigures& l = s.layers[i];
            QCOMPARE(QString::fromStdString(l.name), QString::fromStdString(m.model->quantLayers()[i].name));
            QCOMPARE(l.bits, 4);
            QVERIFY(std::abs(l.singleTop1 - s.fpTop1) < 5);
            QVERIFY(l.sqnrDb > 0 && std::isfinite(l.sqnrDb));
            QVERIFY(l.cosine > 0.5 && l.cosine <= 1.0 + 1e-9);
            // Fewer bits, more damage.
            QVERIFY2(l.sensitivity.at(2) > l.sensitivity.at(4) && l.sensitivity.at(4) > l.sensitivity.at(8),
                     l.name.c_str());
            QVERIFY(l.sensitivity.at(8) < 1e-3);
        }
        // Cumulative with every layer = all weights quantized, activations
        // float: between the fully quantized model and float.
        QVERIFY(s.layers.back().cumulativeTop1 >= s.quantTop1);
        QVERIFY(s.layers.back().cumulativeTop1 <= s.fpTop1 + 1);

        // At 8 bits everything is nearly lossless.
        c.wbits = c.abits = 8;
        c.sensitivity = false;
        const LayerAnalysisResult r8 = runLayerAnalysis(c);
        QVERIFY(std::abs(r8.states[0].quantTop1 - r8.states[0].fpTop1) < 1.0);
    }

private:
    // Runs a tiny PTQ (5 distillation steps, activations at 8 bits) with the
    // given keys on top, then analyses its quantized.zsq against the FP
    // model on 250 test images (no sensitivities).
    static LayerAnalysisResult analyseTinyPtqRun(const nlohmann::json& keys)
    {
        QTemporaryDir dir;
        nlohmann::json user = {{"method", "ptq"},
                               {"abits", 8},
                               {"output", dir.filePath("run").toStdString()},
                               {"ptq", {{"iterations", 5}, {"batch_size", 16}}}};
        user.update(keys);
        const nlohmann::json cfg = config::resolveRunConfig(user);
        engine::runQuantizationJob(cfg, config::keysGiven(user));
        LayerAnalysisConfig c;
        c.quantized = dir.filePath("run/quantized.zsq").toStdString();
        c.limit = 250;
        c.sensitivity = false;
        c.device = "cpu";
        return runLayerAnalysis(c);
    }

private slots:
    void beforeAndAfterAFineTunedCheckpoint()
    {
        // A tiny PTQ run (mixed bits) makes the "after" checkpoint.
        const LayerAnalysisResult r = analyseTinyPtqRun({{"wbits", 4}, {"layer_bits", {{"output", 8}}}});
        QCOMPARE(r.states.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(r.states[1].state), QStringLiteral("after"));
        // Both states at the checkpoint's bit widths (4, and 8 for the classifier).
        for (const auto& s : r.states) {
            QCOMPARE(s.layers.back().bits, 8);
            QCOMPARE(s.layers.front().bits, 4);
        }
        QCOMPARE(r.states[0].fpTop1, r.states[1].fpTop1);
    }

    // A checkpoint refined with learned rounding holds its weights already
    // rounded; the layers the analysis keeps in float must then get the FP
    // model's weights, or every "after" single/cumulative row has all
    // weights quantized and the columns come out flat.
    void afterACheckpointWithRoundedWeights()
    {
        const LayerAnalysisResult r = analyseTinyPtqRun(
            {{"wbits", 3},
             {"refine", {{"method", "brecq"}, {"samples", 16}, {"iterations", 10}, {"batch_size", 8}}}});
        QCOMPARE(r.states.size(), std::size_t(2));
        const LayerStateReport& after = r.states[1];
        std::set<double> singles;
        QString row;
        for (const auto& l : after.layers) {
            singles.insert(l.singleTop1);
            row += QString::number(l.singleTop1) + " ";
        }
        qInfo("after, single: %s; cumulative (all weights) %.2f", qPrintable(row), after.layers.back().cumulativeTop1);
        QVERIFY2(singles.size() > 1, qPrintable(row));
        // One layer at 3 bits costs no more than all of them.
        QVERIFY(after.layers.front().singleTop1 >= after.layers.back().cumulativeTop1 - 0.5);
    }

    void zeroShotDataMeasuresAgreementWithTheTeacher()
    {
        LayerAnalysisConfig c;
        c.dataset = "none";
        c.distillSamples = 32;
        c.distillIterations = 20;
        c.candidateBits = {2, 8};
        c.device = "cpu";
        const LayerAnalysisResult r = runLayerAnalysis(c);
        QVERIFY(!r.realLabels);
        QCOMPARE(r.samples, std::int64_t(32));
        QCOMPARE(r.dataSource.dataset, std::string("none"));
        QCOMPARE(r.dataSource.samples, std::int64_t(32));
        QCOMPARE(r.states[0].fpTop1, 100.0);  // the teacher agrees with itself
    }

    void cancellationReturnsPromptly()
    {
        CancelToken token;
        CancelOnProgress sink(token);
        LayerAnalysisConfig c;
        c.limit = 2000;
        c.batch = 100;
        c.device = "cpu";
        QElapsedTimer t;
        t.start();
        bool cancelled = false;
        try {
            runLayerAnalysis(c, sink, &token);
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
    }

    void badInput()
    {
        std::string msg;
        LayerAnalysisConfig c;
        c.candidateBits = {1, 4};
        ZSQ_EXPECT_INPUT_ERROR(runLayerAnalysis(c), msg);
        c.candidateBits = {4};
        c.wbits = 1;
        ZSQ_EXPECT_INPUT_ERROR(runLayerAnalysis(c), msg);
        c.wbits = 4;
        c.dataset = "/no/such/dataset";
        ZSQ_EXPECT_INPUT_ERROR(runLayerAnalysis(c), msg);
    }
};

QTEST_GUILESS_MAIN(TestLayerAnalysis)
#include "tst_layer_analysis.moc"
