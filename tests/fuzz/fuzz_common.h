#pragma once
// Helpers shared by the fuzz targets: a scratch folder for the readers that
// take paths, the input split into parts, and a walk over every tensor a
// reader returns that reads its first and last element from instrumented
// code (LibTorch's own kernels are not instrumented, so a tensor whose view
// reached past its storage would otherwise go unnoticed by ASan).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ATen.h>
#include <ATen/core/ivalue.h>

namespace zsq::fuzz {

// A folder of its own for this process, for the readers that take paths:
// in /dev/shm where there is one (writing a file on ext4 that replaced one
// of the same name costs a writeback per run, 3 ms, ten times the reader),
// else in $TMPDIR or /tmp. Removed with its files when the process exits.
inline const std::string& scratchDir()
{
    static const std::string dir = [] {
        const char* base = std::getenv("TMPDIR");
        std::string root = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (base && *base ? base : "/tmp");
        std::string templ = root + "/zsq-fuzz-XXXXXX";
        std::vector<char> buf(templ.begin(), templ.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        return std::string(buf.data());
    }();
    static const bool cleanup = [] {
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        });
        return true;
    }();
    (void)cleanup;
    return dir;
}

// Replaces the file (unlink + create: no truncation of the old one).
inline void writeFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    ::unlink(path.c_str());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || (size && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
        std::perror(path.c_str());
        std::abort();
    }
}

// Cuts a fuzz input into parts: a little-endian 16-bit length before each
// part but the last, which takes the rest (so a mutation of the length moves
// the cut, and the parts stay arbitrary bytes).
inline std::vector<std::string> splitParts(const std::uint8_t* data, std::size_t size, std::size_t parts)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (std::size_t i = 0; i + 1 < parts; ++i) {
        std::size_t len = 0;
        if (pos + 2 <= size)
            len = data[pos] | (std::size_t(data[pos + 1]) << 8);
        pos = std::min(pos + 2, size);
        len = std::min(len, size - pos);
        out.emplace_back(reinterpret_cast<const char*>(data + pos), len);
        pos += len;
    }
    out.emplace_back(reinterpret_cast<const char*>(data + pos), size - pos);
    return out;
}

// Reads the lowest and the highest byte that a strided tensor's elements
// occupy, through the raw storage pointer, and checks them against the
// storage's length: a reader that let a view reach past its storage fails
// here (ASan: heap-buffer-overflow, or the abort below).
inline void touchTensor(const at::Tensor& t)
{
    if (!t.defined() || t.numel() == 0)
        return;
    const std::int64_t itemSize = static_cast<std::int64_t>(t.element_size());
    std::int64_t lo = t.storage_offset(), hi = t.storage_offset();
    for (std::int64_t d = 0; d < t.dim(); ++d) {
        const std::int64_t span = (t.size(d) - 1) * t.stride(d);
        (span < 0 ? lo : hi) += span;
    }
    const std::int64_t storageBytes = static_cast<std::int64_t>(t.storage().nbytes());
    if (lo < 0 || (hi + 1) * itemSize > storageBytes) {
        std::fprintf(stderr, "tensor elements [%lld, %lld] x %lld bytes outside a storage of %lld bytes\n",
                     static_cast<long long>(lo), static_cast<long long>(hi), static_cast<long long>(itemSize),
                     static_cast<long long>(storageBytes));
        std::abort();
    }
    const auto* base = static_cast<const volatile std::uint8_t*>(t.storage().data());
    volatile std::uint8_t sink = 0;
    sink = sink + base[lo * itemSize];
    sink = sink + base[(hi + 1) * itemSize - 1];
    (void)sink;
}

// Calls fn(tensor) for every tensor inside a value (dicts, lists, tuples,
// nested).
template <typename Fn>
void forEachTensor(const c10::IValue& v, const Fn& fn, int depth = 0)
{
    if (depth > 1000)
        std::abort(); // the reader bounds nesting far below this
    if (v.isTensor()) {
        fn(v.toTensor());
    } else if (v.isGenericDict()) {
        for (const auto& e : v.toGenericDict()) {
            forEachTensor(e.key(), fn, depth + 1);
            forEachTensor(e.value(), fn, depth + 1);
        }
    } else if (v.isList()) {
        for (const c10::IValue& e : v.toListRef())
            forEachTensor(e, fn, depth + 1);
    } else if (v.isTuple()) {
        for (const c10::IValue& e : v.toTupleRef().elements())
            forEachTensor(e, fn, depth + 1);
    }
}

inline void touchValue(const c10::IValue& v)
{
    forEachTensor(v, [](const at::Tensor& t) { touchTensor(t); });
}

// With ZSQ_FUZZ_VERBOSE set, what the reader said about an input (replaying
// a file by hand: ZSQ_FUZZ_VERBOSE=1 build/fuzz/fuzz_idx FILE).
inline void noteRefusal(const std::exception& e)
{
    static const bool verbose = std::getenv("ZSQ_FUZZ_VERBOSE") != nullptr;
    if (verbose)
        std::fprintf(stderr, "refused: %s\n", e.what());
}

inline void noteAccepted(const char* what)
{
    static const bool verbose = std::getenv("ZSQ_FUZZ_VERBOSE") != nullptr;
    if (verbose)
        std::fprintf(stderr, "accepted: %s\n", what);
}

} // namespace zsq::fuzz
