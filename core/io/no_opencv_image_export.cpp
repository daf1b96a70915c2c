// Stand-in for builds without OpenCV (-DZSQ_WITH_OPENCV=OFF).
#include "common/error.h"
#include "io/image_export.h"

namespace zsq::io {

int exportImageFolder(const std::string& dir, const torch::Tensor&, const torch::Tensor&,
                      const std::vector<std::string>&)
{
    throw InputError("PNG export needs OpenCV, and this build has none (ZSQ_WITH_OPENCV=OFF): " + dir);
}

} // namespace zsq::io
