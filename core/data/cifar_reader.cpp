// CIFAR-10/100 binary batches.
//
// Limits: each file a regular file (a FIFO or device is refused, not waited
// on) of at most kMaxCifarFileBytes (512 MiB; CIFAR-100's train.bin has
// 154 MB), a whole number of records; the record count comes from the file's
// real length, never from a header. Labels must be below the class count.
#include <cerrno>
#include <cstring>

#include <unistd.h>

#include "common/cancel.h"
#include "common/error.h"
#include "data/readers.h"
#include "io/atomic_file.h"

namespace zsq::data {

namespace {
constexpr std::uint64_t kMaxCifarFileBytes = 512ull << 20;
}

std::shared_ptr<InMemoryDataset> readCifarBinary(const std::vector<std::string>& files, bool cifar100,
                                                 const CancelToken* cancel)
{
    const std::int64_t labelBytes = cifar100 ? 2 : 1;
    const std::int64_t record = labelBytes + 3 * 32 * 32;
    const std::int64_t classes = cifar100 ? 100 : 10;
    std::vector<torch::Tensor> images, labels;
    for (const std::string& path : files) {
        std::uint64_t size = 0;
        int fd = -1;
        try {
            fd = io::openRegularFile(path, &size);
        } catch (const InputError& e) {
            throw InputError(std::string("dataset file not found or not readable: ") + e.what());
        }
        const auto bytes = static_cast<std::int64_t>(size);
        if (size > kMaxCifarFileBytes || bytes == 0 || bytes % record != 0) {
            ::close(fd);
            throw InputError(path + " is truncated or not a CIFAR-" + (cifar100 ? "100" : "10") +
                             " binary batch (" + std::to_string(bytes) + " bytes is not a multiple of " +
                             std::to_string(record) + (size > kMaxCifarFileBytes ? ", or more than 512 MiB" : "") +
                             ")");
        }
        const std::int64_t n = bytes / record;
        torch::Tensor raw = torch::empty({n, record}, torch::kUInt8);
        auto* out = reinterpret_cast<char*>(raw.data_ptr<std::uint8_t>());
        std::int64_t done = 0;
        while (done < bytes) {
            try {
                checkpoint(cancel); // waits while paused, throws Cancelled
            } catch (...) {
                ::close(fd);
                throw;
            }
            const ssize_t r = ::read(fd, out + done, std::min(static_cast<std::size_t>(bytes - done), kReadChunkBytes));
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                ::close(fd);
                throw InputError("cannot read " + path + (r < 0 ? std::string(": ") + std::strerror(errno) : ""));
            }
            done += r;
        }
        ::close(fd);
        // CIFAR-100 records are <coarse label><fine label><pixels>.
        torch::Tensor y = raw.select(1, labelBytes - 1).to(torch::kLong);
        if (y.max().item<std::int64_t>() >= classes)
            throw InputError("label " + std::to_string(y.max().item<std::int64_t>()) + " out of range in CIFAR file " +
                             path + " (wrong CIFAR variant?)");
        labels.push_back(y);
        images.push_back(raw.slice(1, labelBytes).reshape({n, 3, 32, 32}).clone());
    }
    return std::make_shared<InMemoryDataset>(torch::cat(images), torch::cat(labels));
}

} // namespace zsq::data
