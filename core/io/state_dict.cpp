#include "io/state_dict.h"

#include <vector>

#include "common/error.h"

namespace zsq::io {

namespace {
std::string listFirst(const std::vector<std::string>& keys, std::size_t count = 3)
{
    std::string text;
    for (std::size_t i = 0; i < keys.size() && i < count; ++i)
        text += (i ? ", " : "") + keys[i];
    if (keys.size() > count)
        text += ", ... (" + std::to_string(keys.size()) + " in all)";
    return text;
}
} // namespace

TensorMap stateDict(const torch::nn::Module& module)
{
    TensorMap out;
    for (const auto& p : module.named_parameters(true))
        out[p.key()] = p.value();
    for (const auto& b : module.named_buffers(true))
        out[b.key()] = b.value();
    return out;
}

void loadStateDict(torch::nn::Module& module, const TensorMap& state)
{
    TensorMap own = stateDict(module);
    std::vector<std::string> missing, unexpected, mismatched;
    for (const auto& [key, tensor] : own)
        if (!state.count(key))
            missing.push_back(key);
    for (const auto& [key, tensor] : state) {
        auto it = own.find(key);
        if (it == own.end())
            unexpected.push_back(key);
        else if (it->second.sizes() != tensor.sizes())
            mismatched.push_back(key + " (file " + c10::str(tensor.sizes()) + ", model " +
                                 c10::str(it->second.sizes()) + ")");
    }
    if (!mismatched.empty())
        throw InputError("shape mismatch: " + listFirst(mismatched));
    if (!missing.empty())
        throw InputError("missing keys: " + listFirst(missing));
    if (!unexpected.empty())
        throw InputError("unexpected keys: " + listFirst(unexpected));
    torch::NoGradGuard noGrad;
    for (auto& [key, target] : own) {
        const torch::Tensor& source = state.at(key);
        target.copy_(source.to(target.device(), target.scalar_type()));
    }
}

} // namespace zsq::io
