#include <filesystem>
#include <fstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/image_export.h"

namespace zsq::io {

int exportImageFolder(const std::string& dir, const torch::Tensor& images, const torch::Tensor& labels,
                      const std::vector<std::string>& classNames)
{
    namespace fs = std::filesystem;
    torch::Tensor u8 = (images.detach().to(torch::kCPU).clamp(0, 1) * 255.0).round().to(torch::kUInt8);
    u8 = u8.permute({0, 2, 3, 1}).contiguous(); // NHWC for OpenCV
    const int c = static_cast<int>(u8.size(3));
    std::string csv = "file,label,class\n";
    for (std::int64_t i = 0; i < u8.size(0); ++i) {
        const std::int64_t label = labels[i].item<std::int64_t>();
        std::string cls = label < static_cast<std::int64_t>(classNames.size()) ? classNames[label] : std::to_string(label);
        for (char& ch : cls)
            if (ch == '/' || ch == ' ')
                ch = '_';
        const fs::path folder = fs::path(dir) / (std::to_string(label) + "_" + cls);
        fs::create_directories(folder);
        cv::Mat img(static_cast<int>(u8.size(1)), static_cast<int>(u8.size(2)), c == 1 ? CV_8UC1 : CV_8UC3,
                    u8[i].data_ptr<std::uint8_t>());
        cv::Mat out;
        if (c == 3)
            cv::cvtColor(img, out, cv::COLOR_RGB2BGR);
        else
            out = img;
        const fs::path file = folder / ("synthetic_" + std::to_string(i) + ".png");
        if (!cv::imwrite(file.string(), out))
            throw RuntimeFailure("cannot write " + file.string());
        csv += fs::relative(file, dir).string() + "," + std::to_string(label) + "," + cls + "\n";
    }
    writeFileAtomically((fs::path(dir) / "labels.csv").string(), csv);
    return static_cast<int>(u8.size(0));
}

} // namespace zsq::io
