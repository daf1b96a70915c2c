#pragma once
// The zip container of PyTorch files (torch.save, torch.jit.save), read
// without trusting it: sizes and offsets checked against the bytes, each
// record's CRC-32 checked, zip64 and deflate (with zlib). The limits of the
// whole reader (io/torch_save_reader.h says what each bounds) live here too.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace zsq::io {

struct TorchSaveLimits {
    static constexpr std::uint64_t kMaxPickleBytes = 256ull << 20;
    static constexpr std::uint64_t kMaxStringBytes = 64ull << 20;
    static constexpr std::size_t kMaxDepth = 200;
    static constexpr std::size_t kMaxMemo = 1u << 22;
    static constexpr std::uint64_t kMaxItems = 1ull << 25;
    static constexpr std::size_t kMaxZipEntries = 1u << 20;
    static constexpr std::uint64_t kMaxInflatedBytes = 1ull << 30;
    static constexpr std::size_t kMaxTensorDims = 64;
    static constexpr std::int64_t kMaxViewElements = std::int64_t(1) << 26;
};

// The records of a PyTorch zip archive (all in one top folder, whose name
// varies: "archive", the file's stem, ...). Throws InputError (without the
// file's path: callers add it) for anything malformed.
class TorchZip {
public:
    struct Entry {
        std::uint64_t dataOffset = 0;
        std::uint64_t compressedSize = 0;
        std::uint64_t size = 0;
        std::uint32_t crc = 0;
        std::uint16_t method = 0;
    };

    explicit TorchZip(const std::vector<char>& bytes);

    // Names relative to the archive's folder ("data.pkl", "data/0", ...).
    bool has(const std::string& name) const;
    // Every record's name, relative to the archive's folder.
    std::vector<std::string> names() const;
    const Entry& entry(const std::string& name) const;
    // The record's bytes, CRC checked; `maxBytes` bounds what is allocated.
    std::string read(const std::string& name, std::uint64_t maxBytes = TorchSaveLimits::kMaxPickleBytes) const;
    // Into `out`, which holds entry(name).size bytes.
    void readInto(const std::string& name, char* out) const;
    // A TorchScript archive (torch.jit.save): it has code/ or constants.pkl.
    bool isTorchScript() const;
    const std::string& folder() const { return folder_; }

private:
    const std::vector<char>& bytes_;
    std::string folder_;
    std::map<std::string, Entry> entries_; // full names
};

} // namespace zsq::io
