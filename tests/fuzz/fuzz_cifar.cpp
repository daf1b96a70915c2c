// The CIFAR binary reader (data/cifar_reader.cpp). Input: [flags byte: bit 0
// CIFAR-100, bit 1 two batch files] then the file(s) cut by splitParts.
#include "fuzz_common.h"

#include "common/error.h"
#include "data/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const bool cifar100 = data[0] & 1;
    const std::size_t fileCount = (data[0] & 2) ? 2 : 1;
    const auto parts = zsq::fuzz::splitParts(data + 1, size - 1, fileCount);
    std::vector<std::string> files;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        files.push_back(zsq::fuzz::scratchDir() + "/data_batch_" + std::to_string(i) + ".bin");
        zsq::fuzz::writeFile(files.back(), reinterpret_cast<const std::uint8_t*>(parts[i].data()), parts[i].size());
    }
    try {
        const auto dataset = zsq::data::readCifarBinary(files, cifar100);
        const zsq::data::Batch b = dataset->range(0, dataset->size());
        zsq::fuzz::touchTensor(b.images);
        zsq::fuzz::touchTensor(b.labels);
        zsq::fuzz::noteAccepted("CIFAR batches");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    return 0;
}
