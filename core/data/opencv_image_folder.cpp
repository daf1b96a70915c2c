// ImageNet-style folder dataset, decoded lazily with OpenCV (built only with
// ZSQ_WITH_OPENCV; no_opencv_image_folder.cpp stands in otherwise).
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/error.h"
#include "data/image_header.h"
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
    ImageFolderDataset(const std::string& root, std::int64_t size, std::int64_t channelCount, std::string resize,
                       std::int64_t resizeSize)
        : size_(size), channels_(channelCount == 1 ? 1 : 3), resize_(std::move(resize)), resizeSize_(resizeSize)
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
        channels = channels_;
        height = width = size_;
    }

    std::int64_t size() const override { return static_cast<std::int64_t>(samples_.size()); }

    Batch get(const std::vector<std::int64_t>& indices) const override
    {
        torch::Tensor images = torch::empty({static_cast<std::int64_t>(indices.size()), channels_, size_, size_});
        torch::Tensor labels = torch::empty({static_cast<std::int64_t>(indices.size())}, torch::kLong);
        for (std::size_t i = 0; i < indices.size(); ++i) {
            const auto& [path, label] = samples_.at(static_cast<std::size_t>(indices[i]));
            images[static_cast<std::int64_t>(i)].copy_(decode(path));
            labels[static_cast<std::int64_t>(i)] = label;
        }
        return {images, labels};
    }

private:
    // ImageNet-style: shorter side to size/0.875 (256 for 224) before the crop.
    double shorterSide() const
    {
        return resizeSize_ > 0 ? static_cast<double>(resizeSize_) : std::round(size_ / 0.875);
    }

    torch::Tensor decode(const std::string& path) const
    {
        // Sizes from the header first: nothing is allocated for an image
        // that claims more than kMaxImagePixels.
        const std::string megapixels = std::to_string(kMaxImagePixels >> 20) + " megapixels";
        if (const auto header = imageSizeFromHeader(path)) {
            if (header->width < 1 || header->height < 1 || header->width > kMaxImagePixels ||
                header->height > kMaxImagePixels || header->width * header->height > kMaxImagePixels)
                throw InputError(path + ": the image claims " + std::to_string(header->width) + "x" +
                                 std::to_string(header->height) + " pixels (at most " + megapixels + " are read)");
        }
        cv::Mat image = cv::imread(path, channels_ == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        if (image.empty())
            throw InputError("cannot decode image " + path);
        const int s = static_cast<int>(size_);
        cv::Mat out;
        const bool crop = resize_ == "resize_crop" || (resize_.empty() && size_ > 64);
        if (crop && !(image.rows == s && image.cols == s)) {
            // The shorter side is scaled to the resize size: a thin strip
            // (1 x 60000) would become gigabytes before its centre crop.
            const double shorter = shorterSide();
            const double scale = shorter / std::min(image.rows, image.cols);
            const double pixels = std::ceil(image.rows * scale) * std::ceil(image.cols * scale);
            if (pixels > static_cast<double>(kMaxImagePixels))
                throw InputError(path + ": a " + std::to_string(image.cols) + "x" + std::to_string(image.rows) +
                                 " image resized to a shorter side of " + std::to_string(static_cast<int>(shorter)) +
                                 " would have more than " + megapixels + " (aspect ratio too extreme)");
        }
        if (image.rows == s && image.cols == s) {
            out = image;
        } else if (resize_ == "none") {
            throw InputError(path + " is " + std::to_string(image.cols) + "x" + std::to_string(image.rows) +
                             " but the model takes " + std::to_string(s) + "x" + std::to_string(s) +
                             " and its preprocessing says resize: none");
        } else if (!crop) {
            // Small inputs (MNIST/CIFAR-like, or synthetic images exported at
            // the model's size): the whole image, resized, no crop.
            cv::resize(image, out, cv::Size(s, s), 0, 0, cv::INTER_AREA);
        } else {
            // ImageNet-style: shorter side to size/0.875 (256 for 224), then the centre crop.
            const double scale = shorterSide() / std::min(image.rows, image.cols);
            cv::Mat resized;
            cv::resize(image, resized, cv::Size(), scale, scale, cv::INTER_LINEAR);
            const int x = (resized.cols - s) / 2;
            const int y = (resized.rows - s) / 2;
            out = resized(cv::Rect(std::max(0, x), std::max(0, y), s, s)).clone();
        }
        if (channels_ == 3)
            cv::cvtColor(out, out, cv::COLOR_BGR2RGB);
        if (!out.isContinuous())
            out = out.clone();
        torch::Tensor t = torch::from_blob(out.data, {size_, size_, channels_}, torch::kUInt8).clone();
        return t.permute({2, 0, 1}).to(torch::kFloat).div_(255.0);
    }

    std::int64_t size_;
    std::int64_t channels_;
    std::string resize_;
    std::int64_t resizeSize_;
    std::vector<std::pair<std::string, std::int64_t>> samples_;
};

} // namespace

DatasetPtr openImageFolder(const std::string& root, std::int64_t size, std::int64_t channels,
                           const std::string& resize, std::int64_t resizeSize)
{
    if (size <= 0)
        size = 224;
    return std::make_shared<ImageFolderDataset>(root, size, channels, resize, resizeSize);
}

} // namespace zsq::data
