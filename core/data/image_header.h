#pragma once
// An image file's width and height read from its header, before anything
// is decoded: a hostile or broken file (a PNG that claims 100000 x 100000,
// a 1 x 60000 strip that a resize would blow up to gigabytes) is refused
// before memory is allocated for it. PNG, JPEG, BMP and PNM are read here;
// for other formats OpenCV's own limit (2^30 pixels) applies.
#include <cstdint>
#include <optional>
#include <string>

namespace zsq::data {

struct ImageSize {
    std::int64_t width = 0;
    std::int64_t height = 0;
};

// nullopt: a format not read here, or a header too short to tell.
std::optional<ImageSize> imageSizeFromHeader(const std::string& path);

// The most pixels an image may have, decoded or after its resize: 8192 x 8192.
constexpr std::int64_t kMaxImagePixels = std::int64_t(1) << 26;

} // namespace zsq::data
