// The IDX reader (data/idx_reader.cpp), plain and gzip: an images file and a
// labels file. Input: [class count byte] then the two files cut by
// splitParts (fuzz_common.h). An InputError is a refusal; anything else a
// finding.
#include "fuzz_common.h"

#include "common/error.h"
#include "data/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::int64_t numClasses = data[0] % 16; // 0: not checked
    const auto parts = zsq::fuzz::splitParts(data + 1, size - 1, 2);
    const std::string images = zsq::fuzz::scratchDir() + "/images-idx3-ubyte";
    const std::string labels = zsq::fuzz::scratchDir() + "/labels-idx1-ubyte";
    zsq::fuzz::writeFile(images, reinterpret_cast<const std::uint8_t*>(parts[0].data()), parts[0].size());
    zsq::fuzz::writeFile(labels, reinterpret_cast<const std::uint8_t*>(parts[1].data()), parts[1].size());
    try {
        const auto dataset = zsq::data::readIdx(images, labels, numClasses);
        const zsq::data::Batch b = dataset->range(0, std::min<std::int64_t>(dataset->size(), 2));
        zsq::fuzz::touchTensor(b.images);
        zsq::fuzz::touchTensor(b.labels);
        zsq::fuzz::noteAccepted("IDX pair");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    return 0;
}
