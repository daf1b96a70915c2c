// MNIST-style IDX files, plain or gzip-compressed.
//
// Limits (checked before anything is allocated):
//   - the files must be regular files (a FIFO or device is refused, not
//     waited on);
//   - the header: 1..1e8 images of 1..4096 x 1..4096 pixels, and at most
//     kMaxIdxPixelBytes (1 GiB) of pixels in all (EMNIST's largest split has
//     0.55 GB);
//   - a plain file must be exactly as long as its header says (16 bytes +
//     N x rows x cols for images, 8 + N for labels);
//   - a gzip file must be able to inflate to what its header says (at most
//     1032 bytes per compressed byte, deflate's limit) before anything is
//     allocated, it is inflated only as far as its header says, and one byte
//     more must not exist: a file that inflates to more than its header
//     promises (a "gzip bomb" behind a small header) is refused after reading
//     the promised bytes, not inflated to the end.
#include <cerrno>
#include <cstdint>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#ifdef ZSQ_HAVE_ZLIB
#include <zlib.h>
#endif

#include "common/cancel.h"
#include "common/error.h"
#include "data/readers.h"
#include "io/atomic_file.h"

namespace zsq::data {

namespace {

constexpr std::int64_t kMaxIdxImages = 100000000;
constexpr std::int64_t kMaxIdxSide = 4096;
constexpr std::int64_t kMaxIdxPixelBytes = std::int64_t(1) << 30;

bool endsWithGz(const std::string& path)
{
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

// Reads a plain or gzip IDX file sequentially, never more than asked for.
class IdxFile {
public:
    IdxFile(const std::string& path, const CancelToken* cancel) : path_(path), cancel_(cancel)
    {
        int fd = -1;
        try {
            fd = io::openRegularFile(path, &size_);
        } catch (const InputError& e) {
            throw InputError(std::string("dataset file not found or not readable: ") + e.what());
        }
        unsigned char magic[2] = {0, 0};
        const bool gzip = ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (gzip) {
#ifdef ZSQ_HAVE_ZLIB
            gz_ = gzdopen(fd, "rb");
            if (!gz_) {
                ::close(fd);
                throw InputError("cannot open " + path);
            }
#else
            ::close(fd);
            throw InputError(path + " is gzip-compressed and this build has no zlib; gunzip it first");
#endif
        } else {
            fd_ = fd;
        }
    }
    ~IdxFile()
    {
#ifdef ZSQ_HAVE_ZLIB
        if (gz_)
            gzclose(gz_);
#endif
        if (fd_ >= 0)
            ::close(fd_);
    }
    IdxFile(const IdxFile&) = delete;
    IdxFile& operator=(const IdxFile&) = delete;

    bool compressed() const { return fd_ < 0; }
    std::uint64_t fileSize() const { return size_; }

    void read(void* buffer, std::size_t bytes, const char* what)
    {
        std::size_t done = 0;
        auto* out = static_cast<char*>(buffer);
        while (done < bytes) {
            checkpoint(cancel_);
            const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(bytes - done, kReadChunkBytes));
            const long n = readSome(out + done, chunk);
            if (n <= 0)
                throw InputError(path_ + " is truncated or corrupt while reading " + what + lastError());
            done += static_cast<std::size_t>(n);
        }
    }

    // After the promised data: nothing may follow.
    void expectEnd()
    {
        char extra = 0;
        if (readSome(&extra, 1) > 0)
            throw InputError(path_ + " holds more data than its IDX header says (a corrupt or mismatched header)");
    }

private:
    long readSome(char* out, unsigned n)
    {
#ifdef ZSQ_HAVE_ZLIB
        if (gz_)
            return gzread(gz_, out, n);
#endif
        for (;;) {
            const ssize_t r = ::read(fd_, out, n);
            if (r < 0 && errno == EINTR)
                continue;
            return static_cast<long>(r);
        }
    }
    std::string lastError()
    {
#ifdef ZSQ_HAVE_ZLIB
        if (gz_) {
            int errnum = 0;
            const char* msg = gzerror(gz_, &errnum);
            if (errnum != Z_OK && errnum != Z_STREAM_END && msg)
                return std::string(" (") + msg + ")";
        }
#endif
        return "";
    }

    std::string path_;
    const CancelToken* cancel_ = nullptr;
    std::uint64_t size_ = 0;
    int fd_ = -1;
#ifdef ZSQ_HAVE_ZLIB
    gzFile gz_ = nullptr;
#endif
};

std::uint32_t readBigEndian32(IdxFile& file, const char* what)
{
    unsigned char b[4];
    file.read(b, 4, what);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
}

// Deflate turns one byte into at most 1032 (RFC 1951: a 258-byte match costs
// at least two bits); gzip adds 18 bytes of header and trailer. A gzip file
// cannot inflate to more than this, whatever its IDX header says.
std::uint64_t maxInflatedSize(std::uint64_t gzipBytes)
{
    return gzipBytes * 1032 + 1024;
}

// A plain file must be exactly as long as its header says; a gzip file must
// be able to hold that much (checked before the pixels are allocated, so a
// 100-byte file cannot make the reader reserve a gigabyte).
void checkPlainSize(const IdxFile& file, const std::string& path, std::uint64_t expected, const std::string& what)
{
    if (file.compressed()) {
        if (expected <= maxInflatedSize(file.fileSize()))
            return;
        throw InputError(path + " is truncated: the header promises " + what + " (" + std::to_string(expected) +
                         " bytes), more than a gzip file of " + std::to_string(file.fileSize()) +
                         " bytes can hold");
    }
    if (file.fileSize() == expected)
        return;
    throw InputError(path + (file.fileSize() < expected ? " is truncated" : " is longer than its header says") +
                     ": the header promises " + what + " (" + std::to_string(expected) + " bytes), the file has " +
                     std::to_string(file.fileSize()));
}

} // namespace

std::shared_ptr<InMemoryDataset> readIdx(const std::string& imagesPath, const std::string& labelsPath,
                                         std::int64_t numClasses, const CancelToken* cancel)
{
    IdxFile images(imagesPath, cancel);
    const std::uint32_t imagesMagic = readBigEndian32(images, "the header");
    if (imagesMagic != 0x00000803)
        throw InputError(imagesPath + " is not an IDX image file (magic " + std::to_string(imagesMagic) + ")");
    const std::int64_t n = readBigEndian32(images, "the header");
    const std::int64_t rows = readBigEndian32(images, "the header");
    const std::int64_t cols = readBigEndian32(images, "the header");
    if (n <= 0 || rows <= 0 || cols <= 0 || rows > kMaxIdxSide || cols > kMaxIdxSide || n > kMaxIdxImages)
        throw InputError(imagesPath + " has an implausible header (" + std::to_string(n) + " images of " +
                         std::to_string(rows) + "x" + std::to_string(cols) + ")");
    const std::int64_t pixelBytes = n * rows * cols; // <= 1e8 * 4096 * 4096: fits in 64 bits
    if (pixelBytes > kMaxIdxPixelBytes)
        throw InputError(imagesPath + ": its header promises " + std::to_string(pixelBytes) +
                         " bytes of pixels, more than the " + std::to_string(kMaxIdxPixelBytes) + " accepted");
    const std::string promise =
        std::to_string(n) + " images of " + std::to_string(rows) + "x" + std::to_string(cols);
    checkPlainSize(images, imagesPath, 16 + static_cast<std::uint64_t>(pixelBytes), promise);
    torch::Tensor pixels = torch::empty({n, 1, rows, cols}, torch::kUInt8);
    images.read(pixels.data_ptr<std::uint8_t>(), static_cast<std::size_t>(pixelBytes), "the pixels");
    images.expectEnd();

    IdxFile labels(labelsPath, cancel);
    const std::uint32_t labelsMagic = readBigEndian32(labels, "the header");
    if (labelsMagic != 0x00000801)
        throw InputError(labelsPath + " is not an IDX label file (magic " + std::to_string(labelsMagic) + ")");
    const std::int64_t nLabels = readBigEndian32(labels, "the header");
    if (nLabels != n)
        throw InputError(labelsPath + " has " + std::to_string(nLabels) + " labels for " + std::to_string(n) +
                         " images");
    checkPlainSize(labels, labelsPath, 8 + static_cast<std::uint64_t>(n), std::to_string(n) + " labels");
    torch::Tensor labelBytes = torch::empty({n}, torch::kUInt8);
    labels.read(labelBytes.data_ptr<std::uint8_t>(), static_cast<std::size_t>(n), "the labels");
    labels.expectEnd();
    if (numClasses > 0) {
        const std::int64_t maxLabel = labelBytes.max().item<std::int64_t>();
        if (maxLabel >= numClasses)
            throw InputError(labelsPath + " holds label " + std::to_string(maxLabel) + ", but the dataset has " +
                             std::to_string(numClasses) + " classes");
    }
    return std::make_shared<InMemoryDataset>(pixels, labelBytes.to(torch::kLong));
}

} // namespace zsq::data
