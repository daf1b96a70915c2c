// Files that are not models: io::loadModel (and readTensorFile) must reject
// each with a zsq::InputError carrying a one-line message that names the file,
// and must never crash or throw anything else.
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cstring>
#include <random>

#include <unistd.h>

#include <torch/script.h>
#include <torch/torch.h>

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "models/zoo.h"

#include "zsq_test_util.h"

using namespace zsq;

namespace {

void writeBytes(const std::string& path, const std::vector<char>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    QVERIFY(out.good());
}

std::vector<char> readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<char> randomBytes(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<char> bytes(n);
    for (char& b : bytes)
        b = static_cast<char>(rng() & 0xff);
    return bytes;
}

std::vector<char> prefix(const std::vector<char>& bytes, std::size_t n)
{
    return std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(n, bytes.size())));
}

} // namespace

class tst_BadInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void loadModelRejects_data();
    void loadModelRejects();
    void corruptedMiddleNeverCrashes();
    void readTensorFileRejects_data();
    void readTensorFileRejects();
    void validFilesStillLoad();
    void atomicWriteNeverFollowsAPlantedLink();
    void torchScriptCodeNeverRuns();

private:
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::filesystem::path dir_;
    std::unique_ptr<QTemporaryDir> tmp_;
    std::vector<char> checkpoint_;   // a valid ZSQ checkpoint (fmnist)
    std::vector<char> stateDict_;    // a valid torch.save state_dict (fmnist)
    std::vector<char> torchScript_;  // a valid TorchScript archive
};

void tst_BadInputs::initTestCase()
{
    torch::manual_seed(5);
    tmp_ = std::make_unique<QTemporaryDir>();
    QVERIFY(tmp_->isValid());
    dir_ = tmp_->path().toStdString();

    models::ModelPtr model = models::createModel(models::defaultInfo("fmnist"));
    io::saveCheckpoint(path("valid.zsq"), *model);
    checkpoint_ = readBytes(path("valid.zsq"));
    QVERIFY(checkpoint_.size() > 100000);

    c10::impl::GenericDict sd(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, t] : io::stateDict(*model))
        sd.insert(key, t.detach());
    stateDict_ = torch::pickle_save(sd);
    writeBytes(path("valid_state_dict.pt"), stateDict_);

    // A real TorchScript archive (the same writer torch.jit.save uses), with
    // enough tensor data that halving it cuts through the data records.
    torch::jit::Module module("ScaleNet");
    module.register_parameter("weight", torch::randn({256, 256}), false);
    module.define("def forward(self, x):\n    return x * self.weight\n");
    module.save(path("valid_script.pt"));
    torchScript_ = readBytes(path("valid_script.pt"));
    QVERIFY(torchScript_.size() > 200000);
}

void tst_BadInputs::loadModelRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("create");     // false: the path does not exist
    QTest::addColumn<QString>("mention"); // what the message must also say (may be empty)

    auto bytesOf = [](const std::vector<char>& v) { return QByteArray(v.data(), static_cast<int>(v.size())); };
    auto row = [](const char* tag, const char* name, const QByteArray& bytes, bool create = true,
                  const char* mention = "") {
        QTest::newRow(tag) << QString(name) << bytes << create << QString(mention);
    };
    row("random bytes", "random.bin", bytesOf(randomBytes(4096, 1)));
    std::vector<char> zipLike = randomBytes(65536, 2);
    zipLike[0] = 'P', zipLike[1] = 'K', zipLike[2] = 3, zipLike[3] = 4;
    row("random bytes behind a zip signature", "random_zip.pt", bytesOf(zipLike));
    row("zip signature only", "signature.pt", QByteArray("PK\x03\x04", 4));
    row("empty file", "empty.pt", QByteArray());
    row("text file", "notes.txt", QByteArray("resnet18 weights are on the other disk\nsecond line\n"));
    row("nonexistent path", "does_not_exist.pt", QByteArray(), false);
    row("directory", "a_folder.pt", QByteArray(), false);

    row("truncated checkpoint (half)", "half.zsq", bytesOf(prefix(checkpoint_, checkpoint_.size() / 2)));
    row("truncated checkpoint (10%)", "tenth.zsq", bytesOf(prefix(checkpoint_, checkpoint_.size() / 10)));
    row("truncated checkpoint (last byte)", "almost.zsq", bytesOf(prefix(checkpoint_, checkpoint_.size() - 1)));
    row("truncated state_dict (half)", "half_sd.pt", bytesOf(prefix(stateDict_, stateDict_.size() / 2)));
    row("truncated TorchScript (half)", "half_script.pt", bytesOf(prefix(torchScript_, torchScript_.size() / 2)));
    row("truncated TorchScript (last 30 bytes)", "almost_script.pt",
        bytesOf(prefix(torchScript_, torchScript_.size() - 30)));

    // Well-formed PyTorch files that hold no model of the zoo.
    row("TorchScript of another model", "other_script.pt", bytesOf(torchScript_), true, "weight");
    row("torch.save of a tensor", "tensor.pt", bytesOf(torch::pickle_save(torch::ones({3, 3}))));
    c10::impl::GenericDict hyper(c10::StringType::get(), c10::IntType::get());
    hyper.insert("epochs", static_cast<int64_t>(10));
    row("torch.save of a dict of ints", "hyper.pt", bytesOf(torch::pickle_save(hyper)));
    c10::impl::GenericDict emptyDict(c10::StringType::get(), c10::TensorType::get());
    row("torch.save of an empty dict", "empty_dict.pt", bytesOf(torch::pickle_save(emptyDict)));
    c10::impl::GenericDict badCkpt(c10::StringType::get(), c10::AnyType::get());
    badCkpt.insert("format", std::string("zsq-checkpoint"));
    badCkpt.insert("meta", std::string("{not json"));
    c10::impl::GenericDict someState(c10::StringType::get(), c10::TensorType::get());
    someState.insert("output.weight", torch::zeros({10, 64}));
    badCkpt.insert("state", someState);
    row("checkpoint with broken metadata", "bad_meta.zsq", bytesOf(torch::pickle_save(badCkpt)), true, "metadata");
}

void tst_BadInputs::loadModelRejects()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, create);
    QFETCH(QString, mention);
    const std::string file = path(name.toStdString());
    if (create)
        writeBytes(file, std::vector<char>(bytes.begin(), bytes.end()));
    else if (name == "a_folder.pt")
        QVERIFY(std::filesystem::create_directories(file));

    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file), msg);
    QVERIFY2(!msg.empty(), "empty message");
    QVERIFY2(msg.find('\n') == std::string::npos && msg.find('\r') == std::string::npos,
             ("multi-line message: " + msg).c_str());
    qInfo("%s", msg.c_str());
    QVERIFY2(msg.find(name.toStdString()) != std::string::npos, ("message does not name the file: " + msg).c_str());
    if (!mention.isEmpty()) {
        QVERIFY2(msg.find(mention.toStdString()) != std::string::npos,
                 ("message does not mention '" + mention.toStdString() + "': " + msg).c_str());
    }

    // The same through an explicit architecture.
    io::LoadOptions options;
    options.arch = "fmnist";
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(file, options), msg);
    QVERIFY2(!msg.empty() && msg.find('\n') == std::string::npos, msg.c_str());
}

// Flipped bytes inside the data of a valid file: loading may succeed (zip
// stores no checksum PyTorch verifies for every record) or fail with an
// InputError, but nothing else may happen.
void tst_BadInputs::corruptedMiddleNeverCrashes()
{
    for (const auto* source : {&checkpoint_, &stateDict_, &torchScript_}) {
        for (unsigned seed = 0; seed < 4; ++seed) {
            std::vector<char> bytes = *source;
            std::mt19937 rng(seed);
            const std::size_t start = bytes.size() / 4 + rng() % (bytes.size() / 2);
            for (std::size_t i = start; i < std::min(bytes.size(), start + 64); ++i)
                bytes[i] = static_cast<char>(rng() & 0xff);
            const std::string file = path("corrupt_" + std::to_string(seed) + ".pt");
            writeBytes(file, bytes);
            std::optional<std::string> err = test::inputErrorOf([&] { io::loadModel(file); });
            if (err)
                QVERIFY2(!err->empty() && err->find('\n') == std::string::npos, err->c_str());
        }
    }
}

void tst_BadInputs::readTensorFileRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("create");
    QTest::newRow("random bytes") << "t_random.bin" << QByteArray(randomBytes(1000, 3).data(), 1000) << true;
    QTest::newRow("empty file") << "t_empty.pt" << QByteArray() << true;
    QTest::newRow("text file") << "t_text.txt" << QByteArray("1 2 3\n4 5 6\n") << true;
    QTest::newRow("nonexistent path") << "t_missing.pt" << QByteArray() << false;
    QTest::newRow("state_dict instead of a tensor")
        << "t_sd.pt" << QByteArray(stateDict_.data(), static_cast<int>(stateDict_.size())) << true;
    const std::vector<char> tensor = torch::pickle_save(torch::arange(1000, torch::kFloat));
    QTest::newRow("truncated tensor") << "t_half.pt" << QByteArray(tensor.data(), static_cast<int>(tensor.size() / 2))
                                      << true;
}

void tst_BadInputs::readTensorFileRejects()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, create);
    const std::string file = path(name.toStdString());
    if (create)
        writeBytes(file, std::vector<char>(bytes.begin(), bytes.end()));
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::readTensorFile(file), msg);
    QVERIFY2(!msg.empty() && msg.find('\n') == std::string::npos, msg.c_str());
    QVERIFY2(msg.find(name.toStdString()) != std::string::npos, ("message does not name the file: " + msg).c_str());
}

// The sources of the bad files are themselves fine, so the rejections above
// are about the damage and not about the writer.
void tst_BadInputs::validFilesStillLoad()
{
    QVERIFY(io::loadModel(path("valid.zsq")).format == io::ModelFileFormat::ZsqCheckpoint);
    QVERIFY(io::loadModel(path("valid_state_dict.pt")).format == io::ModelFileFormat::StateDict);
    QVERIFY(io::readModelFile(path("valid_script.pt")).format == io::ModelFileFormat::TorchScript);
    const std::string t = path("tensor_ok.pt");
    io::writeTensorFile(t, torch::arange(6, torch::kFloat).view({2, 3}));
    QVERIFY(torch::equal(io::readTensorFile(t), torch::arange(6, torch::kFloat).view({2, 3})));
}

// The temporary file of an atomic write is created with O_EXCL: a symbolic
// link planted under its name (it was opened with O_TRUNC and followed) is
// neither written through nor replaced; the write uses another name.
void tst_BadInputs::atomicWriteNeverFollowsAPlantedLink()
{
    const std::string victim = path("victim.txt"), target = path("written.json");
    writeBytes(victim, {'k', 'e', 'e', 'p'});
    std::filesystem::create_symlink(victim, target + ".tmp-" + std::to_string(::getpid()));
    io::writeFileAtomically(target, std::string("{\"ok\": 1}\n"));
    QCOMPARE(QByteArray(readBytes(victim).data(), 4), QByteArray("keep"));
    const std::vector<char> written = readBytes(target);
    QCOMPARE(std::string(written.begin(), written.end()), std::string("{\"ok\": 1}\n"));
    QVERIFY(std::filesystem::is_symlink(target + ".tmp-" + std::to_string(::getpid())));
}

// A TorchScript archive's tensors are read from its data.pkl; its code is
// neither run nor parsed (torch::jit::load compiled and ran it: a looping
// __setstate__ hung `zsq info`). Proof: an archive whose code is garbage
// still gives its weights, which torch::jit::load refuses.
void tst_BadInputs::torchScriptCodeNeverRuns()
{
    const torch::jit::Module source = torch::jit::load(path("valid_script.pt"));
    const torch::Tensor weight = source.attr("weight").toTensor();
    QVERIFY(io::readModelFile(path("valid_script.pt")).tensors.count("weight"));

    // The code record's (deflated) data starts with 0xff: a reserved deflate
    // block type, so the code cannot even be inflated.
    std::vector<char> bytes = torchScript_;
    bool damaged = false;
    for (std::size_t at = 0; at + 30 < bytes.size(); ++at) {
        if (std::memcmp(&bytes[at], "PK\x03\x04", 4) != 0)
            continue;
        auto le16 = [&](std::size_t o) { return std::size_t(std::uint8_t(bytes[o])) | std::size_t(std::uint8_t(bytes[o + 1])) << 8; };
        const std::size_t nameLength = le16(at + 26), extraLength = le16(at + 28);
        const std::string name(&bytes[at + 30], std::min(nameLength, bytes.size() - at - 30));
        const std::string suffix = "code/__torch__.py";
        if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::size_t data = at + 30 + nameLength + extraLength;
        for (std::size_t i = data; i < data + 8 && i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(0xff);
        damaged = true;
    }
    QVERIFY2(damaged, "the archive has a code/__torch__.py record");
    writeBytes(path("garbage_code_script.pt"), bytes);
    bool jitRefuses = false;
    try {
        torch::jit::load(path("garbage_code_script.pt"));
    } catch (const std::exception&) {
        jitRefuses = true;
    }
    QVERIFY(jitRefuses);
    const io::RawModelFile raw = io::readModelFile(path("garbage_code_script.pt"));
    QVERIFY(raw.format == io::ModelFileFormat::TorchScript);
    QCOMPARE(raw.tensors.size(), std::size_t(1));
    QVERIFY(torch::equal(raw.tensors.at("weight"), weight));
}

QTEST_GUILESS_MAIN(tst_BadInputs)
#include "tst_bad_inputs.moc"
