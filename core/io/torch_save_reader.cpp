#include "io/torch_save_reader.h"

#include <ATen/ATen.h>

#include "common/error.h"
#include "io/restricted_unpickler.h"

namespace zsq::io {

namespace {

// The tensor attributes of a module object and its submodules, under dotted
// names (what named_parameters() + named_buffers() give).
void collectTensors(const Unpickled& unpickled, const c10::IValue& object, const std::string& prefix,
                    std::map<std::string, at::Tensor>& out)
{
    for (const auto& e : object.toGenericDict()) {
        if (!e.key().isString())
            continue;
        const std::string name = prefix.empty() ? e.key().toStringRef() : prefix + "." + e.key().toStringRef();
        if (e.value().isTensor())
            out[name] = e.value().toTensor();
        else if (unpickled.isScriptObject(e.value()))
            collectTensors(unpickled, e.value(), name, out); // depth bounded by kMaxDepth
    }
}

} // namespace

c10::IValue readTorchSave(const std::vector<char>& bytes)
{
    TorchZip zip(bytes);
    if (zip.isTorchScript())
        throw InputError("a TorchScript archive, not a torch.save file");
    if (!zip.has("data.pkl"))
        throw InputError("no data.pkl record (not a torch.save file)");
    if (zip.has("byteorder") && zip.read("byteorder", 16) != "little")
        throw InputError("written on a big-endian machine (byteorder record), which is not read");
    const std::string pickle = zip.read("data.pkl", TorchSaveLimits::kMaxPickleBytes);
    return unpickle(pickle, zip).root;
}

std::map<std::string, at::Tensor> readTorchScriptTensors(const std::vector<char>& bytes)
{
    TorchZip zip(bytes);
    if (!zip.isTorchScript())
        throw InputError("not a TorchScript archive (no code/ or constants.pkl record)");
    if (!zip.has("data.pkl"))
        throw InputError("no data.pkl record (the module's attributes)");
    const std::string pickle = zip.read("data.pkl", TorchSaveLimits::kMaxPickleBytes);
    const Unpickled unpickled = unpickle(pickle, zip, true);
    if (!unpickled.isScriptObject(unpickled.root))
        throw InputError("data.pkl does not hold a TorchScript module object");
    std::map<std::string, at::Tensor> tensors;
    collectTensors(unpickled, unpickled.root, "", tensors);
    return tensors;
}

} // namespace zsq::io
