// The shipped demo model: it loads, reaches its recorded accuracy on the real
// Fashion-MNIST test set, and ZeroQ-style PTQ at W8A8 stays within a point.
#include <torch/torch.h>

#include "common/runtime.h"
#include "data/dataset_registry.h"
#include "engine/evaluate.h"
#include "engine/ptq.h"
#include "io/model_file.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"
#include "zsq_test_util.h"

#include <QtTest>

class TestDemoModel : public QObject {
    Q_OBJECT

private:
    zsq::io::LoadedModel demo;
    zsq::data::DatasetPtr test;
    double fpTop1 = 0;

private slots:
    void initTestCase()
    {
        zsq::configureThreads(0);
        zsq::seedEverything(0);
        demo = zsq::io::loadModel(zsq::io::demoModelPath());
        test = zsq::data::openDataset({"fashion-mnist", "test", 0});
    }

    void reachesRecordedAccuracy()
    {
        QCOMPARE(QString::fromStdString(demo.model->info().arch), QString("fmnist"));
        const double recorded = demo.meta.at("training").at("test_top1").get<double>();
        QVERIFY2(recorded >= 91.0, qPrintable(QString("recorded accuracy %1").arg(recorded)));
        const zsq::engine::EvalResult r = zsq::engine::evaluate(*demo.model, *test, torch::kCPU);
        fpTop1 = r.top1;
        QCOMPARE(r.total, 10000);
        QVERIFY2(std::abs(r.top1 - recorded) < 0.05,
                 qPrintable(QString("measured %1 %, recorded %2 %").arg(r.top1).arg(recorded)));
    }

    void cloneIsExact()
    {
        zsq::models::ModelPtr copy = zsq::models::cloneModel(*demo.model);
        torch::Tensor x = torch::randn({4, 1, 28, 28});
        torch::NoGradGuard noGrad;
        QCOMPARE(zsq::test::maxAbsDiff(copy->forward(x), demo.model->forward(x)), 0.0);
    }

    void ptqW8A8WithinOnePoint()
    {
        QVERIFY(fpTop1 > 0);
        zsq::models::ModelPtr student = zsq::models::cloneModel(*demo.model);
        zsq::quant::QuantConfig qc;
        qc.wbits = 8;
        qc.abits = 8;
        zsq::engine::PtqConfig pc;
        pc.batchSize = 32;
        pc.iterations = 150; // the full 500 are not needed to calibrate 8-bit ranges
        const zsq::engine::PtqResult r = zsq::engine::runPtq(*demo.model, *student, qc, pc, torch::kCPU);
        QVERIFY2(r.finalLoss < r.initialLoss / 4,
                 qPrintable(QString("distillation loss %1 -> %2").arg(r.initialLoss).arg(r.finalLoss)));
        const zsq::engine::EvalResult q = zsq::engine::evaluate(*student, *test, torch::kCPU);
        QVERIFY2(q.top1 > fpTop1 - 1.0, qPrintable(QString("W8A8 %1 % vs FP %2 %").arg(q.top1).arg(fpTop1)));
        // ...and 2-bit weights do measurably worse: quantization is really on.
        zsq::models::ModelPtr w2 = zsq::models::cloneModel(*demo.model);
        qc.wbits = 2;
        qc.abits = 4;
        zsq::engine::runPtq(*demo.model, *w2, qc, pc, torch::kCPU);
        const zsq::engine::EvalResult q2 = zsq::engine::evaluate(*w2, *test, torch::kCPU);
        QVERIFY2(q2.top1 < q.top1 - 5.0, qPrintable(QString("W2A4 %1 % vs W8A8 %2 %").arg(q2.top1).arg(q.top1)));
        const zsq::quant::ModelSize s8 = zsq::quant::modelSize(*student), s2 = zsq::quant::modelSize(*w2);
        QVERIFY(s2.quantizedBits < s8.quantizedBits);
        QCOMPARE(s8.averageWeightBits, 8.0);
    }
};

QTEST_GUILESS_MAIN(TestDemoModel)
#include "tst_demo_model.moc"
