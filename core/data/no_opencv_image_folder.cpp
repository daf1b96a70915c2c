// Stand-in for builds without OpenCV (-DZSQ_WITH_OPENCV=OFF).
#include "common/error.h"
#include "data/readers.h"

namespace zsq::data {

DatasetPtr openImageFolder(const std::string& root, std::int64_t, std::int64_t, const std::string&, std::int64_t)
{
    throw InputError("image-folder datasets need OpenCV, and this build has none (ZSQ_WITH_OPENCV=OFF): " + root);
}

} // namespace zsq::data
