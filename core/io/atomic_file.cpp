#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"

namespace zsq::io {

namespace {
void writeAll(const std::string& path, const char* data, std::size_t size)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (target.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            throw RuntimeFailure("cannot create folder " + target.parent_path().string() + ": " + ec.message());
    }
    // A new file of our own (O_EXCL): never one that is already there, nor
    // one a symbolic link planted under the temporary name points to; the
    // name is retried with a suffix while taken (another thread or process).
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        tmp = path + ".tmp-" + std::to_string(::getpid()) + (attempt ? "-" + std::to_string(attempt) : "");
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && (errno != EEXIST || attempt >= 1000))
            throw RuntimeFailure("cannot write " + path + ": " + std::strerror(errno));
    }
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw RuntimeFailure("cannot write " + path + ": " + std::strerror(err ? err : EIO));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw RuntimeFailure("cannot write " + path + ": " + std::strerror(err));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw RuntimeFailure("cannot replace " + path + ": " + std::strerror(err));
    }
}
} // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    writeAll(path, bytes.data(), bytes.size());
}

void writeFileAtomically(const std::string& path, const std::vector<char>& bytes)
{
    writeAll(path, bytes.data(), bytes.size());
}

int openRegularFile(const std::string& path, std::uint64_t* size)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the
    // opened descriptor then decides (no window between check and open).
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            throw InputError("no such file: " + path);
        throw InputError("cannot open " + path + ": " + std::strerror(err));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool dir = S_ISDIR(st.st_mode);
        ::close(fd);
        throw InputError(path + (dir ? " is a folder, not a file"
                                     : " is not a regular file (a FIFO, device or socket), which is not read"));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    *size = static_cast<std::uint64_t>(st.st_size);
    return fd;
}

std::vector<char> readWholeFile(const std::string& path, std::uint64_t maxBytes)
{
    std::uint64_t size = 0;
    const int fd = openRegularFile(path, &size);
    if (size > maxBytes) {
        ::close(fd);
        throw InputError(path + " is " + std::to_string(size) + " bytes, more than the " + std::to_string(maxBytes) +
                         " this reader accepts");
    }
    std::vector<char> bytes;
    try {
        bytes.resize(static_cast<std::size_t>(size));
    } catch (const std::bad_alloc&) {
        ::close(fd);
        throw RuntimeFailure("not enough memory to read " + path + " (" + std::to_string(size) + " bytes)");
    }
    std::size_t done = 0;
    for (;;) {
        if (done == bytes.size()) {
            // The file may have grown since fstat: read on, within the limit.
            if (bytes.size() >= maxBytes + 1)
                break;
            bytes.resize(std::min<std::uint64_t>(maxBytes + 1, std::max<std::uint64_t>(bytes.size() * 2, 4096)));
        }
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw InputError("cannot read " + path + ": " + std::strerror(err));
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (done > maxBytes)
        throw InputError(path + " is more than the " + std::to_string(maxBytes) + " bytes this reader accepts");
    bytes.resize(done);
    return bytes;
}

} // namespace zsq::io
