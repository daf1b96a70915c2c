#include "data/image_header.h"

#include <cctype>
#include <fstream>
#include <vector>

namespace zsq::data {

namespace {

std::uint32_t be16(const unsigned char* p) { return (std::uint32_t(p[0]) << 8) | p[1]; }
std::uint32_t be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }
std::int32_t le32(const unsigned char* p)
{
    return static_cast<std::int32_t>(std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) |
                                     (std::uint32_t(p[3]) << 24));
}

// JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG, DAC)
// holds height and width; markers before it are skipped by their length.
std::optional<ImageSize> jpegSize(std::ifstream& in)
{
    in.seekg(2);
    unsigned char m[9];
    for (int guard = 0; guard < 10000 && in.read(reinterpret_cast<char*>(m), 4); ++guard) {
        if (m[0] != 0xFF)
            return std::nullopt;
        const unsigned marker = m[1];
        const std::uint32_t length = be16(m + 2);
        if (length < 2)
            return std::nullopt;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (!in.read(reinterpret_cast<char*>(m), 5))
                return std::nullopt;
            return ImageSize{be16(m + 3), be16(m + 1)};
        }
        in.seekg(length - 2, std::ios::cur);
    }
    return std::nullopt;
}

// PNM (P1..P6): magic, then width and height as text, comments allowed.
std::optional<ImageSize> pnmSize(std::ifstream& in)
{
    in.seekg(2);
    std::int64_t values[2];
    for (std::int64_t& v : values) {
        int c = in.get();
        while (c != EOF && (std::isspace(c) || c == '#')) {
            if (c == '#')
                while (c != EOF && c != '\n')
                    c = in.get();
            c = in.get();
        }
        if (c == EOF || !std::isdigit(c))
            return std::nullopt;
        v = 0;
        for (int digits = 0; c != EOF && std::isdigit(c) && digits < 12; ++digits, c = in.get())
            v = v * 10 + (c - '0');
    }
    return ImageSize{values[0], values[1]};
}

} // namespace

std::optional<ImageSize> imageSizeFromHeader(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char h[26] = {};
    if (!in.read(reinterpret_cast<char*>(h), 2))
        return std::nullopt;
    in.read(reinterpret_cast<char*>(h + 2), sizeof h - 2);
    const std::streamsize got = 2 + in.gcount();
    in.clear();
    if (got >= 24 && h[0] == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G')
        return ImageSize{be32(h + 16), be32(h + 20)}; // IHDR comes first
    if (h[0] == 0xFF && h[1] == 0xD8)
        return jpegSize(in);
    if (got >= 26 && h[0] == 'B' && h[1] == 'M') {
        const std::int64_t height = le32(h + 22);
        return ImageSize{le32(h + 18), height < 0 ? -height : height}; // negative: top-down rows
    }
    if (h[0] == 'P' && h[1] >= '1' && h[1] <= '6')
        return pnmSize(in);
    return std::nullopt;
}

} // namespace zsq::data
