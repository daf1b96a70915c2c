#include "data/dataset_registry.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "data/readers.h"
#include "data/tensor_dataset.h"
#include "io/atomic_file.h"

namespace zsq::data {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& cifar10ClassNames()
{
    static const std::vector<std::string> names = {"airplane", "automobile", "bird", "cat", "deer",
                                                   "dog", "frog", "horse", "ship", "truck"};
    return names;
}

std::vector<std::string> numberedClasses(int n)
{
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i)
        names.push_back(std::to_string(i));
    return names;
}

// "train-images-idx3-ubyte" or with ".gz".
std::string findIdx(const fs::path& dir, const std::string& stem)
{
    for (const char* suffix : {"", ".gz"}) {
        fs::path p = dir / (stem + suffix);
        if (fs::is_regular_file(p))
            return p.string();
    }
    // also the common "train-images.idx3-ubyte" spelling
    std::string dotted = stem;
    if (auto pos = dotted.find("-idx"); pos != std::string::npos)
        dotted[pos] = '.';
    for (const char* suffix : {"", ".gz"}) {
        fs::path p = dir / (dotted + suffix);
        if (fs::is_regular_file(p))
            return p.string();
    }
    return {};
}

bool looksLikeIdxDir(const fs::path& dir)
{
    return !findIdx(dir, "train-images-idx3-ubyte").empty() || !findIdx(dir, "t10k-images-idx3-ubyte").empty();
}

fs::path cifarDir(const fs::path& dir, bool cifar100)
{
    const char* probe = cifar100 ? "train.bin" : "data_batch_1.bin";
    const char* sub = cifar100 ? "cifar-100-binary" : "cifar-10-batches-bin";
    if (fs::is_regular_file(dir / probe) || fs::is_regular_file(dir / (cifar100 ? "test.bin" : "test_batch.bin")))
        return dir;
    if (fs::is_directory(dir / sub))
        return dir / sub;
    return {};
}

std::shared_ptr<InMemoryDataset> openIdx(const fs::path& dir, bool train, const CancelToken* cancel)
{
    const std::string prefix = train ? "train" : "t10k";
    std::string images = findIdx(dir, prefix + "-images-idx3-ubyte");
    std::string labels = findIdx(dir, prefix + "-labels-idx1-ubyte");
    if (images.empty() || labels.empty())
        throw InputError("no " + prefix + " IDX files in " + dir.string());
    return readIdx(images, labels, 10, cancel); // MNIST and Fashion-MNIST: 10 classes
}

std::shared_ptr<InMemoryDataset> openCifar(const fs::path& dir, bool cifar100, bool train, const CancelToken* cancel)
{
    std::vector<std::string> files;
    if (cifar100)
        files.push_back((dir / (train ? "train.bin" : "test.bin")).string());
    else if (train)
        for (int i = 1; i <= 5; ++i)
            files.push_back((dir / ("data_batch_" + std::to_string(i) + ".bin")).string());
    else
        files.push_back((dir / "test_batch.bin").string());
    auto ds = readCifarBinary(files, cifar100, cancel);
    ds->classNames = cifar100 ? numberedClasses(100) : cifar10ClassNames();
    if (cifar100) {
        // Optional; when present it must be a regular text file of at most
        // 1 MiB (a FIFO there is refused, not waited on).
        const fs::path namesPath = dir / "fine_label_names.txt";
        std::error_code ec;
        if (fs::exists(fs::symlink_status(namesPath, ec))) {
            const std::vector<char> bytes = io::readWholeFile(namesPath.string(), 1u << 20);
            std::vector<std::string> read;
            std::string line;
            for (char c : bytes) {
                if (c == '\n') {
                    if (!line.empty() && line.back() == '\r')
                        line.pop_back();
                    if (!line.empty())
                        read.push_back(line);
                    line.clear();
                } else {
                    line += c;
                }
            }
            if (!line.empty())
                read.push_back(line);
            if (read.size() == 100)
                ds->classNames = read;
        }
    }
    return ds;
}

DatasetPtr applySplit(const std::shared_ptr<InMemoryDataset>& train, const std::string& split)
{
    const std::int64_t n = train->size();
    const std::int64_t fitEnd = n - n / 10;
    if (split == "train")
        return train;
    if (split == "fit")
        return train->slice(0, fitEnd);
    if (split == "val")
        return train->slice(fitEnd, n);
    throw InputError("unknown split '" + split + "' (train, test, val, fit)");
}

} // namespace

const std::vector<std::string>& fashionMnistClassNames()
{
    static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
    return names;
}

std::vector<std::string> datasetSearchDirs(const std::string& name)
{
    std::vector<std::string> dirs;
    dirs.push_back("/usr/share/datasets/" + name);
    if (const char* env = std::getenv("ZSQ_DATA_DIR"))
        dirs.push_back((fs::path(env) / name).string());
    if (const char* home = std::getenv("HOME"))
        dirs.push_back((fs::path(home) / ".local/share/zsq/datasets" / name).string());
    return dirs;
}

DatasetPtr openDataset(const DatasetRequest& request)
{
    const std::string& src = request.source;
    const bool isTest = request.split == "test";
    if (!isTest && request.split != "train" && request.split != "val" && request.split != "fit")
        throw InputError("unknown split '" + request.split + "' (train, test, val, fit)");

    fs::path dir;
    std::string kind; // idx, cifar10, cifar100, folder
    std::string displayName = src;
    if (src == "fashion-mnist" || src == "mnist" || src == "cifar10" || src == "cifar100") {
        for (const std::string& d : datasetSearchDirs(src)) {
            if (fs::is_directory(d)) {
                dir = d;
                break;
            }
        }
        if (dir.empty()) {
            std::string searched;
            for (const std::string& d : datasetSearchDirs(src))
                searched += (searched.empty() ? "" : ", ") + d;
            throw InputError("dataset '" + src + "' not found (looked in " + searched +
                             (src == "fashion-mnist" ? "; apt install dataset-fashion-mnist)" : ")"));
        }
        kind = (src == "cifar10" || src == "cifar100") ? src : "idx";
    } else {
        dir = src;
        if (!fs::exists(dir))
            throw InputError("dataset path not found: " + src);
        if (!fs::is_directory(dir))
            throw InputError("dataset path is not a folder: " + src);
        if (looksLikeIdxDir(dir))
            kind = "idx";
        else if (!cifarDir(dir, false).empty())
            kind = "cifar10";
        else if (!cifarDir(dir, true).empty())
            kind = "cifar100";
        else
            kind = "folder";
    }

    // A run's exported synthetic set: the exact float samples, not the PNGs.
    if (kind == "folder" && isTensorFolder(dir.string()))
        return openTensorFolder(dir.string());
    if (kind == "folder") {
        fs::path root = dir;
        if (fs::is_directory(dir / request.split))
            root = dir / request.split;
        else if (isTest && fs::is_directory(dir / "val"))
            root = dir / "val";
        return openImageFolder(root.string(), request.imageSize, request.channels, request.resize, request.resizeSize);
    }

    std::shared_ptr<InMemoryDataset> ds;
    if (kind == "idx") {
        ds = openIdx(dir, !isTest, request.cancel);
        if (ds->numClasses() == 0) {
            const bool fashion = src == "fashion-mnist" || dir.string().find("fashion") != std::string::npos;
            ds->classNames = fashion ? fashionMnistClassNames() : numberedClasses(10);
        }
    } else {
        fs::path cdir = cifarDir(dir, kind == "cifar100");
        if (cdir.empty())
            throw InputError("no CIFAR binary batches in " + dir.string());
        ds = openCifar(cdir, kind == "cifar100", !isTest, request.cancel);
    }
    ds->name = displayName;
    if (isTest)
        return ds;
    return applySplit(ds, request.split);
}

} // namespace zsq::data
