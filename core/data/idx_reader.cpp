#include <cstdint>
#include <filesystem>

#include <fstream>

#ifdef ZSQ_HAVE_ZLIB
#include <zlib.h>
#endif

#include "common/error.h"
#include "data/readers.h"

namespace zsq::data {

namespace {


#ifdef ZSQ_HAVE_ZLIB
// gzread reads gzip and plain files alike.
class GzFile {
public:
    explicit GzFile(const std::string& path) : path_(path)
    {
        if (!std::filesystem::is_regular_file(path))
            throw InputError("dataset file not found: " + path);
        file_ = gzopen(path.c_str(), "rb");
        if (!file_)
            throw InputError("cannot open " + path);
    }
    ~GzFile()
    {
        if (file_)
            gzclose(file_);
    }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;

    void read(void* buffer, std::size_t bytes, const char* what)
    {
        std::size_t done = 0;
        auto* out = static_cast<char*>(buffer);
        while (done < bytes) {
            const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(bytes - done, 1u << 30));
            const int n = gzread(file_, out + done, chunk);
            if (n <= 0) {
                int errnum = 0;
                const char* msg = gzerror(file_, &errnum);
                throw InputError(path_ + " is truncated or corrupt while reading " + what +
                                 (errnum != Z_OK && errnum != Z_STREAM_END && msg ? std::string(" (") + msg + ")" : ""));
            }
            done += static_cast<std::size_t>(n);
        }
    }


private:
    std::string path_;
    gzFile file_ = nullptr;
};
#else
// Without zlib: plain IDX files only.
class GzFile {
public:
    explicit GzFile(const std::string& path) : path_(path), in_(path, std::ios::binary)
    {
        if (!std::filesystem::is_regular_file(path) || !in_)
            throw InputError("dataset file not found: " + path);
        if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0)
            throw InputError(path + " is gzip-compressed and this build has no zlib; gunzip it first");
    }
    void read(void* buffer, std::size_t bytes, const char* what)
    {
        if (!in_.read(static_cast<char*>(buffer), static_cast<std::streamsize>(bytes)))
            throw InputError(path_ + " is truncated or corrupt while reading " + what);
    }

private:
    std::string path_;
    std::ifstream in_;
};
#endif

// The IDX header's big-endian 32-bit fields, from either reader.
template <class File>
std::uint32_t readBigEndian32(File& file, const char* what)
{
    unsigned char b[4];
    file.read(b, 4, what);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
}

} // namespace

std::shared_ptr<InMemoryDataset> readIdx(const std::string& imagesPath, const std::string& labelsPath)
{
    GzFile images(imagesPath);
    const std::uint32_t imagesMagic = readBigEndian32(images, "the header");
    if (imagesMagic != 0x00000803)
        throw InputError(imagesPath + " is not an IDX image file (magic " + std::to_string(imagesMagic) + ")");
    const std::int64_t n = readBigEndian32(images, "the header");
    const std::int64_t rows = readBigEndian32(images, "the header");
    const std::int64_t cols = readBigEndian32(images, "the header");
    if (n <= 0 || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096 || n > 100000000)
        throw InputError(imagesPath + " has an implausible header");
    torch::Tensor pixels = torch::empty({n, 1, rows, cols}, torch::kUInt8);
    images.read(pixels.data_ptr<std::uint8_t>(), static_cast<std::size_t>(n * rows * cols), "the pixels");

    GzFile labels(labelsPath);
    const std::uint32_t labelsMagic = readBigEndian32(labels, "the header");
    if (labelsMagic != 0x00000801)
        throw InputError(labelsPath + " is not an IDX label file (magic " + std::to_string(labelsMagic) + ")");
    const std::int64_t nLabels = readBigEndian32(labels, "the header");
    if (nLabels != n)
        throw InputError(labelsPath + " has " + std::to_string(nLabels) + " labels for " + std::to_string(n) +
                         " images");
    torch::Tensor labelBytes = torch::empty({n}, torch::kUInt8);
    labels.read(labelBytes.data_ptr<std::uint8_t>(), static_cast<std::size_t>(n), "the labels");
    return std::make_shared<InMemoryDataset>(pixels, labelBytes.to(torch::kLong));
}

} // namespace zsq::data
