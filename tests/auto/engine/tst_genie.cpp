// GENIE's distillation (method genie): the distilled images match the
// teacher's BatchNorm statistics far better than where they started, swing
// convolution shifts a strided convolution's input only while it is on,
// cancel stops distillation, and a tiny genie job writes a brecq-refined
// quantized model.
#include <torch/torch.h>

#include "common/runtime.h"
#include "config/method_defaults.h"
#include "config/run_config.h"
#include "engine/genie_distill.h"
#include "engine/quantization_job.h"
#include "io/model_file.h"
#include "models/quant_layers.h"
#include "models/swing_convolution.h"
#include "zsq_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace zsq;

namespace {

// Cancels once `stopAt` steps have reported their loss.
class CancelAt : public EventSink {
public:
    CancelAt(CancelToken& token, std::int64_t stopAt) : token_(token), stopAt_(stopAt) {}
    void onLosses(std::int64_t iteration, const std::map<std::string, double>&) override
    {
        lastIteration = iteration;
        if (iteration >= stopAt_)
            token_.cancel();
    }
    std::int64_t lastIteration = -1;

private:
    CancelToken& token_;
    std::int64_t stopAt_;
};

// The 9 crops of x reflection-padded by 1 that a 1-pixel swing can give.
std::vector<torch::Tensor> swingCandidates(const torch::Tensor& x)
{
    const torch::Tensor padded = torch::reflection_pad2d(x, {1, 1, 1, 1});
    std::vector<torch::Tensor> out;
    for (int dy = 0; dy < 3; ++dy)
        for (int dx = 0; dx < 3; ++dx)
            out.push_back(padded.slice(2, dy, dy + x.size(2)).slice(3, dx, dx + x.size(3)));
    return out;
}

} // namespace

class TestGenie : public QObject {
    Q_OBJECT

private:
    models::ModelPtr teacher;

private slots:
    void initTestCase()
    {
        // One thread: on a busy 2-core machine OpenMP's barriers can stall a
        // second thread for seconds; the figures below do not depend on it.
        configureThreads(1);
        teacher = io::loadModel(io::demoModelPath()).model;
    }

    void distilledBatchMatchesBnStatistics()
    {
        torch::manual_seed(0);
        engine::GenieConfig c;
        c.samples = 16;
        c.batchSize = 8; // two batches, each its own generator
        c.iterations = 30;
        engine::GenieStats stats;
        const torch::Tensor images = engine::distillGenie(*teacher, c, torch::kCPU, nullSink(), nullptr, &stats);
        const models::ModelInfo& info = teacher->info();
        QCOMPARE(images.sizes().vec(), (std::vector<std::int64_t>{16, info.inChannels, info.inputSize, info.inputSize}));
        QVERIFY(images.device().is_cpu());
        QVERIFY(torch::isfinite(images).all().item<bool>());
        qInfo("GENIE loss: first step %.4f, last step %.4f", stats.initialLoss, stats.finalLoss);
        QVERIFY2(stats.finalLoss < 0.25 * stats.initialLoss, "the BN-statistics loss did not fall well below its start");
        // Measured again here without swing: the returned images, not just
        // the reported number, match the statistics; Gaussian noise (ZeroQ's
        // starting point) does far worse.
        torch::NoGradGuard noGrad;
        const double distilled = engine::genieLoss(*teacher, images.slice(0, 0, 8)).item<double>();
        const double noise = engine::genieLoss(*teacher, torch::randn_like(images.slice(0, 0, 8))).item<double>();
        qInfo("GENIE loss without swing: distilled %.4f, N(0,1) noise %.4f", distilled, noise);
        QVERIFY(distilled < 0.25 * noise);
        QVERIFY(distilled < 0.5 * stats.initialLoss);
        // The teacher's parameters want gradients again afterwards.
        for (const auto& p : teacher->parameters())
            QVERIFY(p.requires_grad());
    }

    void swingShiftsOnlyWhileEnabled()
    {
        torch::manual_seed(1);
        models::QConv2d strided(models::Conv2dSpec{3, 4, 3, 2, 1});
        models::QConv2d plain(models::Conv2dSpec{3, 4, 3, 1, 1});
        const torch::Tensor x = torch::randn({2, 3, 9, 9});
        torch::NoGradGuard noGrad;
        const torch::Tensor before = strided->forward(x), plainBefore = plain->forward(x);
        QVERIFY(models::SwingConvolution::shiftInput(x, 2).is_same(x)); // off: the same tensor
        int shifted = 0;
        {
            const models::SwingConvolution swing(1);
            for (int i = 0; i < 30; ++i) {
                // Every shifted input is one of the reflection-padded crops.
                const torch::Tensor in = models::SwingConvolution::shiftInput(x, 2);
                bool known = false;
                for (const torch::Tensor& crop : swingCandidates(x))
                    known = known || torch::equal(in, crop);
                QVERIFY(known);
                if (!torch::equal(strided->forward(x), before))
                    ++shifted;
                QVERIFY(torch::equal(plain->forward(x), plainBefore)); // stride 1: never
            }
        }
        // 30 draws, each the centre with probability 1/9.
        QVERIFY2(shifted >= 15, qPrintable(QString::number(shifted)));
        // Once the scope ends, the layer is the plain convolution again.
        for (int i = 0; i < 5; ++i)
            QVERIFY(torch::equal(strided->forward(x), before));
    }

    void cancelStopsDistillation()
    {
        engine::GenieConfig c;
        c.samples = 8;
        c.batchSize = 8;
        c.iterations = 1000;
        CancelToken token;
        CancelAt sink(token, 20);
        QVERIFY_EXCEPTION_THROWN(engine::distillGenie(*teacher, c, torch::kCPU, sink, &token), Cancelled);
        // Stopped at the next step's checkpoint: the losses are reported
        // every 10 steps, so nothing past step 30 was reported.
        QVERIFY(sink.lastIteration >= 20 && sink.lastIteration < 30);
        for (const auto& p : teacher->parameters())
            QVERIFY(p.requires_grad());
    }

    void genieRefinesWithBrecqUnlessGiven()
    {
        nlohmann::json cfg = config::resolveRunConfig({{"method", "genie"}});
        config::applyMethodDefaults(cfg, config::keysGiven({{"method", "genie"}}));
        QCOMPARE(QString::fromStdString(cfg["refine"]["method"].get<std::string>()), QStringLiteral("brecq"));
        const nlohmann::json user = {{"method", "genie"}, {"refine", {{"method", "none"}}}};
        cfg = config::resolveRunConfig(user);
        config::applyMethodDefaults(cfg, config::keysGiven(user));
        QCOMPARE(QString::fromStdString(cfg["refine"]["method"].get<std::string>()), QStringLiteral("none"));
        // Other methods keep the schema's default.
        cfg = config::resolveRunConfig({{"method", "ptq"}});
        config::applyMethodDefaults(cfg, {"method"});
        QCOMPARE(QString::fromStdString(cfg["refine"]["method"].get<std::string>()), QStringLiteral("none"));
    }

    void tinyGenieJobWritesARefinedModel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string out = dir.filePath("genie").toStdString();
        const nlohmann::json user = {{"method", "genie"},
                                     {"dataset", "none"},
                                     {"device", "cpu"},
                                     {"threads", 1},
                                     {"output", out},
                                     {"genie", {{"samples", 12}, {"batch_size", 8}, {"iterations", 3}}},
                                     {"refine", {{"iterations", 3}, {"batch_size", 4}}}};
        const engine::JobOutcome outcome = engine::runQuantizationJob(config::resolveRunConfig(user), config::keysGiven(user));
        QVERIFY(!outcome.cancelled);
        QVERIFY(QFile::exists(QString::fromStdString(out + "/quantized.zsq")));
        std::ifstream in(out + "/result.json");
        QVERIFY(in.good());
        const nlohmann::json result = nlohmann::json::parse(in);
        QCOMPARE(QString::fromStdString(result["method"].get<std::string>()), QStringLiteral("genie"));
        QCOMPARE(QString::fromStdString(result["refine"].get<std::string>()), QStringLiteral("brecq"));
        QCOMPARE(result["details"]["distilled"].get<std::int64_t>(), std::int64_t(12));
        QCOMPARE(result["details"]["refine"]["samples"].get<std::int64_t>(), std::int64_t(12));
        // The checkpoint reads back as a quantized model.
        QVERIFY(io::loadModel(out + "/quantized.zsq").model != nullptr);
    }
};

QTEST_GUILESS_MAIN(TestGenie)
#include "tst_genie.moc"
