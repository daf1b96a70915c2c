// Model files round trip: every zoo architecture through the ZSQ checkpoint
// and through a plain PyTorch-style state_dict file (with architecture
// detection), the quantizer state through a checkpoint bit for bit, and the
// errors for files that do not fit.
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "common/error.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "models/preprocessing.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"

#include "zsq_test_util.h"

using namespace zsq;

namespace {

// Small inputs keep the ImageNet networks fast; the CIFAR ones keep their own.
std::int64_t testInputSize(const std::string& arch)
{
    if (arch == "resnet20" || arch == "resnet56" || arch == "resnet110" || arch == "vgg16_bn")
        return 32;
    if (arch == "fmnist")
        return 28;
    return 64;
}

models::ModelPtr makeModel(const std::string& arch, std::int64_t classes = 10)
{
    models::ModelPtr model = models::createModel(models::defaultInfo(arch, classes));
    // BN running stats and affine parameters away from their defaults, so
    // that a load that skipped them would show in the logits.
    torch::NoGradGuard noGrad;
    for (auto& [name, bn] : model->batchNorms()) {
        bn->running_mean.uniform_(-0.1, 0.1);
        bn->running_var.uniform_(0.5, 1.5);
        bn->weight.uniform_(0.5, 1.5);
        bn->bias.uniform_(-0.1, 0.1);
        bn->num_batches_tracked.fill_(17);
    }
    model->eval();
    return model;
}

torch::Tensor inputFor(const models::ZooModelImpl& model, std::int64_t batch = 2)
{
    const std::int64_t size = testInputSize(model.info().arch);
    return torch::randn({batch, model.info().inChannels, size, size});
}

torch::Tensor logits(models::ZooModelImpl& model, const torch::Tensor& x)
{
    torch::NoGradGuard noGrad;
    return model.forward(x);
}

// What torch.save(dict(model.state_dict())) writes.
void saveStateDictFile(const std::string& path, const io::TensorMap& tensors)
{
    c10::impl::GenericDict dict(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, t] : tensors)
        dict.insert(key, t.detach().contiguous());
    const std::vector<char> bytes = torch::pickle_save(dict);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool sameStateDicts(const io::TensorMap& a, const io::TensorMap& b, std::string& why)
{
    if (a.size() != b.size()) {
        why = "key count " + std::to_string(a.size()) + " != " + std::to_string(b.size());
        return false;
    }
    for (const auto& [key, t] : a) {
        auto it = b.find(key);
        if (it == b.end()) {
            why = "missing " + key;
            return false;
        }
        if (t.scalar_type() != it->second.scalar_type() || !torch::equal(t, it->second)) {
            why = "differs: " + key;
            return false;
        }
    }
    return true;
}

} // namespace

class tst_ModelIo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void zooIsComplete();
    void checkpointRoundTrip_data();
    void checkpointRoundTrip();
    void stateDictRoundTrip_data();
    void stateDictRoundTrip();
    void stateDictWrappersAndPrefix();
    void quantStateRoundTrip_data();
    void quantStateRoundTrip();
    void cloneModelIsDeepAndEqual();
    void wrongArchitectureNamesBoth();
    void checkpointWithWrongArch();
    void missingKeyIsNamed();
    void wrongShapeIsNamed();
    void unexpectedKeyIsNamed();
    void detectionKeyMissingIsNamed();
    void undetectableKeys();
    void preprocessingRoundTripsThroughCheckpoints();
    void preprocessingPrecedence();

private:
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::filesystem::path dir_;
    std::unique_ptr<QTemporaryDir> tmp_;
};

void tst_ModelIo::initTestCase()
{
    torch::manual_seed(20240601);
    tmp_ = std::make_unique<QTemporaryDir>();
    QVERIFY(tmp_->isValid());
    dir_ = tmp_->path().toStdString();
}

void tst_ModelIo::zooIsComplete()
{
    std::vector<std::string> names;
    for (const auto& a : models::architectures())
        names.push_back(a.name);
    const std::vector<std::string> expected{"resnet18",  "resnet34", "resnet50",  "resnet101",
                                            "mobilenet_v2", "mobilenet_v3_large", "vgg16_bn",
                                            "resnet20",  "resnet56", "resnet110", "fmnist"};
    // Every architecture has a row in the data-driven tests below.
    QVERIFY2(names == expected, "the zoo changed: update the architecture rows of this test");
}

static void addArchRows()
{
    QTest::addColumn<QString>("arch");
    for (const auto& a : models::architectures())
        QTest::newRow(a.name.c_str()) << QString::fromStdString(a.name);
}

void tst_ModelIo::checkpointRoundTrip_data() { addArchRows(); }

void tst_ModelIo::checkpointRoundTrip()
{
    QFETCH(QString, arch);
    const std::string a = arch.toStdString();
    models::ModelPtr model = makeModel(a);
    const torch::Tensor x = inputFor(*model);
    const torch::Tensor expected = logits(*model, x);
    QVERIFY(torch::isfinite(expected).all().item<bool>());

    // Another initialisation gives other logits, so equality below means
    // that the file carried every weight and statistic.
    QVERIFY(test::maxAbsDiff(logits(*makeModel(a), x), expected) > 1e-3);

    const std::string file = path(a + ".zsq");
    io::saveCheckpoint(file, *model, {{"note", "round trip"}});
    io::LoadedModel loaded = io::loadModel(file);
    QVERIFY(loaded.format == io::ModelFileFormat::ZsqCheckpoint);
    QCOMPARE(loaded.model->info().arch, a);
    QCOMPARE(loaded.model->info().numClasses, std::int64_t(10));
    QCOMPARE(loaded.model->info().inChannels, model->info().inChannels);
    QVERIFY(loaded.model->info().mean == model->info().mean);
    QVERIFY(loaded.model->info().stdev == model->info().stdev);
    QCOMPARE(loaded.meta.value("note", std::string()), std::string("round trip"));
    QVERIFY2(!loaded.model->is_training(), "loadModel must return an eval-mode model");

    std::string why;
    QVERIFY2(sameStateDicts(io::stateDict(*model), io::stateDict(*loaded.model), why), why.c_str());
    const torch::Tensor got = logits(*loaded.model, x);
    QVERIFY2(torch::equal(got, expected), ("max diff " + std::to_string(test::maxAbsDiff(got, expected))).c_str());
    std::filesystem::remove(file);
}

void tst_ModelIo::stateDictRoundTrip_data() { addArchRows(); }

void tst_ModelIo::stateDictRoundTrip()
{
    QFETCH(QString, arch);
    const std::string a = arch.toStdString();
    models::ModelPtr model = makeModel(a);
    const torch::Tensor x = inputFor(*model);
    const torch::Tensor expected = logits(*model, x);

    const std::string file = path(a + "_state_dict.pt");
    saveStateDictFile(file, io::stateDict(*model));

    const io::RawModelFile raw = io::readModelFile(file);
    QVERIFY(raw.format == io::ModelFileFormat::StateDict);
    const models::ModelInfo detected = io::detectArchitecture(raw.tensors);
    QCOMPARE(detected.arch, a);
    QCOMPARE(detected.numClasses, std::int64_t(10));
    QCOMPARE(detected.inChannels, model->info().inChannels);

    io::LoadedModel loaded = io::loadModel(file); // detection
    QVERIFY(loaded.format == io::ModelFileFormat::StateDict);
    QCOMPARE(loaded.model->info().arch, a);
    QCOMPARE(loaded.model->info().numClasses, std::int64_t(10));
    QVERIFY(torch::equal(logits(*loaded.model, x), expected));

    io::LoadOptions options;
    options.arch = a; // explicit and matching
    io::LoadedModel explicitArch = io::loadModel(file, options);
    QCOMPARE(explicitArch.model->info().numClasses, std::int64_t(10));
    QVERIFY(torch::equal(logits(*explicitArch.model, x), expected));
    std::filesystem::remove(file);
}

// {"state_dict": sd}, {"model": sd} and "module." prefixes (DataParallel).
void tst_ModelIo::stateDictWrappersAndPrefix()
{
    models::ModelPtr model = makeModel("fmnist", 7);
    const torch::Tensor x = inputFor(*model);
    const torch::Tensor expected = logits(*model, x);
    for (const char* wrapper : {"state_dict", "model"}) {
        c10::impl::GenericDict sd(c10::StringType::get(), c10::TensorType::get());
        for (const auto& [key, t] : io::stateDict(*model))
            sd.insert("module." + key, t.detach());
        c10::impl::GenericDict root(c10::StringType::get(), c10::AnyType::get());
        root.insert("epoch", static_cast<int64_t>(3));
        root.insert(wrapper, sd);
        const std::string file = path(std::string("wrapped_") + wrapper + ".pth");
        const std::vector<char> bytes = torch::pickle_save(root);
        std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        io::LoadedModel loaded = io::loadModel(file);
        QCOMPARE(loaded.model->info().arch, std::string("fmnist"));
        QCOMPARE(loaded.model->info().numClasses, std::int64_t(7));
        QCOMPARE(loaded.model->info().inChannels, std::int64_t(1));
        QVERIFY(torch::equal(logits(*loaded.model, x), expected));
    }
}

void tst_ModelIo::quantStateRoundTrip_data()
{
    QTest::addColumn<QString>("arch");
    QTest::newRow("resnet20") << QString("resnet20");
    QTest::newRow("mobilenet_v2") << QString("mobilenet_v2");
    QTest::newRow("resnet18") << QString("resnet18");
}

void tst_ModelIo::quantStateRoundTrip()
{
    QFETCH(QString, arch);
    const std::string a = arch.toStdString();
    models::ModelPtr model = makeModel(a);
    const torch::Tensor x = inputFor(*model);
    const torch::Tensor floatLogits = logits(*model, x);

    quant::QuantConfig config;
    config.wbits = 4;
    config.abits = 4;
    config.perChannel = true;
    // Mixed precision: first layer 8 bits, last quantizable layer float,
    // one activation quantizer at 6 bits.
    QVERIFY(model->quantLayers().size() > 2);
    QVERIFY(model->actQuants().size() > 2);
    const std::string firstLayer = model->quantLayers().front().name;
    const std::string lastLayer = model->quantLayers().back().name;
    const std::string someAct = model->actQuants()[1].name;
    config.layerWbits[firstLayer] = 8;
    config.layerWbits[lastLayer] = 32;
    config.actAbits[someAct] = 6;
    quant::applyQuantConfig(*model, config);
    QCOMPARE(model->quantLayers().front().setting().bits, 8);
    QCOMPARE(model->quantLayers().back().setting().bits, 0);

    // Calibrate the activation ranges on two batches, then freeze them.
    logits(*model, inputFor(*model, 4));
    logits(*model, inputFor(*model, 4));
    for (auto& aq : model->actQuants())
        QCOMPARE(aq.act->range.steps(), std::int64_t(2));
    quant::setActivationMode(*model, models::ActQuantImpl::Mode::Frozen);
    const torch::Tensor quantLogits = logits(*model, x);
    QVERIFY2(!torch::allclose(quantLogits, floatLogits), "quantization did not change the logits");
    const nlohmann::json state = quant::quantStateToJson(*model, true);

    const std::string file = path(a + "_w4a4.zsq");
    io::saveCheckpoint(file, *model);
    io::LoadedModel loaded = io::loadModel(file);
    QCOMPARE(quant::quantStateToJson(*loaded.model, true), state);

    // The raw EMA state, bit for bit.
    QCOMPARE(loaded.model->actQuants().size(), model->actQuants().size());
    for (std::size_t i = 0; i < model->actQuants().size(); ++i) {
        auto& orig = *model->actQuants()[i].act;
        auto& back = *loaded.model->actQuants()[i].act;
        double oLo, oHi, bLo, bHi;
        std::int64_t oSteps, bSteps;
        orig.range.getState(oLo, oHi, oSteps);
        back.range.getState(bLo, bHi, bSteps);
        ZSQ_COMPARE_EXACT(bLo, oLo);
        ZSQ_COMPARE_EXACT(bHi, oHi);
        QCOMPARE(bSteps, oSteps);
        QCOMPARE(back.range.momentum(), orig.range.momentum());
        QCOMPARE(back.bits, orig.bits);
        QVERIFY(back.mode == models::ActQuantImpl::Mode::Frozen);
    }
    for (std::size_t i = 0; i < model->quantLayers().size(); ++i) {
        QCOMPARE(loaded.model->quantLayers()[i].name, model->quantLayers()[i].name);
        QCOMPARE(loaded.model->quantLayers()[i].setting().bits, model->quantLayers()[i].setting().bits);
        QCOMPARE(loaded.model->quantLayers()[i].setting().perChannel, model->quantLayers()[i].setting().perChannel);
    }
    const torch::Tensor got = logits(*loaded.model, x);
    QVERIFY2(torch::equal(got, quantLogits), ("max diff " + std::to_string(test::maxAbsDiff(got, quantLogits))).c_str());

    // Calibration resumes exactly where it stopped.
    quant::setActivationMode(*model, models::ActQuantImpl::Mode::Calibrate);
    quant::setActivationMode(*loaded.model, models::ActQuantImpl::Mode::Calibrate);
    const torch::Tensor more = inputFor(*model, 3);
    QVERIFY(torch::equal(logits(*loaded.model, more), logits(*model, more)));
    QCOMPARE(quant::quantStateToJson(*loaded.model), quant::quantStateToJson(*model));

    // Removing quantization gives the float model back.
    quant::removeQuantization(*loaded.model);
    QVERIFY(torch::equal(logits(*loaded.model, x), floatLogits));
    std::filesystem::remove(file);
}

// models::cloneModel: same weights, statistics and quantizer state, own storage.
void tst_ModelIo::cloneModelIsDeepAndEqual()
{
    models::ModelPtr model = makeModel("resnet20");
    quant::applyQuantConfig(*model, quant::QuantConfig{});
    const torch::Tensor x = inputFor(*model);
    logits(*model, x); // calibrate one step
    quant::setActivationMode(*model, models::ActQuantImpl::Mode::Frozen);
    const torch::Tensor expected = logits(*model, x);

    models::ModelPtr copy = models::cloneModel(*model);
    QVERIFY(copy.get() != model.get());
    QCOMPARE(copy->info().arch, model->info().arch);
    QCOMPARE(copy->is_training(), model->is_training());
    std::string why;
    QVERIFY2(sameStateDicts(io::stateDict(*model), io::stateDict(*copy), why), why.c_str());
    QCOMPARE(quant::quantStateToJson(*copy, true), quant::quantStateToJson(*model, true));
    QVERIFY(torch::equal(logits(*copy, x), expected));

    // Training the copy leaves the original alone.
    {
        torch::NoGradGuard noGrad;
        for (auto& p : copy->parameters())
            p.add_(0.5);
        for (auto& [name, bn] : copy->batchNorms())
            bn->running_mean.add_(1.0);
    }
    QVERIFY(torch::equal(logits(*model, x), expected));
    QVERIFY(!torch::equal(logits(*copy, x), expected));
}

void tst_ModelIo::wrongArchitectureNamesBoth()
{
    models::ModelPtr model = makeModel("resnet18");
    const std::string file = path("resnet18_sd.pt");
    saveStateDictFile(file, io::stateDict(*model));
    io::LoadOptions options;
    options.arch = "mobilenet_v2";
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file, options), msg);
    QVERIFY2(msg.find("resnet18") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("mobilenet_v2") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());

    // Same family, other depth.
    options.arch = "resnet34";
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file, options), msg);
    QVERIFY2(msg.find("resnet18") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("resnet34") != std::string::npos, msg.c_str());

    // An unknown architecture name.
    options.arch = "vgg16";
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file, options), msg);
    QVERIFY2(msg.find("vgg16") != std::string::npos, msg.c_str());
}

void tst_ModelIo::checkpointWithWrongArch()
{
    models::ModelPtr model = makeModel("resnet20");
    const std::string file = path("resnet20.zsq");
    io::saveCheckpoint(file, *model);
    io::LoadOptions options;
    options.arch = "fmnist";
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file, options), msg);
    QVERIFY2(msg.find("resnet20") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("fmnist") != std::string::npos, msg.c_str());
}

void tst_ModelIo::missingKeyIsNamed()
{
    io::TensorMap sd = io::stateDict(*makeModel("resnet20"));
    const std::string key = "features.stage2.unit1.body.conv1.bn.running_var";
    QVERIFY(sd.erase(key) == 1);
    const std::string file = path("missing_key.pt");
    saveStateDictFile(file, sd);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find(key) != std::string::npos, msg.c_str());
    QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());
}

void tst_ModelIo::wrongShapeIsNamed()
{
    io::TensorMap sd = io::stateDict(*makeModel("resnet20"));
    const std::string key = "features.stage3.unit2.body.conv2.conv.weight";
    QVERIFY(sd.at(key).sizes() == torch::IntArrayRef({64, 64, 3, 3}));
    sd[key] = torch::zeros({64, 64, 1, 1});
    const std::string file = path("wrong_shape.pt");
    saveStateDictFile(file, sd);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find(key) != std::string::npos, msg.c_str());
    QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());

    // Nothing was half-loaded: loading into an existing model leaves it intact.
    models::ModelPtr target = makeModel("resnet20");
    const io::TensorMap before = io::stateDict(*target);
    std::map<std::string, torch::Tensor> copies;
    for (const auto& [k, t] : before)
        copies[k] = t.clone();
    ZSQ_EXPECT_INPUT_ERROR(io::loadStateDict(*target, sd), msg);
    for (const auto& [k, t] : io::stateDict(*target))
        QVERIFY2(torch::equal(t, copies.at(k)), k.c_str());
}

void tst_ModelIo::unexpectedKeyIsNamed()
{
    io::TensorMap sd = io::stateDict(*makeModel("fmnist"));
    sd["features.stage1.unit1.extra.weight"] = torch::zeros({3});
    const std::string file = path("unexpected_key.pt");
    saveStateDictFile(file, sd);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find("features.stage1.unit1.extra.weight") != std::string::npos, msg.c_str());
}

// The classifier is what detection reads the class count from.
void tst_ModelIo::detectionKeyMissingIsNamed()
{
    io::TensorMap sd = io::stateDict(*makeModel("resnet20"));
    QVERIFY(sd.erase("output.weight") == 1);
    const std::string file = path("no_classifier.pt");
    saveStateDictFile(file, sd);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find("output.weight") != std::string::npos, msg.c_str());
}

void tst_ModelIo::undetectableKeys()
{
    io::TensorMap sd;
    sd["encoder.weight"] = torch::zeros({4, 4});
    sd["decoder.weight"] = torch::zeros({4, 4});
    const std::string file = path("not_a_zoo_model.pt");
    saveStateDictFile(file, sd);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find("decoder.weight") != std::string::npos, msg.c_str());
}

// Every preprocessing field survives a checkpoint; the demo model (written
// before the fields existed) keeps resizing to its input size.
void tst_ModelIo::preprocessingRoundTripsThroughCheckpoints()
{
    io::LoadedModel demo = io::loadModel(io::demoModelPath());
    QCOMPARE(demo.model->info().resize, std::string("resize"));
    QCOMPARE(demo.model->info().inputSize, std::int64_t(28));
    QCOMPARE(demo.model->info().preprocessingSource, std::string("checkpoint"));
    QVERIFY(!demo.model->info().preprocessingAssumed);

    models::ModelInfo info = models::defaultInfo("resnet20", 3, 1);
    models::PreprocessingOverrides o;
    o.inputSize = 40;
    o.resize = "resize_crop";
    o.resizeSize = 48;
    o.mean = std::vector<double>{0.25};
    o.stdev = std::vector<double>{0.5};
    o.classNames = std::vector<std::string>{"cat", "dog", "bird"};
    models::applyPreprocessing(info, o, "test");
    models::ModelPtr model = models::createModel(info);
    const std::string file = path("preprocessed.zsq");
    io::saveCheckpoint(file, *model);
    const models::ModelInfo back = io::loadModel(file).model->info();
    QCOMPARE(back.inputSize, std::int64_t(40));
    QCOMPARE(back.resize, std::string("resize_crop"));
    QCOMPARE(back.resizeSize, std::int64_t(48));
    QVERIFY(back.mean == std::vector<double>{0.25});
    QVERIFY(back.stdev == std::vector<double>{0.5});
    QVERIFY(back.classNames == (std::vector<std::string>{"cat", "dog", "bird"}));
    QCOMPARE(back.preprocessingSource, std::string("checkpoint"));
}

// Defaults < the file < its sidecar < the caller's options; a state_dict
// alone takes the data's size and says its normalisation is assumed.
void tst_ModelIo::preprocessingPrecedence()
{
    const std::string file = path("plain_r20.pt");
    saveStateDictFile(file, io::stateDict(*makeModel("resnet20")));
    const models::ModelInfo bare = io::loadModel(file).model->info();
    QCOMPARE(bare.inputSize, std::int64_t(0));
    QCOMPARE(bare.resize, std::string("none"));
    QVERIFY(bare.preprocessingAssumed);
    QVERIFY(bare.preprocessingSource.find("assumed") != std::string::npos);

    {
        std::ofstream sidecar(file + ".json");
        sidecar << R"({"mean": [0.1, 0.2, 0.3], "std": 0.5, "input_size": [36, 36]})";
    }
    const models::ModelInfo withSidecar = io::loadModel(file).model->info();
    QVERIFY(withSidecar.mean == (std::vector<double>{0.1, 0.2, 0.3}));
    QVERIFY(withSidecar.stdev == (std::vector<double>{0.5, 0.5, 0.5}));
    QCOMPARE(withSidecar.inputSize, std::int64_t(36));
    QVERIFY(!withSidecar.preprocessingAssumed);
    QVERIFY(withSidecar.preprocessingSource.find("plain_r20.pt.json") != std::string::npos);

    io::LoadOptions options;
    options.preprocessing.mean = std::vector<double>{0.7};
    options.preprocessingSource = "test options";
    const models::ModelInfo overridden = io::loadModel(file, options).model->info();
    QVERIFY(overridden.mean == (std::vector<double>{0.7, 0.7, 0.7}));
    QVERIFY(overridden.stdev == (std::vector<double>{0.5, 0.5, 0.5}));   // still the sidecar's
    QVERIFY(overridden.preprocessingSource.find("test options") != std::string::npos);

    options.useSidecar = false;
    QVERIFY(io::loadModel(file, options).model->info().stdev == models::defaultInfo("resnet20").stdev);

    // The sidecar may name the architecture of a file that cannot be detected.
    {
        std::ofstream sidecar(file + ".json");
        sidecar << R"({"arch": "fmnist"})";
    }
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(msg.find("not fmnist") != std::string::npos, msg.c_str());
    std::filesystem::remove(file + ".json");
}

QTEST_GUILESS_MAIN(tst_ModelIo)
#include "tst_model_io.moc"
