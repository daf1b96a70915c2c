// The torch.save reader (io/torch_zip + io/torch_save_reader): the bytes of
// a model file, checkpoint, tensor file or run.ckpt. Accepted: a value whose
// tensors all lie inside their storages; refused: an InputError. Anything
// else (a crash, a sanitizer report, another exception) is a finding.
#include "fuzz_common.h"

#include "common/error.h"
#include "io/tensor_file.h"
#include "io/torch_zip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<char> bytes(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size);
    try {
        zsq::fuzz::touchValue(zsq::io::readTorchSaveFile(bytes, "fuzz.pt", "a torch.save file"));
        zsq::fuzz::noteAccepted("torch.save file");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    // A TorchScript archive's extra file (io/model_file.cpp reads it so).
    try {
        const zsq::io::TorchZip zip(bytes);
        if (zip.has("extra/preprocessing.json"))
            (void)zip.read("extra/preprocessing.json", 1u << 20);
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    return 0;
}
