// Architecture detection from a file's keys and shapes (io/arch_detection.h):
// every zoo architecture is recognised from its own state_dict, and a model of
// a known family that the zoo lacks gets one line naming what was recognised
// and what the zoo has instead.
#include <torch/torch.h>

#include "common/error.h"
#include "io/arch_detection.h"
#include "io/state_dict.h"
#include "models/zoo.h"

#include "zsq_test_util.h"

using namespace zsq;

namespace {

io::TensorMap stateOf(const std::string& arch, std::int64_t classes = 10, std::int64_t inChannels = 0)
{
    return io::stateDict(*models::createModel(models::defaultInfo(arch, classes, inChannels)));
}

// Drops every key under `prefix` (e.g. "layer3.7.").
void dropPrefix(io::TensorMap& t, const std::string& prefix)
{
    for (auto it = t.begin(); it != t.end();)
        it = it->first.compare(0, prefix.size(), prefix) == 0 ? t.erase(it) : std::next(it);
}

std::string detectionError(const io::TensorMap& t)
{
    const std::optional<std::string> error = test::inputErrorOf([&] { io::detectArchitecture(t); });
    return error ? *error : std::string("(no error: detected " + io::detectArchitecture(t).arch + ")");
}

void expectMessage(const std::string& msg, const std::vector<std::string>& needles)
{
    qInfo("%s", msg.c_str());
    QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());
    for (const std::string& needle : needles)
        QVERIFY2(msg.find(needle) != std::string::npos, (msg + "\n   lacks: " + needle).c_str());
}

} // namespace

class tst_ArchDetection : public QObject {
    Q_OBJECT

private slots:
    void everyZooArchitecture_data();
    void everyZooArchitecture();
    void cifarResNetOutsideTheZoo();
    void torchvisionResNetOutsideTheZoo();
    void mobileNetV3OutsideTheZoo();
    void vggOutsideTheZoo();
    void unknownKeys();
};

void tst_ArchDetection::everyZooArchitecture_data()
{
    QTest::addColumn<QString>("arch");
    for (const auto& a : models::architectures())
        QTest::newRow(a.name.c_str()) << QString::fromStdString(a.name);
}

void tst_ArchDetection::everyZooArchitecture()
{
    QFETCH(QString, arch);
    const std::string a = arch.toStdString();
    const models::ModelInfo detected = io::detectArchitecture(stateOf(a, 7));
    QCOMPARE(detected.arch, a);
    QCOMPARE(detected.numClasses, std::int64_t(7));
    QCOMPARE(detected.inChannels, models::defaultInfo(a).inChannels);
    // One input channel (e.g. a grey-scale dataset) is read from the stem.
    QCOMPARE(io::detectArchitecture(stateOf(a, 7, 1)).inChannels, std::int64_t(1));
}

void tst_ArchDetection::cifarResNetOutsideTheZoo()
{
    // resnet56 cut to 5 units per stage (a "resnet32").
    io::TensorMap t = stateOf("resnet56");
    for (int stage = 1; stage <= 3; ++stage)
        for (int unit = 6; unit <= 9; ++unit)
            dropPrefix(t, "features.stage" + std::to_string(stage) + ".unit" + std::to_string(unit) + ".");
    expectMessage(detectionError(t), {"pytorchcv CIFAR ResNet", "5 units per stage", "not in the zoo",
                                      "resnet20/56/110 have 3/9/18"});

    // Bottleneck units (pytorchcv's resnet164bn).
    t = stateOf("resnet20");
    t["features.stage1.unit1.body.conv3.conv.weight"] = torch::zeros({64, 16, 1, 1});
    expectMessage(detectionError(t), {"bottleneck", "not in the zoo"});
}

void tst_ArchDetection::torchvisionResNetOutsideTheZoo()
{
    // resnet101 with 8 blocks in layer3 (as resnet152 has 36).
    io::TensorMap t = stateOf("resnet101");
    for (int block = 8; block < 23; ++block)
        dropPrefix(t, "layer3." + std::to_string(block) + ".");
    expectMessage(detectionError(t), {"torchvision ResNet", "8 bottleneck blocks in layer3", "not in the zoo",
                                      "resnet50/101"});
    t = stateOf("resnet18");
    dropPrefix(t, "layer3.1.");
    expectMessage(detectionError(t), {"1 basic blocks in layer3", "resnet18/34"});
}

void tst_ArchDetection::mobileNetV3OutsideTheZoo()
{
    io::TensorMap t = stateOf("mobilenet_v3_large");
    for (int index = 13; index <= 16; ++index)
        dropPrefix(t, "features." + std::to_string(index) + ".");
    expectMessage(detectionError(t), {"MobileNet-V3", "13 feature modules", "mobilenet_v3_small",
                                      "not in the zoo"});
    // Another width (e.g. width_mult 0.75 gives another head).
    t = stateOf("mobilenet_v3_large");
    t["features.16.0.weight"] = torch::zeros({720, 120, 1, 1});
    expectMessage(detectionError(t), {"MobileNet-V3", "a 720-channel head", "not in the zoo", "960"});
    // mobilenet_v2 is still told apart by its classifier.1.
    QCOMPARE(io::detectArchitecture(stateOf("mobilenet_v2")).arch, std::string("mobilenet_v2"));
}

void tst_ArchDetection::vggOutsideTheZoo()
{
    const io::TensorMap vgg = stateOf("vgg16_bn");
    // Without its BatchNorms: torchvision's plain vgg16 (the ReLU indices
    // would differ too, but the convolutions' BatchNorms are what is missing).
    io::TensorMap t = vgg;
    std::vector<std::string> batchNorms;
    for (const auto& [key, tensor] : vgg)
        if (key.size() > 13 && key.compare(key.size() - 13, 13, ".running_mean") == 0)
            batchNorms.push_back(key.substr(0, key.size() - 12)); // "features.1."
    QCOMPARE(batchNorms.size(), std::size_t(13));
    for (const std::string& prefix : batchNorms)
        dropPrefix(t, prefix);
    expectMessage(detectionError(t), {"torchvision VGG", "13 convolutions", "without BatchNorm", "(vgg16)",
                                      "not in the zoo"});
    // A narrower classifier (common in CIFAR ports).
    t = vgg;
    t["classifier.0.weight"] = torch::zeros({512, 25088});
    expectMessage(detectionError(t), {"vgg16_bn", "classifier.0 [512, 25088]", "not in the zoo", "[4096, 25088]"});
    // vgg11_bn: 8 convolutions.
    t.clear();
    for (int index : {0, 4, 8, 11, 15, 18, 22, 25}) {
        t["features." + std::to_string(index) + ".weight"] = torch::zeros({8, 3, 3, 3});
        t["features." + std::to_string(index + 1) + ".running_mean"] = torch::zeros({8});
    }
    t["classifier.6.weight"] = torch::zeros({10, 4096});
    expectMessage(detectionError(t), {"8 convolutions and BatchNorm (vgg11_bn)", "not in the zoo"});
}

void tst_ArchDetection::unknownKeys()
{
    io::TensorMap t;
    t["encoder.weight"] = torch::zeros({4, 4});
    t["decoder.weight"] = torch::zeros({4, 4});
    expectMessage(detectionError(t), {"cannot detect the architecture", "pytorchcv CIFAR ResNet", "torchvision ResNet",
                                      "MobileNet", "VGG", "decoder.weight, encoder.weight", "--arch"});
}

QTEST_GUILESS_MAIN(tst_ArchDetection)
#include "tst_arch_detection.moc"
