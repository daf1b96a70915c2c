// The torch.save reader (io/torch_zip + io/torch_save_reader): the bytes of
// a model file, checkpoint, tensor file or run.ckpt, and the same bytes as a
// TorchScript archive. Accepted: a value whose
// tensors all lie inside their storages; refused: an InputError. Anything
// else (a crash, a sanitizer report, another exception) is a finding.
#include "fuzz_common.h"

#include <set>

#include "common/error.h"
#include "io/tensor_file.h"
#include "io/torch_save_reader.h"
#include "io/torch_zip.h"

namespace {

// Every storage of an accepted value holds exactly the bytes of one of the
// archive's data/ records (or none, for an empty tensor without a record).
// A storage of any other length was grown behind the reader's back: LibTorch's
// Tensor::set_ enlarges a storage too small for the view it is given, with
// uninitialised memory, and touchTensor alone cannot tell that from a
// storage the file really had.
void checkStoragesAreRecords(const std::vector<char>& bytes, const c10::IValue& value)
{
    const zsq::io::TorchZip zip(bytes);
    std::set<std::uint64_t> sizes{0};
    for (const std::string& name : zip.names())
        if (name.rfind("data/", 0) == 0)
            sizes.insert(zip.entry(name).size);
    zsq::fuzz::forEachTensor(value, [&](const at::Tensor& t) {
        if (!sizes.count(t.storage().nbytes())) {
            std::fprintf(stderr, "a storage of %zu bytes that no record of the archive has\n",
                         static_cast<std::size_t>(t.storage().nbytes()));
            std::abort();
        }
    });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<char> bytes(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size);
    try {
        const c10::IValue value = zsq::io::readTorchSaveFile(bytes, "fuzz.pt", "a torch.save file");
        zsq::fuzz::touchValue(value);
        checkStoragesAreRecords(bytes, value);
        zsq::fuzz::noteAccepted("torch.save file");
    } catch (const zsq::InputError& e) {
        zsq::fuzz::noteRefusal(e);
    }
    // A TorchScript archive's module tensors (data.pkl through the same
    // unpickler, module objects read as their attributes; no code run).
    try {
        const std::map<std::string, at::Tensor> tensors = zsq::io::readTorchScriptTensors(bytes);
        c10::impl::GenericList list(c10::TensorType::get());
        for (const auto& [name, t] : tensors)
            list.push_back(t);
        const c10::IValue value(list);
        zsq::fuzz::touchValue(value);
        checkStoragesAreRecords(bytes, value);
        zsq::fuzz::noteAccepted("TorchScript archive");
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
