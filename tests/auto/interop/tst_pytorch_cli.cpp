// `zsq quantize` end to end on the files PyTorch wrote (ctest fixture
// zsq_pytorch_ref, rows from its manifest.json): ZeroQ-style PTQ without any
// data, two distillation steps on two images at the model's own input size,
// W4A4; the quantized checkpoint loads back and gives finite logits that are
// not the float ones.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "io/model_file.h"
#include "models/zoo.h"

#include "zsq_test_util.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include "zsq_cli_runner.h"

using namespace zsq;
namespace fs = std::filesystem;

class tst_PytorchCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void quantizesPytorchFile_data();
    void quantizesPytorchFile();

private:
    fs::path refDir_;
    std::vector<std::string> names_;
    QTemporaryDir tmp_;
};

void tst_PytorchCli::initTestCase()
{
    const char* dir = std::getenv("ZSQ_PYTORCH_REF_DIR");
    QVERIFY2(dir && *dir, "ZSQ_PYTORCH_REF_DIR is not set: run this test through ctest, which first runs "
                          "tests/data/make_pytorch_reference.py");
    refDir_ = dir;
    std::ifstream in(refDir_ / "manifest.json");
    QVERIFY2(in, ("no manifest.json in " + refDir_.string()).c_str());
    for (const auto& entry : nlohmann::json::parse(in))
        names_.push_back(entry.at("name").get<std::string>());
    QVERIFY(!names_.empty());
    QVERIFY(tmp_.isValid());
}

void tst_PytorchCli::quantizesPytorchFile_data()
{
    QTest::addColumn<QString>("name");
    for (const std::string& name : names_)
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void tst_PytorchCli::quantizesPytorchFile()
{
    QFETCH(QString, name);
    const std::string n = name.toStdString();
    const QString model = QString::fromStdString((refDir_ / (n + "_state_dict.pt")).string());
    const QString out = tmp_.filePath(name + "-ptq");
    QElapsedTimer timer;
    timer.start();
    const test::CliRun r =
        test::runZsq({"quantize", "--model", model, "--method", "ptq", "--dataset", "none", "--quiet", "--output",
                      out, "--wbits", "4", "--abits", "4", "--set", "ptq.iterations=2,ptq.batch_size=2"});
    qInfo("%s: zsq quantize took %.1f s", n.c_str(), timer.elapsed() / 1000.0);
    QVERIFY2(r.code == 0, qPrintable(QString("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.out.contains("top-1: not measured"), qPrintable(r.out));

    const std::string quantized = (out + "/quantized.zsq").toStdString();
    QVERIFY(fs::is_regular_file(quantized));
    io::LoadedModel loaded = io::loadModel(quantized);
    QCOMPARE(loaded.model->info().arch, n);
    QCOMPARE(loaded.model->info().numClasses, std::int64_t(10));
    int quantizedLayers = 0;
    for (auto& layer : loaded.model->quantLayers())
        quantizedLayers += layer.setting().bits == 4;
    QVERIFY2(quantizedLayers > 2, ("W4 layers: " + std::to_string(quantizedLayers)).c_str());
    const torch::Tensor x = io::readTensorFile((refDir_ / (n + "_input.pt")).string());
    const torch::Tensor expected = io::readTensorFile((refDir_ / (n + "_logits.pt")).string());
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = loaded.model->forward(x);
    QVERIFY(torch::isfinite(logits).all().item<bool>());
    QVERIFY(test::maxAbsDiff(logits, expected) > 1e-3);
    fs::remove_all(out.toStdString()); // vgg16_bn's checkpoint alone is ~540 MB
}

QTEST_GUILESS_MAIN(tst_PytorchCli)
#include "tst_pytorch_cli.moc"
