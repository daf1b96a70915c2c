#include "io/tensor_file.h"

#include <ATen/ATen.h>

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/torch_save_reader.h"

namespace zsq::io {

bool isTorchZip(const std::vector<char>& bytes)
{
    return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
}

c10::IValue readTorchSaveFile(const std::vector<char>& bytes, const std::string& path, const std::string& what)
{
    try {
        return readTorchSave(bytes);
    } catch (const InputError& e) {
        throw InputError(path + " cannot be read as " + what + ": " + e.what());
    } catch (const c10::Error& e) {
        throw InputError(path + " cannot be read as " + what + ": " + firstLine(e.what()));
    }
}

c10::IValue readPickleFile(const std::string& path, const std::string& what)
{
    const std::vector<char> bytes = readWholeFile(path);
    if (!isTorchZip(bytes))
        throw InputError(path + " is not a torch.save file (expected " + what + ")");
    return readTorchSaveFile(bytes, path, what);
}

at::Tensor readTensorFile(const std::string& path)
{
    const c10::IValue value = readPickleFile(path, "a tensor");
    if (!value.isTensor())
        throw InputError(path + " does not hold a single tensor");
    at::Tensor t = value.toTensor();
    if ((t.is_floating_point() || t.is_complex()) && !at::isfinite(t).all().item<bool>())
        throw InputError(path + ": the tensor holds NaN or infinite values");
    return t;
}

} // namespace zsq::io
