// The tensor-folder reader (data/tensor_dataset.cpp): images.pt + labels.pt
// of a synthetic-sample folder, through io's torch.save reader. Input:
// [class-count hint byte] then the two files cut by splitParts.
#include "fuzz_common.h"

#include "common/error.h"
#include "data/tensor_dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::int64_t hint = data[0] % 16;
    const auto parts = zsq::fuzz::splitParts(data + 1, size - 1, 2);
    const std::string dir = zsq::fuzz::scratchDir();
    zsq::fuzz::writeFile(dir + "/images.pt", reinterpret_cast<const std::uint8_t*>(parts[0].data()), parts[0].size());
    zsq::fuzz::writeFile(dir + "/labels.pt", reinterpret_cast<const std::uint8_t*>(parts[1].data()), parts[1].size());
    try {
        const auto dataset = zsq::data::openTensorFolder(dir, hint);
        const zsq::data::Batch b = dataset->range(0, std::min<std::int64_t>(dataset->size(), 2));
        zsq::fuzz::touchTensor(b.images);
        zsq::fuzz::touchTensor(b.labels);
        zsq::fuzz::noteAccepted("tensor folder");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    return 0;
}
