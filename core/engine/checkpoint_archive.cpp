#include "engine/checkpoint_archive.h"

#include <ATen/CPUGeneratorImpl.h>

#include "common/bounded_json.h"
#include "common/error.h"
#include "io/tensor_file.h"

namespace zsq::engine::archive {

namespace {

// {"a": {"b": 1}} -> {"a.b": 1}: settings compared key by key.
void flatten(const nlohmann::json& value, const std::string& prefix, std::map<std::string, nlohmann::json>& out)
{
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, v] : value.items())
            flatten(v, prefix.empty() ? key : prefix + "." + key, out);
        return;
    }
    out[prefix] = value;
}

// What a value looks like in a one-line message.
std::string shortText(const nlohmann::json& value)
{
    const std::string text = value.is_null() ? std::string("(none)") : value.dump();
    return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

} // namespace

c10::impl::GenericDict tensorDict(const io::TensorMap& tensors)
{
    c10::impl::GenericDict d(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, t] : tensors)
        d.insert(key, t.detach().to(torch::kCPU).contiguous());
    return d;
}

Entries read(const std::string& path, const std::string& what, const std::string& format)
{
    // io's own reader (as every torch.save file): no LibTorch unpickler sees
    // a byte of the file.
    const c10::IValue value = io::readPickleFile(path, what);
    if (!value.isGenericDict())
        throw InputError(path + " is not " + what);
    Entries entries;
    for (const auto& e : value.toGenericDict())
        if (e.key().isString())
            entries[e.key().toStringRef()] = e.value();
    if (!entries.count("format") || !entries["format"].isString() || entries["format"].toStringRef() != format)
        throw InputError(path + " is not " + what);
    return entries;
}

nlohmann::json metaOf(const Entries& entries, const std::string& path, const std::string& what)
{
    auto it = entries.find("meta");
    if (it == entries.end() || !it->second.isString())
        throw InputError(path + ": " + what + " without metadata text (\"meta\")");
    try {
        nlohmann::json meta = parseBoundedJson(it->second.toStringRef());
        if (!meta.is_object())
            throw InputError("the metadata is not a JSON object");
        return meta;
    } catch (const std::exception& e) {
        throw InputError(path + ": the metadata of " + what + " is malformed: " + firstLine(e.what()));
    }
}

io::TensorMap tensorsOf(const Entries& entries, const std::string& key, const std::string& path,
                        const std::string& what)
{
    auto it = entries.find(key);
    if (it == entries.end() || !it->second.isGenericDict())
        throw InputError(path + ": " + what + " without a \"" + key + "\" dict of tensors");
    io::TensorMap out;
    for (const auto& e : it->second.toGenericDict()) {
        if (!e.key().isString() || !e.value().isTensor())
            throw InputError(path + ": the \"" + key + "\" entry of " + what + " holds something other than named tensors");
        out[e.key().toStringRef()] = e.value().toTensor();
    }
    return out;
}

void checkFinite(const io::TensorMap& tensors, const std::string& path)
{
    for (const auto& [key, t] : tensors)
        if ((t.is_floating_point() || t.is_complex()) && !torch::isfinite(t).all().item<bool>())
            throw InputError(path + ": tensor " + key + " holds NaN or infinite values");
}

torch::Tensor cpuRandomState()
{
    at::Generator cpu = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(cpu.mutex());
    return cpu.get_state();
}

void setCpuRandomState(const torch::Tensor& state)
{
    at::Generator cpu = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(cpu.mutex());
    cpu.set_state(state);
}

std::string settingsDifference(const nlohmann::json& savedSettings, const nlohmann::json& currentSettings)
{
    std::map<std::string, nlohmann::json> saved, current;
    flatten(savedSettings, "", saved);
    flatten(currentSettings, "", current);
    std::string differing;
    int count = 0;
    for (const auto& [key, value] : current) {
        auto it = saved.find(key);
        const nlohmann::json before = it == saved.end() ? nlohmann::json() : it->second;
        if (before != value && count++ < 6)
            differing += (differing.empty() ? "" : ", ") + key + " " + shortText(before) + " (this run: " +
                         shortText(value) + ")";
    }
    for (const auto& [key, value] : saved)
        if (!current.count(key) && count++ < 6)
            differing += (differing.empty() ? "" : ", ") + key + " " + shortText(value) + " (this run: (none))";
    if (count > 6)
        differing += ", ... (" + std::to_string(count) + " in all)";
    return differing;
}

} // namespace zsq::engine::archive
