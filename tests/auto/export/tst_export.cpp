// zsq export, checked against real runtimes: ONNX Runtime (onnxruntime-node)
// and Python's torch.jit.load run the exported files on real Fashion-MNIST
// test images and must give the fake-quantized student's logits and top-1.
//
// Tolerances (stated in docs/export.md):
//   TorchScript: max |logit difference| <= 1e-5 (the same ATen ops; 0 measured)
//   ONNX Runtime: identical top-1 on every image, at least 98 % of the images
//   within 1e-4 (float rounding, ~1e-6 measured), and none beyond 0.25:
//   ONNX's QuantizeLinear divides by 1/S where the student multiplies by S,
//   so an activation within float rounding of a rounding midpoint may land
//   one k-bit step away (seen with the 2- and 3-bit layers of the mixed run).
#include <cstdio>
#include <fstream>

#include "data/dataset_registry.h"
#include "data/model_input.h"
#include "io/model_file.h"
#include "quant/model_quantizer.h"

#include "zsq_test_util.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "zsq_cli_runner.h"

using zsq::test::CliRun;
using zsq::test::runZsq;

namespace {

constexpr double kTorchScriptTolerance = 1e-5;
constexpr double kOnnxTolerance = 0.25;
constexpr double kOnnxExactShare = 0.98;

void writeRaw(const QString& path, const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kFloat).contiguous();
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(static_cast<const char*>(c.data_ptr()), static_cast<std::streamsize>(c.numel() * 4));
}

torch::Tensor readRaw(const QString& path, std::vector<std::int64_t> shape)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    torch::Tensor t = torch::empty(shape, torch::kFloat);
    in.read(static_cast<char*>(t.data_ptr()), static_cast<std::streamsize>(t.numel() * 4));
    if (!in)
        return {};
    return t;
}

struct ProcessRun {
    int code = -1;
    QString output;
};

ProcessRun runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(600000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QStringList shapeArgs(const torch::Tensor& x)
{
    QStringList s;
    for (auto d : x.sizes())
        s << QString::number(d);
    return s;
}

// Logits of the exported file in ONNX Runtime / PyTorch for the input x.
torch::Tensor runtimeLogits(const QString& runner, const QString& script, const QString& model,
                            const torch::Tensor& x, std::int64_t classes, const QString& dir)
{
    const QString in = dir + "/input.f32", out = dir + "/logits.f32";
    QFile::remove(out);
    writeRaw(in, x);
    const ProcessRun r = runProgram(runner, QStringList{script, model, in} + shapeArgs(x) + QStringList{out});
    if (r.code != 0) {
        qWarning("%s", qPrintable(r.output));
        return {};
    }
    return readRaw(out, {x.size(0), classes});
}

torch::Tensor studentLogits(const QString& checkpoint, const torch::Tensor& x)
{
    zsq::io::LoadedModel loaded = zsq::io::loadModel(checkpoint.toStdString());
    torch::NoGradGuard noGrad;
    loaded.model->eval();
    return loaded.model->forward(x);
}

// Max |difference| within `tolerance`, at least `exactShare` of the images
// within 1e-4 (float rounding only), and the same top-1 for every image.
void expectSameLogits(const torch::Tensor& actual, const torch::Tensor& expected, double tolerance,
                      double exactShare, const char* what)
{
    QVERIFY2(actual.defined(), what);
    ZSQ_COMPARE_TENSORS(actual, expected, tolerance);
    const torch::Tensor perImage = (actual - expected).abs().amax(1);
    const double share = (perImage <= 1e-4).to(torch::kDouble).mean().item<double>();
    QVERIFY2(share >= exactShare, qPrintable(QString("%1: only %2 % of the images agree within 1e-4")
                                                 .arg(what).arg(100 * share)));
    const std::int64_t differing = (actual.argmax(1) != expected.argmax(1)).sum().item<std::int64_t>();
    QVERIFY2(differing == 0, qPrintable(QString("%1: top-1 differs on %2 images").arg(what).arg(differing)));
    qInfo("%s: max |logit diff| %.3g over %lld images (%.1f %% within 1e-4), top-1 identical", what,
          zsq::test::maxAbsDiff(actual, expected), static_cast<long long>(actual.size(0)), 100 * share);
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    QString node, python, onnxRunner, tsRunner;
    torch::Tensor images;       // 1000 Fashion-MNIST test images, normalised for the demo model

    QString path(const QString& name) const { return tmp.filePath(name); }

    // A quick ZeroQ PTQ run of the demo model (a real quantized.zsq).
    QString quantizeDemo(const QString& name, const QStringList& extra)
    {
        const QString out = path(name);
        const CliRun r = runZsq(QStringList{"quantize", "--method", "ptq", "--dataset", "none", "--set",
                                            "ptq.iterations=10", "--set", "ptq.batch_size=16", "--output", out} +
                                    extra,
                                600000);
        if (r.code != 0)
            qWarning("%s", qPrintable(r.err));
        return r.code == 0 ? out + "/quantized.zsq" : QString();
    }

    // Exports `checkpoint` in both formats and checks both runtimes on x.
    void checkBothFormats(const QString& checkpoint, const torch::Tensor& x, const QString& tag,
                          std::int64_t inputSize = 0)
    {
        const torch::Tensor expected = studentLogits(checkpoint, x);
        const std::int64_t classes = expected.size(1);
        QStringList size;
        if (inputSize > 0)
            size << "--input-size" << QString::number(inputSize);
        const QString onnx = path(tag + ".onnx"), ts = path(tag + ".pt");
        CliRun r = runZsq(QStringList{"export", "--model", checkpoint, "--format", "onnx", "--output", onnx} + size);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("packed k-bit"), qPrintable(r.out));
        r = runZsq(QStringList{"export", "--model", checkpoint, "--format", "torchscript", "--output", ts} + size);
        QVERIFY2(r.code == 0, qPrintable(r.err));

        const torch::Tensor fromOrt = runtimeLogits(node, onnxRunner, onnx, x, classes, tmp.path());
        expectSameLogits(fromOrt, expected, kOnnxTolerance, kOnnxExactShare, qPrintable(tag + " ONNX Runtime"));
        const torch::Tensor fromTorch = runtimeLogits(python, tsRunner, ts, x, classes, tmp.path());
        expectSameLogits(fromTorch, expected, kTorchScriptTolerance, 1.0, qPrintable(tag + " torch.jit.load"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        node = QStandardPaths::findExecutable("node");
        python = QStringLiteral(ZSQ_TEST_PYTHON);
        onnxRunner = QStringLiteral(ZSQ_EXPORT_TEST_DIR "/run_onnx.js");
        tsRunner = QStringLiteral(ZSQ_EXPORT_TEST_DIR "/run_torchscript.py");
        QVERIFY2(!node.isEmpty(), "node (Node.js) is not installed: run installer/install-deps.sh");
        const ProcessRun probe = runProgram(node, {"-e", "require(process.env.ZSQ_ORT_NODE_DIR || "
                                                         "'/opt/zsq/onnxruntime-node/node_modules/onnxruntime-node')"});
        QVERIFY2(probe.code == 0, qPrintable("onnxruntime-node is not installed (installer/install-deps.sh): " +
                                             probe.output.left(300)));

        const zsq::io::LoadedModel demo = zsq::io::loadModel(zsq::io::demoModelPath());
        zsq::data::DatasetPtr test =
            zsq::data::openDataset(zsq::data::datasetRequestFor("fashion-mnist", "test", demo.model->info()));
        images = zsq::data::prepareInput(test->range(0, 1000).images, demo.model->info());
        QCOMPARE(images.size(0), 1000);
    }

    // The demo model at W4A4 on 1000 real test images, in both runtimes.
    void demoW4A4()
    {
        const QString checkpoint = quantizeDemo("w4a4", {"--wbits", "4", "--abits", "4"});
        QVERIFY(!checkpoint.isEmpty());
        checkBothFormats(checkpoint, images, "demo_w4a4");
    }

    // Mixed precision: the stem at 8 bits, one layer and the classifier left
    // in float, one activation at 3 bits and the rest W4A4 / W2 in a unit.
    void demoMixedPrecision()
    {
        const QString config = path("mixed.json");
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"wbits": 4, "abits": 4,
                    "layer_bits": {"features.init_block.conv": 8, "features.stage1.unit1.body.conv2.conv": 2,
                                   "features.stage2.unit1.body.conv1.conv": 0, "output": 0},
                    "act_bits": {"features.init_block.activ": 8, "features.stage1.unit1.activ": 3}})");
        f.close();
        const QString checkpoint = quantizeDemo("mixed", {"--config", config});
        QVERIFY(!checkpoint.isEmpty());
        checkBothFormats(checkpoint, images.slice(0, 0, 300), "demo_mixed");
        const CliRun r = runZsq({"export", "--model", checkpoint, "--format", "onnx", "--output", path("m.onnx")});
        QVERIFY2(r.out.contains("2 in float"), qPrintable(r.out));
    }

    // The zoo's families from PyTorch files (tests/data/make_pytorch_reference.py),
    // quantized at W4A4 with activation ranges calibrated on their inputs.
    void zooFromPyTorchFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("inputSize");
        QTest::newRow("resnet20") << "resnet20" << 32;
        QTest::newRow("resnet18") << "resnet18" << 64;
        QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 64;
    }
    void zooFromPyTorchFiles()
    {
        QFETCH(QString, name);
        QFETCH(int, inputSize);
        const QString refDir = qEnvironmentVariable("ZSQ_PYTORCH_REF_DIR");
        if (refDir.isEmpty())
            QSKIP("ZSQ_PYTORCH_REF_DIR is not set (ctest runs this as tst_export_zoo after the interop fixture)");
        const QString file = refDir + "/" + name + "_state_dict.pt";
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        zsq::io::LoadedModel loaded = zsq::io::loadModel(file.toStdString());
        const torch::Tensor input = zsq::io::readTensorFile((refDir + "/" + name + "_input.pt").toStdString());
        QCOMPARE(input.size(2), inputSize);
        torch::manual_seed(0);
        const torch::Tensor x = torch::cat({input, input + 0.3 * torch::randn_like(input),
                                            input.flip(3), torch::randn_like(input)});
        zsq::quant::QuantConfig config;
        config.wbits = 4;
        config.abits = 4;
        zsq::quant::applyQuantConfig(*loaded.model, config);
        {
            torch::NoGradGuard noGrad;
            loaded.model->forward(x); // calibrates the activation ranges
        }
        zsq::quant::setActivationMode(*loaded.model, zsq::models::ActQuantImpl::Mode::Frozen);
        const QString checkpoint = path(name + "_w4a4.zsq");
        zsq::io::saveCheckpoint(checkpoint.toStdString(), *loaded.model);
        checkBothFormats(checkpoint, x, name + "_w4a4", inputSize);
    }

    // --float: the full-precision reference graph (bench/export_latency.sh)
    // gives the float model's logits in ONNX Runtime.
    void floatReferenceGraph()
    {
        const QString demo = QString::fromStdString(zsq::io::demoModelPath());
        const QString onnx = path("demo_fp32.onnx");
        const CliRun r = runZsq({"export", "--model", demo, "--format", "onnx", "--float", "--output", onnx});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("0 quantized activations"), qPrintable(r.out));
        const torch::Tensor x = images.slice(0, 0, 200);
        const torch::Tensor expected = studentLogits(demo, x);
        const torch::Tensor fromOrt = runtimeLogits(node, onnxRunner, onnx, x, expected.size(1), tmp.path());
        expectSameLogits(fromOrt, expected, 1e-4, 1.0, "demo float ONNX Runtime");
    }

    // A float model, an unknown format, unwritable outputs: one line, exit 2,
    // no file left behind.
    void badInputs()
    {
        const QString demo = QString::fromStdString(zsq::io::demoModelPath());
        const QString out = path("bad.onnx");
        zsq::test::expectOneLineError(runZsq({"export", "--model", demo, "--format", "onnx", "--output", out}), 2,
                                      "float model");
        QVERIFY(!QFileInfo::exists(out));
        const QString checkpoint = path("w4a4/quantized.zsq");
        QVERIFY2(QFileInfo::exists(checkpoint), "demoW4A4 runs first");
        zsq::test::expectOneLineError(
            runZsq({"export", "--model", checkpoint, "--format", "tflite", "--output", out}), 2,
            "unknown export format 'tflite'");
        QVERIFY(!QFileInfo::exists(out));
        // A parent that is a file, and a read-only file system (root included).
        const QString underFile = checkpoint + "/model.onnx";
        zsq::test::expectOneLineError(
            runZsq({"export", "--model", checkpoint, "--format", "onnx", "--output", underFile}), 2, "cannot write");
        zsq::test::expectOneLineError(
            runZsq({"export", "--model", checkpoint, "--format", "torchscript", "--output", "/proc/zsq.pt"}), 2,
            "cannot write");
        zsq::test::expectOneLineError(
            runZsq({"export", "--model", checkpoint, "--format", "onnx", "--output", tmp.path()}), 2, "is a folder");
        zsq::test::expectOneLineError(runZsq({"export", "--model", path("missing.zsq"), "--format", "onnx",
                                              "--output", out}),
                                      2, "missing.zsq");
        QVERIFY(!QFileInfo::exists(out));
        // Nothing but what the tests wrote on purpose (no temporary files).
        for (const QString& entry : QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY2(!entry.contains(".tmp-") && !entry.startsWith(".zsq-export-probe"), qPrintable(entry));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
