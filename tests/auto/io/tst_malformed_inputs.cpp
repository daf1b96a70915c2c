// A table of hand-made malformed files, one or more for every reader: pickles
// written byte by byte with the patterns that crashed LibTorch's unpickler
// (empty stacks, a dict that contains itself, 2e6 nested tuples, storage
// offsets of 2^40, 4-byte storages behind big weights), damaged zip
// archives, oversize headers, non-finite values, FIFOs, bad options. Each
// must give one InputError line naming the file (through the library) and
// exit code 2 with one line on stderr (through the `zsq` CLI).
//
// With ZSQ_WRITE_MALFORMED_SEEDS=DIR the small files are also written to DIR
// (tests/data/malformed holds them, as a seed corpus).
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include <torch/torch.h>

#include "common/error.h"
#include "config/run_config.h"
#include "data/dataset_registry.h"
#include "io/image_export.h"
#include "data/readers.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "models/zoo.h"

#include "zsq_test_util.h"

#include "zsq_cli_runner.h"

using namespace zsq;
namespace fs = std::filesystem;

namespace {

using Bytes = std::string;

std::uint32_t crc32(const Bytes& data)
{
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) {
        c ^= b;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

Bytes le(std::uint64_t v, int n)
{
    Bytes out;
    for (int i = 0; i < n; ++i)
        out += static_cast<char>((v >> (8 * i)) & 0xff);
    return out;
}

struct ZipEntry {
    std::string name;
    Bytes data;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::optional<std::uint32_t> crc;   // default: the right one
    std::optional<std::uint32_t> size;  // default: data.size()
};

// A stored zip archive as PyTorch's writer makes it (without zip64).
Bytes zip(const std::vector<ZipEntry>& entries, std::optional<std::uint32_t> cdOffsetOverride = {},
          std::optional<std::uint16_t> countOverride = {})
{
    Bytes out, cd;
    for (const auto& e : entries) {
        const std::uint32_t crc = e.crc.value_or(crc32(e.data));
        const std::uint32_t size = e.size.value_or(static_cast<std::uint32_t>(e.data.size()));
        const std::uint64_t local = out.size();
        out += le(0x04034b50, 4) + le(20, 2) + le(e.flags, 2) + le(e.method, 2) + le(0, 4) + le(crc, 4) +
               le(size, 4) + le(size, 4) + le(e.name.size(), 2) + le(0, 2) + e.name + e.data;
        cd += le(0x02014b50, 4) + le(20, 2) + le(20, 2) + le(e.flags, 2) + le(e.method, 2) + le(0, 4) + le(crc, 4) +
              le(size, 4) + le(size, 4) + le(e.name.size(), 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) +
              le(0, 4) + le(local, 4) + e.name;
    }
    const std::uint64_t cdOffset = out.size();
    const std::uint16_t count = countOverride.value_or(static_cast<std::uint16_t>(entries.size()));
    out += cd;
    out += le(0x06054b50, 4) + le(0, 2) + le(0, 2) + le(count, 2) + le(count, 2) + le(cd.size(), 4) +
           le(cdOffsetOverride.value_or(static_cast<std::uint32_t>(cdOffset)), 4) + le(0, 2);
    return out;
}

// A torch.save-like archive of one pickle and its storage records.
Bytes torchFile(const Bytes& pickle, const std::vector<std::pair<std::string, Bytes>>& records = {})
{
    std::vector<ZipEntry> entries{{"archive/data.pkl", pickle}};
    for (const auto& [key, data] : records)
        entries.push_back({"archive/data/" + key, data});
    entries.push_back({"archive/version", "3\n"});
    return zip(entries);
}

// ----- pickle pieces

const Bytes kProto = "\x80\x02";
Bytes str(const std::string& s) { return "X" + le(s.size(), 4) + s; }
Bytes global(const std::string& module, const std::string& name) { return "c" + module + "\n" + name + "\n"; }
Bytes integer(std::int64_t v) { return Bytes("\x8a\x08", 2) + le(static_cast<std::uint64_t>(v), 8); }
Bytes tuple(const std::vector<std::int64_t>& v)
{
    Bytes out = "(";
    for (auto x : v)
        out += integer(x);
    return out + "t";
}

// _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())
Bytes tensorCall(const std::string& storageType, const std::string& key, std::int64_t numel, std::int64_t offset,
                 const std::vector<std::int64_t>& sizes, const std::vector<std::int64_t>& strides)
{
    return global("torch._utils", "_rebuild_tensor_v2") + "((" + str("storage") + global("torch", storageType) +
           str(key) + str("cpu") + integer(numel) + "tQ" + integer(offset) + tuple(sizes) + tuple(strides) +
           "\x89" + global("collections", "OrderedDict") + ")Rt" + "R";
}

Bytes stateDictOf(const std::string& key, const Bytes& value)
{
    return kProto + "}(" + str(key) + value + "u.";
}

Bytes floats(const std::vector<float>& v)
{
    return Bytes(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

Bytes bytesOf(const std::vector<char>& v) { return Bytes(v.begin(), v.end()); }

// A literal with its NUL bytes.
template <std::size_t N>
Bytes B(const char (&s)[N])
{
    return Bytes(s, N - 1);
}

enum class Reader { Model, Tensor };

struct Row {
    std::string tag;
    std::string file;   // name inside the test folder
    Bytes bytes;
    std::string needle; // the message must contain it
    Reader reader = Reader::Model;
};

std::vector<Row> pickleRows()
{
    std::vector<Row> rows;
    auto add = [&](std::string tag, std::string file, Bytes pickle, std::string needle,
                   Reader reader = Reader::Model, std::vector<std::pair<std::string, Bytes>> records = {}) {
        rows.push_back({std::move(tag), std::move(file), torchFile(pickle, records), std::move(needle), reader});
    };
    // The crash patterns of LibTorch's unpickler.
    add("TUPLE1 on an empty stack", "tuple1_empty.pt", kProto + "\x85.", "TUPLE1");
    add("TUPLE3 with two items", "tuple3_short.pt", kProto + "NN\x87.", "TUPLE3");
    add("NEWOBJ on an empty stack", "newobj_empty.pt", kProto + "\x81.", "NEWOBJ");
    add("BINPERSID on an empty stack", "binpersid_empty.pt", kProto + "Q.", "BINPERSID");
    add("REDUCE with one item", "reduce_one.pt", kProto + "NR.", "REDUCE");
    add("BUILD on an empty stack", "build_empty.pt", kProto + "b.", "BUILD");
    add("APPEND below a MARK", "append_mark.pt", kProto + "](Na.", "APPEND");
    add("STOP on an empty stack", "stop_empty.pt", kProto + ".", "STOP");
    add("dict that contains itself", "dict_self.pt", kProto + B("}q\x00") + str("a") + B("h\x00s."), "itself");
    add("list that contains itself", "list_self.pt", kProto + B("]q\x00h\x00" "a."), "itself");
    add("dict and list in a cycle", "dict_list_cycle.pt", kProto + B("}q\x00") + str("k") + B("]q\x01h\x00" "as."), "cycle");
    add("2e6 nested tuples", "nested_tuples.pt", kProto + ")" + Bytes(2000000, '\x85') + ".", "nested deeper");
    add("300000 nested lists", "nested_lists.pt", kProto + Bytes(300000, ']') + Bytes(299999, 'a') + ".",
        "nested deeper");
    add("unknown opcode", "opcode.pt", kProto + "\xff.", "opcode");
    add("no STOP", "no_stop.pt", kProto + "N", "truncated");
    add("BINGET of a memo never stored", "binget.pt", kProto + "h\x05.", "memo");
    add("string longer than the data", "long_string.pt", kProto + "X\xff\xff\xff\x7f" + "abc.", "string");
    add("integer wider than 64 bits", "long1.pt", kProto + "\x8a\x09" + Bytes(9, '\x01') + ".", "64 bits");
    add("POP_MARK without MARK", "pop_mark.pt", kProto + "1.", "MARK");
    add("SETITEMS with an odd count", "setitems_odd.pt", kProto + "}(" + str("a") + "u.", "odd");
    add("pickle protocol 9", "proto9.pt", "\x80\x09N.", "protocol");
    add("os.system", "os_system.pt", kProto + global("os", "system") + str("ls") + "\x85R.", "os.system");
    add("builtins.eval by STACK_GLOBAL", "eval.pt",
        "\x80\x04\x8c\x08" "builtins" "\x8c\x04" "eval" "\x93" + str("1") + "\x85R.", "builtins.eval");
    add("quantized tensor", "qtensor.pt", kProto + global("torch._utils", "_rebuild_qtensor") + ")R.",
        "_rebuild_qtensor");
    add("tensor without a storage", "no_storage.pt",
        kProto + global("torch._utils", "_rebuild_tensor_v2") + "(N" + integer(0) + tuple({1}) + tuple({1}) + "tR.",
        "storage");

    // Tensors that lie about their storage.
    const Bytes four = floats({1.0f});
    add("4-byte storage behind a 16x3x3x3 weight", "short_storage.pt",
        stateDictOf("conv.weight", tensorCall("FloatStorage", "0", 1, 0, {16, 3, 3, 3}, {27, 9, 3, 1})),
        "reaches element", Reader::Model, {{"0", four}});
    add("storage claiming more than its record", "claims.pt",
        stateDictOf("w", tensorCall("FloatStorage", "0", 1000, 0, {1000}, {1})), "claims", Reader::Model,
        {{"0", four}});
    add("storage offset of 2^40", "offset40.pt",
        kProto + tensorCall("FloatStorage", "0", 1, std::int64_t(1) << 40, {1}, {1}) + ".", "reaches element",
        Reader::Tensor, {{"0", four}});
    add("negative stride", "neg_stride.pt", kProto + tensorCall("FloatStorage", "0", 1, 0, {1}, {-1}) + ".",
        "stride", Reader::Tensor, {{"0", four}});
    add("negative size", "neg_size.pt", kProto + tensorCall("FloatStorage", "0", 1, 0, {-5}, {1}) + ".", "size",
        Reader::Tensor, {{"0", four}});
    add("extent overflowing 64 bits", "overflow.pt",
        kProto + tensorCall("FloatStorage", "0", 1, 0, {std::int64_t(1) << 62, 4}, {4, 1}) + ".", "overflows",
        Reader::Tensor, {{"0", four}});
    add("storage record missing", "no_record.pt", kProto + tensorCall("FloatStorage", "7", 1, 0, {1}, {1}) + ".",
        "no record", Reader::Tensor);
    add("unknown storage type", "evil_storage.pt", kProto + tensorCall("EvilStorage", "0", 1, 0, {1}, {1}) + ".",
        "storage type", Reader::Tensor, {{"0", four}});
    return rows;
}

// A TorchScript-like archive (code/ and constants.pkl records): its data.pkl
// is read by the same reader, with __torch__.* classes as module objects.
Bytes scriptFile(const Bytes& pickle, const std::vector<std::pair<std::string, Bytes>>& records = {})
{
    std::vector<ZipEntry> entries{{"archive/data.pkl", pickle}};
    for (const auto& [key, data] : records)
        entries.push_back({"archive/data/" + key, data});
    entries.push_back({"archive/code/__torch__.py", "class M(Module):\n  __parameters__ = [\"weight\", ]\n"});
    entries.push_back({"archive/constants.pkl", kProto + ")."});
    entries.push_back({"archive/version", "3\n"});
    return zip(entries);
}

// GLOBAL __torch__.M, NEWOBJ, BUILD with {name: value}.
Bytes scriptModule(const std::string& name, const Bytes& value)
{
    return kProto + global("__torch__", "M") + ")\x81}(" + str(name) + value + "ub.";
}

std::vector<Row> scriptRows()
{
    const Bytes four = floats({1.0f});
    return {
        {"TorchScript: 4-byte storage behind a weight", "script_short_storage.pt",
         scriptFile(scriptModule("weight", tensorCall("FloatStorage", "0", 1, 0, {16, 3, 3, 3}, {27, 9, 3, 1})),
                    {{"0", four}}),
         "reaches element"},
        {"TorchScript: data.pkl calls os.system", "script_os_system.pt",
         scriptFile(kProto + global("os", "system") + str("ls") + "\x85R."), "os.system"},
        {"TorchScript: data.pkl holds no module", "script_no_module.pt", scriptFile(kProto + "N."), "module object"},
        {"TorchScript: module without tensors", "script_empty.pt", scriptFile(scriptModule("training", "\x88")),
         "without parameters"},
    };
}

std::vector<Row> zipRows()
{
    std::vector<Row> rows;
    const Bytes pickle = kProto + tensorCall("FloatStorage", "0", 1, 0, {1}, {1}) + ".";
    const Bytes good = torchFile(pickle, {{"0", floats({1.0f})}});
    rows.push_back({"zip without its end record", "zip_truncated.pt", good.substr(0, good.size() - 10),
                    "end-of-directory", Reader::Tensor});
    rows.push_back({"record with a wrong CRC", "zip_crc.pt",
                    zip({{"archive/data.pkl", pickle}, {"archive/data/0", floats({1.0f}), 0, 0, 0xdeadbeefu}}),
                    "CRC", Reader::Tensor});
    rows.push_back({"pickle with a wrong CRC", "zip_crc_pkl.pt",
                    zip({{"archive/data.pkl", pickle, 0, 0, 0x12345678u}, {"archive/data/0", floats({1.0f})}}),
                    "CRC", Reader::Tensor});
    rows.push_back({"central directory past the end", "zip_cd.pt", zip({{"archive/data.pkl", pickle}}, 0x7fffffffu),
                    "central directory", Reader::Tensor});
    rows.push_back({"65535 entries claimed", "zip_count.pt", zip({{"archive/data.pkl", pickle}}, {}, 0xffff),
                    "entries", Reader::Tensor});
    rows.push_back({"record larger than the file", "zip_size.pt",
                    zip({{"archive/data.pkl", pickle, 0, 0, {}, 0x7fffffffu}}), "extends past", Reader::Tensor});
    rows.push_back({"encrypted record", "zip_encrypted.pt", zip({{"archive/data.pkl", pickle, 1}}), "encrypted",
                    Reader::Tensor});
    rows.push_back({"unknown compression", "zip_method.pt", zip({{"archive/data.pkl", pickle, 0, 12}}),
                    "compression method", Reader::Tensor});
    rows.push_back({"records not in a folder", "zip_flat.pt", zip({{"data.pkl", pickle}}), "folder",
                    Reader::Tensor});
    rows.push_back({"no data.pkl", "zip_no_pickle.pt", zip({{"archive/other", "x"}}), "data.pkl", Reader::Tensor});
    rows.push_back({"a name twice", "zip_twice.pt", zip({{"archive/data.pkl", pickle}, {"archive/data.pkl", pickle}}),
                    "twice", Reader::Tensor});
    return rows;
}

// Well-formed files whose values are impossible.
std::vector<Row> valueRows()
{
    std::vector<Row> rows;
    models::ModelPtr model = models::createModel(models::defaultInfo("fmnist"));
    auto save = [](const io::TensorMap& tensors) {
        c10::impl::GenericDict sd(c10::StringType::get(), c10::TensorType::get());
        for (const auto& [key, t] : tensors)
            sd.insert(key, t.detach().clone());
        return bytesOf(torch::pickle_save(sd));
    };
    io::TensorMap nan = io::stateDict(*model);
    std::string weightKey, varKey;
    for (const auto& [key, t] : nan) {
        if (weightKey.empty() && key.find("weight") != std::string::npos && t.dim() == 4)
            weightKey = key;
        if (varKey.empty() && key.find("running_var") != std::string::npos)
            varKey = key;
    }
    nan[weightKey] = nan[weightKey].clone();
    nan[weightKey].view(-1)[0] = std::nanf("");
    rows.push_back({"NaN weight", "nan_weight.pt", save(nan), weightKey});
    io::TensorMap inf = io::stateDict(*model);
    inf[weightKey] = inf[weightKey].clone();
    inf[weightKey].view(-1)[3] = INFINITY;
    rows.push_back({"infinite weight", "inf_weight.pt", save(inf), "NaN or infinite"});
    io::TensorMap neg = io::stateDict(*model);
    neg[varKey] = -neg[varKey].clone().abs() - 1;
    rows.push_back({"negative BatchNorm variance", "neg_var.pt", save(neg), varKey});

    // A ZSQ checkpoint with one flipped bit in its format string.
    c10::impl::GenericDict state(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, t] : io::stateDict(*model))
        state.insert(key, t.detach().clone());
    c10::impl::GenericDict ckpt(c10::StringType::get(), c10::AnyType::get());
    ckpt.insert("format", std::string("zsq-checkpoinu"));
    ckpt.insert("meta", std::string("{}"));
    ckpt.insert("state", state);
    rows.push_back({"flipped bit in the checkpoint format", "flipped_format.zsq", bytesOf(torch::pickle_save(ckpt)),
                    "format"});
    c10::impl::GenericDict run(c10::StringType::get(), c10::AnyType::get());
    run.insert("format", std::string("zsq-run-checkpoint"));
    run.insert("meta", std::string("{}"));
    run.insert("student", state);
    rows.push_back({"run checkpoint as a model", "run.ckpt", bytesOf(torch::pickle_save(run)), "run checkpoint"});

    rows.push_back({"NaN input tensor", "nan_input.pt",
                    bytesOf(torch::pickle_save(torch::full({1, 1, 28, 28}, std::nanf("")))), "NaN",
                    Reader::Tensor});
    return rows;
}

void writeFile(const std::string& path, const Bytes& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    QVERIFY(out.good());
}

void checkOneLine(const std::string& msg, const std::string& file, const std::string& needle)
{
    QVERIFY2(!msg.empty() && msg.find('\n') == std::string::npos && msg.find('\r') == std::string::npos,
             ("not one line: " + msg).c_str());
    QVERIFY2(msg.find(file) != std::string::npos, ("does not name " + file + ": " + msg).c_str());
    QVERIFY2(msg.find(needle) != std::string::npos, ("lacks '" + needle + "': " + msg).c_str());
}

} // namespace

class tst_MalformedInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void libraryRefuses_data();
    void libraryRefuses();
    void cliRefuses_data();
    void cliRefuses();
    void fifosAreRefused();
    void datasetFiles();
    void options();
    void fuzzFindings();
    void validFilesStillLoad();

private:
    void table();
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::unique_ptr<QTemporaryDir> tmp_;
    fs::path dir_;
};

void tst_MalformedInputs::initTestCase()
{
    torch::manual_seed(3);
    tmp_ = std::make_unique<QTemporaryDir>();
    QVERIFY(tmp_->isValid());
    dir_ = tmp_->path().toStdString();
    const char* seeds = std::getenv("ZSQ_WRITE_MALFORMED_SEEDS");
    for (const auto& rows : {pickleRows(), zipRows(), valueRows(), scriptRows()})
        for (const Row& r : rows) {
            writeFile(path(r.file), r.bytes);
            if (seeds && *seeds && r.bytes.size() <= 4096)
                writeFile((fs::path(seeds) / r.file).string(), r.bytes);
        }
}

void tst_MalformedInputs::table()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("tensor");
    for (const auto& rows : {pickleRows(), zipRows(), valueRows(), scriptRows()})
        for (const Row& r : rows)
            QTest::newRow(r.tag.c_str()) << QString::fromStdString(r.file) << QString::fromStdString(r.needle)
                                          << (r.reader == Reader::Tensor);
}

void tst_MalformedInputs::libraryRefuses_data() { table(); }

// Through the library: io::loadModel (model rows) or io::readTensorFile
// (tensor rows) throws one InputError line naming the file; the other reader
// refuses the file too.
void tst_MalformedInputs::libraryRefuses()
{
    QFETCH(QString, file);
    QFETCH(QString, needle);
    QFETCH(bool, tensor);
    const std::string p = path(file.toStdString());
    std::optional<std::string> err = tensor ? test::inputErrorOf([&] { io::readTensorFile(p); })
                                            : test::inputErrorOf([&] { io::loadModel(p); });
    QVERIFY2(err.has_value(), "accepted");
    qInfo("%s", err->c_str());
    checkOneLine(*err, file.toStdString(), needle.toStdString());
    err = tensor ? test::inputErrorOf([&] { io::loadModel(p); }) : test::inputErrorOf([&] { io::readTensorFile(p); });
    QVERIFY2(err.has_value(), "the other reader accepted it");
    checkOneLine(*err, file.toStdString(), "");
}

void tst_MalformedInputs::cliRefuses_data() { table(); }

// Through the CLI: `zsq info FILE` for model files, `zsq infer --input FILE`
// for tensors: exit code 2 and one line on stderr.
void tst_MalformedInputs::cliRefuses()
{
    QFETCH(QString, file);
    QFETCH(QString, needle);
    QFETCH(bool, tensor);
    const QString p = QString::fromStdString(path(file.toStdString()));
    const test::CliRun r =
        tensor ? test::runZsq({"infer", "--input", p, "--output", QString::fromStdString(path("out.pt"))}, 120000)
               : test::runZsq({"info", p}, 120000);
    test::expectOneLineError(r, 2, needle);
    QVERIFY2(r.err.contains(file), qPrintable(r.err));
}

void tst_MalformedInputs::fifosAreRefused()
{
    const std::string fifo = path("model_fifo.pt");
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::loadModel(fifo), msg);
    checkOneLine(msg, "model_fifo.pt", "not a regular file");
    ZSQ_EXPECT_INPUT_ERROR(io::readTensorFile(fifo), msg);
    checkOneLine(msg, "model_fifo.pt", "not a regular file");
    ZSQ_EXPECT_INPUT_ERROR(config::readRunConfigFile(fifo), msg);
    checkOneLine(msg, "model_fifo.pt", "not a regular file");
    test::expectOneLineError(test::runZsq({"info", QString::fromStdString(fifo)}, 60000), 2, "not a regular file");
    test::expectOneLineError(test::runZsq({"quantize", "--config", QString::fromStdString(fifo)}, 60000), 2,
                             "not a regular file");
    test::expectOneLineError(
        test::runZsq({"infer", "--input", QString::fromStdString(fifo), "--output", "x.pt"}, 60000), 2,
        "not a regular file");

    // CIFAR-100's optional label-name file.
    const fs::path cifar = dir_ / "cifar100";
    fs::create_directories(cifar);
    writeFile((cifar / "test.bin").string(), Bytes("\x00\x05", 2) + Bytes(3072, '\x10'));
    QCOMPARE(::mkfifo((cifar / "fine_label_names.txt").c_str(), 0600), 0);
    auto err = test::inputErrorOf([&] { data::openDataset({cifar.string(), "test", 0}); });
    QVERIFY2(err && err->find("fine_label_names.txt") != std::string::npos, err ? err->c_str() : "accepted");
    QVERIFY(err->find("not a regular file") != std::string::npos);

    // A folder where a model file is expected.
    const fs::path folder = dir_ / "folder.pt";
    fs::create_directories(folder);
    test::expectOneLineError(test::runZsq({"info", QString::fromStdString(folder.string())}, 60000), 2, "folder");
}

void tst_MalformedInputs::datasetFiles()
{
    auto idxDir = [&](const std::string& name, const Bytes& images, const Bytes& labels) {
        const fs::path d = dir_ / name;
        fs::create_directories(d);
        writeFile((d / "t10k-images-idx3-ubyte").string(), images);
        writeFile((d / "t10k-labels-idx1-ubyte").string(), labels);
        return d.string();
    };
    auto be = [](std::uint32_t v) {
        return Bytes{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                     static_cast<char>(v)};
    };
    const Bytes imgMagic = be(0x803), lblMagic = be(0x801);
    // 1e8 images of 4096x4096: 1.6 PB promised by a 16-byte header.
    std::string d = idxDir("idx_huge", imgMagic + be(100000000) + be(4096) + be(4096), lblMagic + be(1) + "\x01");
    auto err = test::inputErrorOf([&] { data::openDataset({d, "test", 0}); });
    QVERIFY2(err && err->find("t10k-images-idx3-ubyte") != std::string::npos, err ? err->c_str() : "accepted");
    test::expectOneLineError(test::runZsq({"eval", "--dataset", QString::fromStdString(d)}, 120000), 2,
                             "t10k-images-idx3-ubyte");
    // A header that promises more than the file has.
    d = idxDir("idx_short", imgMagic + be(1000) + be(28) + be(28) + Bytes(784, '\x01'), lblMagic + be(1000));
    err = test::inputErrorOf([&] { data::openDataset({d, "test", 0}); });
    QVERIFY2(err && err->find("truncated") != std::string::npos, err ? err->c_str() : "accepted");
    // A label the dataset's 10 classes do not have.
    d = idxDir("idx_label", imgMagic + be(2) + be(28) + be(28) + Bytes(2 * 784, '\x01'),
               lblMagic + be(2) + "\x01\xc8");
    err = test::inputErrorOf([&] { data::openDataset({d, "test", 0}); });
    QVERIFY2(err && err->find("label 200") != std::string::npos, err ? err->c_str() : "accepted");
    test::expectOneLineError(test::runZsq({"eval", "--dataset", QString::fromStdString(d)}, 120000), 2,
                             "label 200");

    // Image folders: a header claiming 100000 x 100000 pixels, and a real
    // 1 x 60000 strip that a resize to a shorter side of 256 would turn
    // into 3.9 G pixels; both refused before anything that size exists.
    const fs::path images = dir_ / "image_folder";
    io::exportImageFolder(images.string(), torch::rand({2, 1, 1, 60000}), torch::tensor({0, 1}, torch::kLong),
                          {"a", "b"});
    std::string strip;
    for (const auto& entry : fs::recursive_directory_iterator(images))
        if (entry.path().extension() == ".png" && entry.path().parent_path().filename() == "0_a")
            strip = entry.path().string();
    QVERIFY(!strip.empty());
    err = test::inputErrorOf([&] {
        data::openDataset({images.string(), "test", 224, 1, "resize_crop", 256})->get({0});
    });
    QVERIFY2(err && err->find(strip) != std::string::npos && err->find("1x60000") == std::string::npos &&
                 err->find("60000x1") != std::string::npos && err->find("aspect ratio") != std::string::npos,
             err ? err->c_str() : "accepted");
    // The same strip squeezed to the model's size without a crop is fine.
    QCOMPARE(data::openDataset({images.string(), "test", 28, 1, "resize", 0})->get({0}).images.size(3), 28);
    const Bytes pngClaim = Bytes("\x89PNG\r\n\x1a\n", 8) + be(13) + "IHDR" + be(100000) + be(100000) +
                           Bytes("\x08\x00\x00\x00\x00", 5) + be(0);
    const fs::path claim = images / "0_a" / "claims.png";
    writeFile(claim.string(), pngClaim);
    err = test::inputErrorOf([&] {
        const data::DatasetPtr folder = data::openDataset({images.string(), "test", 28, 1, "resize", 0});
        for (std::int64_t i = 0; i < folder->size(); ++i)
            folder->get({i});
    });
    QVERIFY2(err && err->find(claim.string() + ": the image claims 100000x100000 pixels") != std::string::npos,
             err ? err->c_str() : "accepted");

    // A synthetic tensor folder: NaN images, float labels.
    const fs::path t = dir_ / "tensors_nan";
    fs::create_directories(t);
    io::writeTensorFile((t / "images.pt").string(), torch::full({2, 1, 28, 28}, std::nanf("")));
    io::writeTensorFile((t / "labels.pt").string(), torch::tensor({1, 2}, torch::kLong));
    test::expectOneLineError(test::runZsq({"eval", "--dataset", QString::fromStdString(t.string())}, 120000), 2,
                             "images.pt");
    const fs::path f = dir_ / "tensors_float_labels";
    fs::create_directories(f);
    io::writeTensorFile((f / "images.pt").string(), torch::rand({2, 1, 28, 28}));
    io::writeTensorFile((f / "labels.pt").string(), torch::tensor({1.5, 2.0}, torch::kFloat));
    test::expectOneLineError(test::runZsq({"eval", "--dataset", QString::fromStdString(f.string())}, 120000), 2,
                             "labels.pt");
}

void tst_MalformedInputs::options()
{
    test::expectOneLineError(test::runZsq({"eval", "--batch", "0"}, 60000), 2, "--batch");
    test::expectOneLineError(test::runZsq({"eval", "--batch", "-3"}, 60000), 2, "--batch");

    const std::string layers = path("layers.json");
    writeFile(layers, R"({"states":[{"layers":[{"name":"conv","parameters":100,"sensitivity_kl":{"-3":0.5,"4":0.1}}]}]})");
    test::expectOneLineError(test::runZsq({"suggest-bits", "--layers", QString::fromStdString(layers), "--output",
                                           QString::fromStdString(path("bits.json"))},
                                          60000),
                             2, "-3");
    writeFile(layers, R"({"states":[{"layers":[{"name":"conv","parameters":-100,"sensitivity_kl":{"4":0.1}}]}]})");
    test::expectOneLineError(test::runZsq({"suggest-bits", "--layers", QString::fromStdString(layers), "--output",
                                           QString::fromStdString(path("bits.json"))},
                                          60000),
                             2, "parameters");

    const std::string cfg = path("bits_config.json");
    writeFile(cfg, R"({"layer_bits": {"conv1": 4294967300}})");
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(config::loadRunConfigFile(cfg), msg);
    QVERIFY2(msg.find("4294967300") != std::string::npos, msg.c_str());
    test::expectOneLineError(test::runZsq({"quantize", "--config", QString::fromStdString(cfg)}, 60000), 2,
                             "4294967300");

    // The history MODEL.json would overwrite a checkpoint named x.json.
    test::expectOneLineError(
        test::runZsq({"train-teacher", "--epochs", "1", "--output", QString::fromStdString(path("x.json"))}, 60000), 2,
        "x.json");
    QVERIFY(!fs::exists(path("x.json")));
}

// What the fuzz targets (tests/fuzz) found, kept as files in
// tests/data/malformed/ (each also a seed of fuzz_torch_save or the input
// of the reader it broke).
void tst_MalformedInputs::fuzzFindings()
{
    const fs::path malformed = fs::path(ZSQ_TEST_SOURCE_DIR) / "data" / "malformed";
    // A zip whose empty stored record data/0 was copied with memcpy from a
    // null buffer (UB that UBSan reports; harmless-looking without it):
    // refused by its CRC, one line naming the file.
    const std::string empty = (malformed / "fuzz_zip_empty_record.pt").string();
    std::string msg;
    ZSQ_EXPECT_INPUT_ERROR(io::readTensorFile(empty), msg);
    checkOneLine(msg, "fuzz_zip_empty_record.pt", "CRC");
    test::expectOneLineError(test::runZsq({"infer", "--input", QString::fromStdString(empty), "--output",
                                           QString::fromStdString(path("out.pt"))},
                                          120000),
                             2, "fuzz_zip_empty_record.pt");

    // A 498-byte archive whose deflated record data/0 claims 3.1 GB: the
    // storage was allocated at the claimed size before the record was
    // inflated (fuzz_torch_save, out of memory in CI); refused when the zip
    // directory is read, as deflate cannot grow 17 bytes that much.
    const std::string claims = (malformed / "fuzz_zip_deflate_claims_3gb.pt").string();
    ZSQ_EXPECT_INPUT_ERROR(io::readTensorFile(claims), msg);
    checkOneLine(msg, "fuzz_zip_deflate_claims_3gb.pt", "claims to inflate to 3137339416 bytes from 17");
    test::expectOneLineError(test::runZsq({"infer", "--input", QString::fromStdString(claims), "--output",
                                           QString::fromStdString(path("out.pt"))},
                                          120000),
                             2, "fuzz_zip_deflate_claims_3gb.pt");

    // A 35-byte gzip IDX file whose header promises 1e6 images of 32x32
    // (1 GB): refused before the pixels are allocated (deflate inflates a
    // byte to at most 1032), not after a gigabyte was reserved.
    const fs::path idx = dir_ / "idx_gzip_promise";
    fs::create_directories(idx);
    fs::copy_file(malformed / "idx_gzip_promise-images-idx3-ubyte.gz", idx / "t10k-images-idx3-ubyte.gz");
    writeFile((idx / "t10k-labels-idx1-ubyte").string(), Bytes("\0\0\x08\x01\0\x0f\x42\x40", 8));
    auto err = test::inputErrorOf([&] { data::openDataset({idx.string(), "test", 0}); });
    QVERIFY2(err.has_value(), "accepted");
    checkOneLine(*err, "t10k-images-idx3-ubyte.gz", "more than a gzip file of 35 bytes can hold");
    test::expectOneLineError(test::runZsq({"eval", "--dataset", QString::fromStdString(idx.string())}, 120000), 2,
                             "t10k-images-idx3-ubyte.gz");

    // Run configs nested 200 000 levels deep overflowed the stack in
    // keysGiven (objects) and in copying the value (arrays); the stored
    // reproducer is the smallest refused depth (101 levels).
    const std::string deepObject = path("deep_object.json");
    writeFile(deepObject, [] {
        Bytes s;
        for (int i = 0; i < 200000; ++i)
            s += "{\"a\":";
        return s + "1" + Bytes(200000, '}');
    }());
    const std::string deepArray = path("deep_array.json");
    writeFile(deepArray, "{\"layer_bits\":" + Bytes(200000, '[') + Bytes(200000, ']') + "}");
    const std::string stored = (malformed / "fuzz_config_deep.json").string();
    for (const std::string& file : {deepObject, deepArray, stored}) {
        const std::string name = fs::path(file).filename().string();
        ZSQ_EXPECT_INPUT_ERROR(config::loadRunConfigFile(file), msg);
        checkOneLine(msg, name, "nested deeper than 100 levels");
        ZSQ_EXPECT_INPUT_ERROR(config::keysGiven(config::readRunConfigFile(file)), msg);
        checkOneLine(msg, name, "nested deeper than 100 levels");
        test::expectOneLineError(test::runZsq({"quantize", "--config", QString::fromStdString(file)}, 60000), 2,
                                 "nested deeper");
    }
    // A number no double holds: nlohmann throws out_of_range, not
    // parse_error, which escaped as an uncaught exception (fuzz_run_config).
    const std::string overflow = (malformed / "fuzz_config_number_overflow.json").string();
    ZSQ_EXPECT_INPUT_ERROR(config::loadRunConfigFile(overflow), msg);
    checkOneLine(msg, "fuzz_config_number_overflow.json", "number out of range");
    test::expectOneLineError(test::runZsq({"quantize", "--config", QString::fromStdString(overflow)}, 60000), 2,
                             "number out of range");
    writeFile(path("bits_overflow.json"), R"({"wbits": 4, "layer_bits": {"conv1": 1e999}})");
    ZSQ_EXPECT_INPUT_ERROR(config::loadRunConfigFile(path("bits_overflow.json")), msg);
    checkOneLine(msg, "bits_overflow.json", "1e999");

    // 100 levels still parse (and are then judged by the schema).
    writeFile(path("deep_100.json"), "{\"preprocessing\":" + Bytes(99, '[') + Bytes(99, ']') + "}");
    ZSQ_EXPECT_INPUT_ERROR(config::loadRunConfigFile(path("deep_100.json")), msg);
    QVERIFY2(msg.find("nested") == std::string::npos && msg.find("preprocessing") != std::string::npos, msg.c_str());
}

// The writers' own files still load (LibTorch's pickler, our checkpoints).
void tst_MalformedInputs::validFilesStillLoad()
{
    models::ModelPtr model = models::createModel(models::defaultInfo("fmnist"));
    io::saveCheckpoint(path("ok.zsq"), *model);
    QVERIFY(io::loadModel(path("ok.zsq")).format == io::ModelFileFormat::ZsqCheckpoint);
    const torch::Tensor t = torch::randn({2, 3, 4});
    io::writeTensorFile(path("ok.pt"), t);
    QVERIFY(torch::equal(io::readTensorFile(path("ok.pt")), t));
    // A view with an offset into a shared storage, and an empty tensor.
    const torch::Tensor base = torch::arange(20, torch::kFloat);
    writeFile(path("view.pt"), bytesOf(torch::pickle_save(base.slice(0, 5, 15).view({2, 5}))));
    QVERIFY(torch::equal(io::readTensorFile(path("view.pt")), base.slice(0, 5, 15).view({2, 5})));
    writeFile(path("empty.pt"), bytesOf(torch::pickle_save(torch::empty({0, 3}))));
    QCOMPARE(io::readTensorFile(path("empty.pt")).numel(), 0);
    // The hand-written pickle helpers make readable files when told the truth.
    writeFile(path("hand.pt"), torchFile(kProto + tensorCall("FloatStorage", "0", 2, 1, {1}, {1}) + ".",
                                         {{"0", floats({1.0f, 7.0f})}}));
    QCOMPARE(io::readTensorFile(path("hand.pt")).item<float>(), 7.0f);
}

QTEST_GUILESS_MAIN(tst_MalformedInputs)
#include "tst_malformed_inputs.moc"
