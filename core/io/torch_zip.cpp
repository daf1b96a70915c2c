#include "io/torch_zip.h"

#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include <ATen/ATen.h>

#ifdef ZSQ_HAVE_ZLIB
#include <zlib.h>
#endif

#include "common/error.h"

namespace zsq::io {

namespace {

using L = TorchSaveLimits;

[[noreturn]] void zipError(const std::string& what)
{
    throw InputError("not a readable PyTorch zip archive (" + what + ")");
}

std::uint64_t le(const std::vector<char>& b, std::uint64_t at, int n)
{
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::uint64_t>(i)]);
    return v;
}

// a + b <= limit, without overflow.
bool fits(std::uint64_t a, std::uint64_t b, std::uint64_t limit)
{
    return a <= limit && b <= limit - a;
}

std::uint32_t crc32Of(const char* data, std::uint64_t n)
{
#ifdef ZSQ_HAVE_ZLIB
    uLong crc = ::crc32(0L, Z_NULL, 0);
    while (n > 0) {
        const uInt chunk = static_cast<uInt>(std::min<std::uint64_t>(n, 1u << 30));
        crc = ::crc32(crc, reinterpret_cast<const Bytef*>(data), chunk);
        data += chunk;
        n -= chunk;
    }
    return static_cast<std::uint32_t>(crc);
#else
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint64_t i = 0; i < n; ++i)
        c = table[(c ^ static_cast<unsigned char>(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
#endif
}

} // namespace

// ---------------------------------------------------------------------------
// Zip

TorchZip::TorchZip(const std::vector<char>& bytes) : bytes_(bytes)
{
    const std::uint64_t size = bytes.size();
    if (size < 22)
        zipError("too short");
    // End of central directory: the last "PK\5\6" within the comment's reach.
    std::uint64_t eocd = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t lowest = size >= 22 + 65535 ? size - 22 - 65535 : 0;
    for (std::uint64_t p = size - 22 + 1; p-- > lowest;) {
        if (le(bytes, p, 4) == 0x06054b50) {
            eocd = p;
            break;
        }
    }
    if (eocd == std::numeric_limits<std::uint64_t>::max())
        zipError("no end-of-directory record: truncated?");
    std::uint64_t count = le(bytes, eocd + 10, 2);
    std::uint64_t cdSize = le(bytes, eocd + 12, 4);
    std::uint64_t cdOffset = le(bytes, eocd + 16, 4);
    std::uint64_t cdLimit = eocd; // the directory lies before its end record
    // Zip64 (PyTorch's writer always adds it).
    if (eocd >= 20 && le(bytes, eocd - 20, 4) == 0x07064b50) {
        const std::uint64_t z64 = le(bytes, eocd - 20 + 8, 8);
        if (!fits(z64, 56, eocd - 20) || le(bytes, z64, 4) != 0x06064b50)
            zipError("bad zip64 end-of-directory record");
        count = le(bytes, z64 + 32, 8);
        cdSize = le(bytes, z64 + 40, 8);
        cdOffset = le(bytes, z64 + 48, 8);
        cdLimit = z64;
    }
    if (!fits(cdOffset, cdSize, cdLimit))
        zipError("central directory outside the file: truncated?");
    if (count == 0)
        zipError("no entries");
    if (count > L::kMaxZipEntries || count > cdSize / 46)
        zipError(std::to_string(count) + " entries claimed");

    std::uint64_t p = cdOffset;
    const std::uint64_t cdEnd = cdOffset + cdSize;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (!fits(p, 46, cdEnd) || le(bytes, p, 4) != 0x02014b50)
            zipError("bad central directory entry " + std::to_string(i));
        const auto flags = static_cast<std::uint16_t>(le(bytes, p + 8, 2));
        Entry e;
        e.method = static_cast<std::uint16_t>(le(bytes, p + 10, 2));
        e.crc = static_cast<std::uint32_t>(le(bytes, p + 16, 4));
        e.compressedSize = le(bytes, p + 20, 4);
        e.size = le(bytes, p + 24, 4);
        const std::uint64_t nameLen = le(bytes, p + 28, 2);
        const std::uint64_t extraLen = le(bytes, p + 30, 2);
        const std::uint64_t commentLen = le(bytes, p + 32, 2);
        std::uint64_t local = le(bytes, p + 42, 4);
        if (!fits(p + 46, nameLen + extraLen + commentLen, cdEnd))
            zipError("bad central directory entry " + std::to_string(i));
        std::string name(bytes.data() + p + 46, nameLen);
        // Zip64 extra field: the 64-bit values of the fields set to ~0.
        for (std::uint64_t x = p + 46 + nameLen, xEnd = x + extraLen; x + 4 <= xEnd;) {
            const std::uint64_t id = le(bytes, x, 2), len = le(bytes, x + 2, 2);
            if (x + 4 + len > xEnd)
                zipError("bad extra field of " + name);
            if (id == 1) {
                std::uint64_t q = x + 4;
                auto next = [&](std::uint64_t& field) {
                    if (q + 8 > x + 4 + len)
                        zipError("bad zip64 field of " + name);
                    field = le(bytes, q, 8);
                    q += 8;
                };
                if (e.size == 0xFFFFFFFFu)
                    next(e.size);
                if (e.compressedSize == 0xFFFFFFFFu)
                    next(e.compressedSize);
                if (local == 0xFFFFFFFFu)
                    next(local);
            }
            x += 4 + len;
        }
        p += 46 + nameLen + extraLen + commentLen;
        if (flags & 1)
            zipError(name + " is encrypted");
        if (e.method != 0 && e.method != 8)
            zipError(name + " uses compression method " + std::to_string(e.method));
        if (e.method == 0 && e.size != e.compressedSize)
            zipError(name + " has inconsistent sizes");
        // Deflate turns a byte into at most 1032 (RFC 1951: a 258-byte match
        // per 2-bit code at best), so a record claiming more than that is
        // refused here, before a reader allocates what it claims.
        if (e.method == 8 && (e.size > L::kMaxInflatedBytes || e.size / 1032 > e.compressedSize))
            zipError(name + " claims to inflate to " + std::to_string(e.size) + " bytes from " +
                     std::to_string(e.compressedSize) + " (more than deflate can, or over " +
                     std::to_string(L::kMaxInflatedBytes) + ")");
        if (!fits(local, 30, cdOffset) || le(bytes, local, 4) != 0x04034b50)
            zipError("bad local header of " + name);
        const std::uint64_t localName = le(bytes, local + 26, 2), localExtra = le(bytes, local + 28, 2);
        e.dataOffset = local + 30 + localName + localExtra;
        if (!fits(e.dataOffset, e.compressedSize, cdOffset))
            zipError(name + " extends past the file's data: truncated?");
        if (localName != nameLen || std::memcmp(bytes.data() + local + 30, name.data(), nameLen) != 0)
            zipError("the local header of " + name + " names another file");
        if (i == 0) {
            const auto slash = name.find('/');
            if (slash == std::string::npos || slash == 0)
                zipError("its files are not in a folder, as PyTorch writes them");
            folder_ = name.substr(0, slash);
        }
        if (!entries_.emplace(std::move(name), e).second)
            zipError("a file name occurs twice");
    }
}

bool TorchZip::has(const std::string& name) const
{
    return entries_.count(folder_ + "/" + name) > 0;
}

std::vector<std::string> TorchZip::names() const
{
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [name, e] : entries_)
        out.push_back(name.substr(folder_.size() + 1));
    return out;
}

const TorchZip::Entry& TorchZip::entry(const std::string& name) const
{
    auto it = entries_.find(folder_ + "/" + name);
    if (it == entries_.end())
        throw InputError("the archive has no record " + name);
    return it->second;
}

bool TorchZip::isTorchScript() const
{
    if (has("constants.pkl"))
        return true;
    auto it = entries_.lower_bound(folder_ + "/code/");
    return it != entries_.end() && it->first.compare(0, folder_.size() + 6, folder_ + "/code/") == 0;
}

std::string TorchZip::read(const std::string& name, std::uint64_t maxBytes) const
{
    const Entry& e = entry(name);
    if (e.size > maxBytes)
        throw InputError("record " + name + " is " + std::to_string(e.size) + " bytes, more than the " +
                         std::to_string(maxBytes) + " allowed");
    std::string out(e.size, '\0');
    readInto(name, out.data());
    return out;
}

void TorchZip::readInto(const std::string& name, char* out) const
{
    const Entry& e = entry(name);
    const char* src = bytes_.data() + e.dataOffset;
    if (e.method == 0) {
        // An empty record may come with a null `out` (an empty storage):
        // memcpy's pointers must be valid even for 0 bytes.
        if (e.size > 0)
            std::memcpy(out, src, e.size);
    } else {
#ifdef ZSQ_HAVE_ZLIB
        if (e.size > L::kMaxInflatedBytes)
            throw InputError("record " + name + " inflates to more than " + std::to_string(L::kMaxInflatedBytes) +
                             " bytes");
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
            throw InputError("cannot inflate record " + name);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(src));
        z.avail_in = static_cast<uInt>(std::min<std::uint64_t>(e.compressedSize, 1u << 30));
        z.next_out = reinterpret_cast<Bytef*>(out);
        z.avail_out = static_cast<uInt>(e.size);
        const int rc = inflate(&z, Z_FINISH);
        const auto produced = z.total_out;
        inflateEnd(&z);
        if (rc != Z_STREAM_END || produced != e.size)
            throw InputError("record " + name + " is corrupt (its compressed data does not inflate to " +
                             std::to_string(e.size) + " bytes)");
#else
        throw InputError("record " + name + " is compressed and this build has no zlib");
#endif
    }
    if (crc32Of(out, e.size) != e.crc)
        throw InputError("record " + name + " fails its CRC-32 check (the file is damaged)");
}

} // namespace zsq::io
