// Datasets on real data (Debian's Fashion-MNIST) and on broken files.
#include <torch/torch.h>

#include "data/dataset_registry.h"
#include "data/readers.h"
#include "io/image_export.h"
#include "io/model_file.h"
#include "zsq_test_util.h"

#include <chrono>
#include <functional>
#include <future>

#include "common/cancel.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using zsq::test::inputErrorOf;

class TestDatasets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp;

    std::string writeBytes(const QString& name, const std::string& bytes)
    {
        const std::string path = tmp.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

private slots:
    void exportedSyntheticFolderReadsTheExactTensors()
    {
        // A run's synthetic export: PNGs (clamped, rounded) plus images.pt /
        // labels.pt with the exact values, which openDataset prefers.
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        torch::manual_seed(3);
        const torch::Tensor images = torch::randn({6, 1, 28, 28}) * 0.6 + 0.3;  // some values outside [0, 1]
        const torch::Tensor labels = torch::tensor({0, 1, 2, 3, 4, 5}, torch::kLong);
        std::vector<std::string> names{"a", "b", "c", "Dress", "e", "f"};
        zsq::io::exportImageFolder(root, images, labels, names);
        zsq::io::writeTensorFile(root + "/images.pt", images);
        zsq::io::writeTensorFile(root + "/labels.pt", labels);
        auto ds = zsq::data::openDataset({root, "test", 28, 1});
        QCOMPARE(ds->size(), std::int64_t(6));
        QCOMPARE(QString::fromStdString(ds->classNames.at(3)), QStringLiteral("Dress"));
        const auto b = ds->range(0, 6);
        QVERIFY(torch::equal(b.images, images));
        QVERIFY(torch::equal(b.labels, labels));

        // Without the tensors: the PNGs, read as 1-channel for a 1-channel model.
        QVERIFY(QFile::remove(dir.filePath("images.pt")));
        auto png = zsq::data::openDataset({root, "test", 28, 1});
        const auto p = png->range(0, png->size());
        QCOMPARE(p.images.size(1), std::int64_t(1));
        const torch::Tensor rounded = (images.clamp(0, 1) * 255).round() / 255;
        // Folder order is by class folder, then file: labels 0..5 in order here.
        ZSQ_COMPARE_TENSORS(p.images, rounded, 1e-6);
    }

    void fashionMnistTestSet()
    {
        auto ds = zsq::data::openDataset({"fashion-mnist", "test", 0});
        QCOMPARE(ds->size(), 10000);
        QCOMPARE(ds->channels, 1);
        QCOMPARE(ds->height, 28);
        QCOMPARE(ds->numClasses(), 10);
        QCOMPARE(QString::fromStdString(ds->classNames[9]), QString("Ankle boot"));
        zsq::data::Batch all = ds->range(0, ds->size());
        // The test set is balanced: 1000 images per class.
        torch::Tensor counts = torch::bincount(all.labels);
        QCOMPARE(counts.min().item<int64_t>(), 1000);
        QCOMPARE(counts.max().item<int64_t>(), 1000);
        QVERIFY(all.images.min().item<float>() >= 0.0f);
        QVERIFY(all.images.max().item<float>() <= 1.0f);
        // Mean pixel of Fashion-MNIST is ~0.286.
        QVERIFY(std::abs(all.images.mean().item<double>() - 0.286) < 0.01);
    }

    void trainSplitsAreDisjoint()
    {
        auto train = zsq::data::openDataset({"fashion-mnist", "train", 0});
        auto fit = zsq::data::openDataset({"fashion-mnist", "fit", 0});
        auto val = zsq::data::openDataset({"fashion-mnist", "val", 0});
        QCOMPARE(train->size(), 60000);
        QCOMPARE(fit->size(), 54000);
        QCOMPARE(val->size(), 6000);
        // val is the tail of train, fit the head.
        QVERIFY(torch::equal(val->range(0, 1).images, train->range(54000, 54001).images));
        QVERIFY(torch::equal(fit->range(53999, 54000).images, train->range(53999, 54000).images));
        QVERIFY(inputErrorOf([] { zsq::data::openDataset({"fashion-mnist", "bogus", 0}); }).has_value());
    }

    void truncatedIdxIsAnInputError()
    {
        // A valid header promising 10 images, followed by half of one.
        std::string bytes("\x00\x00\x08\x03\x00\x00\x00\x0a\x00\x00\x00\x1c\x00\x00\x00\x1c", 16);
        bytes += std::string(400, '\x7f');
        writeBytes("t10k-images-idx3-ubyte", bytes);
        writeBytes("t10k-labels-idx1-ubyte", std::string("\x00\x00\x08\x01\x00\x00\x00\x0a", 8) + std::string(10, '\x01'));
        auto err = inputErrorOf([&] { zsq::data::openDataset({tmp.path().toStdString(), "test", 0}); });
        QVERIFY(err.has_value());
        QVERIFY2(err->find("truncated") != std::string::npos, err->c_str());
    }

    void wrongMagicIsAnInputError()
    {
        QTemporaryDir dir;
        const std::string images = dir.filePath("t10k-images-idx3-ubyte").toStdString();
        std::ofstream(images, std::ios::binary) << std::string(64, 'x');
        const std::string labels = dir.filePath("t10k-labels-idx1-ubyte").toStdString();
        std::ofstream(labels, std::ios::binary) << std::string(64, 'x');
        auto err = inputErrorOf([&] { zsq::data::readIdx(images, labels); });
        QVERIFY(err.has_value());
        QVERIFY2(err->find("not an IDX image file") != std::string::npos, err->c_str());
    }

    void cifar10BinaryBatch()
    {
        QTemporaryDir dir;
        std::string bytes;
        for (int i = 0; i < 3; ++i) {
            bytes += static_cast<char>(i + 4); // label
            bytes += std::string(3072, static_cast<char>(10 * i));
        }
        std::ofstream(dir.filePath("test_batch.bin").toStdString(), std::ios::binary) << bytes;
        auto ds = zsq::data::openDataset({dir.path().toStdString(), "test", 0});
        QCOMPARE(ds->size(), 3);
        QCOMPARE(ds->channels, 3);
        QCOMPARE(ds->numClasses(), 10);
        zsq::data::Batch b = ds->range(0, 3);
        QCOMPARE(b.labels[2].item<int64_t>(), 6);
        QVERIFY(std::abs(b.images[1].max().item<float>() - 10.0f / 255.0f) < 1e-6);

        std::ofstream(dir.filePath("test_batch.bin").toStdString(), std::ios::binary) << bytes.substr(0, 5000);
        auto err = inputErrorOf([&] { zsq::data::openDataset({dir.path().toStdString(), "test", 0}); });
        QVERIFY(err.has_value());
        QVERIFY2(err->find("truncated") != std::string::npos, err->c_str());
    }

    // A stop request reaches the IDX and CIFAR readers while they copy a file
    // into memory (issue #15: SIGTERM while a run read its dataset was
    // ignored). The token is paused first, so the reader provably waits at its
    // first chunk boundary instead of racing to the end of a small file.
    void readingStopsOnCancel()
    {
        QTemporaryDir dir;
        // 1200 images of 96x96 = 10.5 MiB of pixels: several chunks of
        // zsq::data::kReadChunkBytes.
        const std::uint32_t n = 1200, side = 96;
        std::string idx("\x00\x00\x08\x03", 4);
        for (std::uint32_t v : {n, side, side})
            for (int shift = 24; shift >= 0; shift -= 8)
                idx += static_cast<char>((v >> shift) & 0xff);
        idx += std::string(std::size_t(n) * side * side, '\x20');
        QVERIFY(idx.size() > 2 * zsq::data::kReadChunkBytes);
        const std::string images = dir.filePath("train-images-idx3-ubyte").toStdString();
        std::ofstream(images, std::ios::binary) << idx;
        std::string lbl("\x00\x00\x08\x01", 4);
        for (int shift = 24; shift >= 0; shift -= 8)
            lbl += static_cast<char>((n >> shift) & 0xff);
        lbl += std::string(n, '\x01');
        const std::string labels = dir.filePath("train-labels-idx1-ubyte").toStdString();
        std::ofstream(labels, std::ios::binary) << lbl;
        const std::string cifar = dir.filePath("data_batch_1.bin").toStdString();
        {
            std::ofstream out(cifar, std::ios::binary);
            for (int i = 0; i < 3000; ++i) // 9.2 MB
                out << '\x03' << std::string(3072, '\x40');
        }

        const std::vector<std::pair<const char*, std::function<void(const zsq::CancelToken*)>>> readers{
            {"idx", [&](const zsq::CancelToken* t) { zsq::data::readIdx(images, labels, 10, t); }},
            {"cifar", [&](const zsq::CancelToken* t) { zsq::data::readCifarBinary({cifar}, false, t); }},
            {"openDataset",
             [&](const zsq::CancelToken* t) {
                 zsq::data::DatasetRequest request{dir.path().toStdString(), "train", 0};
                 request.cancel = t;
                 zsq::data::openDataset(request);
             }},
        };
        for (const auto& [name, read] : readers) {
            read(nullptr); // readable as such
            zsq::CancelToken token;
            token.setPaused(true);
            auto result = std::async(std::launch::async, [&] {
                try {
                    read(&token);
                    return std::string("finished");
                } catch (const zsq::Cancelled&) {
                    return std::string("cancelled");
                }
            });
            QVERIFY2(result.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout, name);
            token.cancel();
            QVERIFY2(result.wait_for(std::chrono::seconds(10)) == std::future_status::ready, name);
            QCOMPARE(result.get(), std::string("cancelled"));
        }
    }

    void imageFolder()
    {
#ifdef ZSQ_WITH_OPENCV
        QTemporaryDir dir;
        QDir root(dir.path());
        for (const char* cls : {"cat", "dog"}) {
            root.mkdir(cls);
            QImage img(40, 30, QImage::Format_RGB32);
            img.fill(QString(cls) == "cat" ? QColor(255, 0, 0) : QColor(0, 0, 255));
            QVERIFY(img.save(root.filePath(QString(cls) + "/a.png")));
        }
        auto ds = zsq::data::openDataset({dir.path().toStdString(), "test", 16});
        QCOMPARE(ds->size(), 2);
        QCOMPARE(ds->numClasses(), 2);
        zsq::data::Batch b = ds->range(0, 2);
        QCOMPARE(b.images.sizes().vec(), (std::vector<int64_t>{2, 3, 16, 16}));
        // RGB order: the red "cat" image has its energy in channel 0.
        QVERIFY(b.images[0][0].mean().item<float>() > 0.99f);
        QVERIFY(b.images[0][2].mean().item<float>() < 0.01f);
        QCOMPARE(b.labels[1].item<int64_t>(), 1);
#else
        auto err = inputErrorOf([] { zsq::data::openImageFolder("/tmp", 32); });
        QVERIFY(err.has_value() && err->find("OpenCV") != std::string::npos);
#endif
    }

    void missingDatasetNamesWhereItLooked()
    {
        QTemporaryDir empty;
        qputenv("ZSQ_DATA_DIR", empty.path().toUtf8());
        qputenv("HOME", empty.path().toUtf8());
        if (QDir("/usr/share/datasets/cifar100").exists())
            QSKIP("cifar100 is installed here");
        auto err = inputErrorOf([] { zsq::data::openDataset({"cifar100", "test", 0}); });
        QVERIFY(err.has_value());
        QVERIFY2(err->find("not found") != std::string::npos, err->c_str());
        QVERIFY(inputErrorOf([] { zsq::data::openDataset({"/no/such/folder", "test", 0}); }).has_value());
    }

    void normalisationRoundTrip()
    {
        torch::Tensor x = torch::rand({2, 3, 8, 8});
        const std::vector<double> mean{0.4, 0.5, 0.6}, stdev{0.2, 0.25, 0.3};
        torch::Tensor n = zsq::data::normalizeForModel(x, mean, stdev, 0);
        QVERIFY(std::abs(n[0][1][0][0].item<double>() - (x[0][1][0][0].item<double>() - 0.5) / 0.25) < 1e-5);
        QVERIFY(zsq::test::maxAbsDiff(zsq::data::denormalize(n, mean, stdev), x) < 1e-5);
        QCOMPARE(zsq::data::normalizeForModel(x, mean, stdev, 16).size(2), 16);
        QVERIFY(inputErrorOf([&] { zsq::data::normalizeForModel(x, {0.5}, {0.5}, 0); }).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
