#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
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
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw RuntimeFailure("cannot write " + path + ": " + std::strerror(errno));
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

std::vector<char> readWholeFile(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError("no such file: " + path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open " + path);
    return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace zsq::io
