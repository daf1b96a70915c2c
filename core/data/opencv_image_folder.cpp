// ImageNet-style folder dataset, decoded lazily with OpenCV (built only with
// ZSQ_WITH_OPENCV; no_opencv_image_folder.cpp stands in otherwise).
#include <algorithm>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/error.h"
#include "data/readers.h"

namespace zsq::data {

namespace {

bool isImageFile(const std::filesystem::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp" || ext == ".webp" || ext == ".tif" ||
           ext == ".tiff" || ext == ".ppm" || ext == ".pgm";
}

class ImageFolderDataset : public Dataset {
public:
    ImageFolderDataset(const std::string& root, std::int64_t size) : size_(size)
    {
        namespace fs = std::filesystem;
        std::vector<fs::path> classDirs;
        for (const auto& entry : fs::directory_iterator(root))
            if (entry.is_directory())
                classDirs.push_back(entry.path());
        std::sort(classDirs.begin(), classDirs.end());
        for (std::size_t c = 0; c < classDirs.size(); ++c) {
            classNames.push_back(classDirs[c].filename().string());
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(classDirs[c]))
                if (entry.is_regular_file() && isImageFile(entry.path()))
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files)
                samples_.emplace_back(f.string(), static_cast<std::int64_t>(c));
        }
        if (samples_.empty())
            throw InputError(root + " holds no images in class sub-folders");
        name = root;
        channels = 3;
        height = width = size_;
    }

    std::int64_t size() const override { return static_cast<std::int64_t>(samples_.size()); }

    Batch get(const std::vector<std::int64_t>& indices) const override
    {
        torch::Tensor images = torch::empty({static_cast<std::int64_t>(indices.size()), 3, size_, size_});
        torch::Tensor labels = torch::empty({static_cast<std::int64_t>(indices.size())}, torch::kLong);
        for (std::size_t i = 0; i < indices.size(); ++i) {
            const auto& [path, label] = samples_.at(static_cast<std::size_t>(indices[i]));
            images[static_cast<std::int64_t>(i)].copy_(decode(path));
            labels[static_cast<std::int64_t>(i)] = label;
        }
        return {images, labels};
    }

private:
    torch::Tensor decode(const std::string& path) const
    {
        cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
        if (bgr.empty())
            throw InputError("cannot decode image " + path);
        // Shorter side to size/0.875 (256 for 224), then the centre crop.
        const double scale = (size_ / 0.875) / std::min(bgr.rows, bgr.cols);
        cv::Mat resized;
        cv::resize(bgr, resized, cv::Size(), scale, scale, cv::INTER_LINEAR);
        const int x = (resized.cols - static_cast<int>(size_)) / 2;
        const int y = (resized.rows - static_cast<int>(size_)) / 2;
        cv::Mat crop = resized(cv::Rect(std::max(0, x), std::max(0, y), static_cast<int>(size_),
                                        static_cast<int>(size_))).clone();
        cv::Mat rgb;
        cv::cvtColor(crop, rgb, cv::COLOR_BGR2RGB);
        torch::Tensor t = torch::from_blob(rgb.data, {size_, size_, 3}, torch::kUInt8).clone();
        return t.permute({2, 0, 1}).to(torch::kFloat).div_(255.0);
    }

    std::int64_t size_;
    std::vector<std::pair<std::string, std::int64_t>> samples_;
};

} // namespace

DatasetPtr openImageFolder(const std::string& root, std::int64_t size)
{
    if (size <= 0)
        size = 224;
    return std::make_shared<ImageFolderDataset>(root, size);
}

} // namespace zsq::data
