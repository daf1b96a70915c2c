#include "io/model_file.h"

#include <cstdlib>
#include <filesystem>
#include <set>

#include <torch/script.h>
#include <torch/serialize.h>

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/torch_save_reader.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"

namespace zsq::io {

namespace {

constexpr const char* kCheckpointFormat = "zsq-checkpoint";
constexpr int kCheckpointVersion = 1;

bool startsWith(const std::string& s, const std::string& prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

// A dict of str -> Tensor, possibly nested under a well-known key.
bool tensorsFromDict(const c10::IValue& value, TensorMap& out)
{
    if (!value.isGenericDict())
        return false;
    const auto dict = value.toGenericDict();
    bool allTensors = dict.size() > 0;
    for (const auto& entry : dict)
        if (!entry.key().isString() || !entry.value().isTensor())
            allTensors = false;
    if (allTensors) {
        for (const auto& entry : dict)
            out[entry.key().toStringRef()] = entry.value().toTensor();
        return true;
    }
    for (const char* key : {"state_dict", "model_state_dict", "model", "net", "state"}) {
        for (const auto& entry : dict)
            if (entry.key().isString() && entry.key().toStringRef() == key && tensorsFromDict(entry.value(), out))
                return true;
    }
    return false;
}

void stripPrefix(TensorMap& tensors, const std::string& prefix)
{
    for (const auto& [key, t] : tensors)
        if (!startsWith(key, prefix))
            return;
    TensorMap stripped;
    for (auto& [key, t] : tensors)
        stripped[key.substr(prefix.size())] = t;
    tensors.swap(stripped);
}

bool isZip(const std::vector<char>& bytes)
{
    return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
}

std::string listKeys(const TensorMap& tensors, std::size_t count = 3)
{
    std::string text;
    std::size_t i = 0;
    for (const auto& [key, t] : tensors) {
        if (i == count)
            break;
        text += (i++ ? ", " : "") + key;
    }
    return text.empty() ? "no keys" : text;
}

int countPrefixed(const TensorMap& tensors, const std::string& prefix)
{
    // Counts distinct "<prefix><index>." children, e.g. "layer3.0.", "layer3.1.".
    std::set<std::string> children;
    for (const auto& [key, t] : tensors) {
        if (!startsWith(key, prefix))
            continue;
        const std::string rest = key.substr(prefix.size());
        children.insert(rest.substr(0, rest.find('.')));
    }
    return static_cast<int>(children.size());
}

std::int64_t dimOf(const TensorMap& tensors, const std::string& key, int dim)
{
    auto it = tensors.find(key);
    if (it == tensors.end() || it->second.dim() <= dim)
        throw InputError("expected tensor '" + key + "' is missing or malformed");
    return it->second.size(dim);
}

} // namespace

std::string formatName(ModelFileFormat format)
{
    switch (format) {
    case ModelFileFormat::TorchScript: return "TorchScript";
    case ModelFileFormat::StateDict: return "state_dict";
    case ModelFileFormat::ZsqCheckpoint: return "ZSQ checkpoint";
    }
    return "?";
}

RawModelFile readModelFile(const std::string& path)
{
    const std::vector<char> bytes = readWholeFile(path);
    if (!isZip(bytes))
        throw InputError(path + " is not a PyTorch model file (expected a TorchScript archive, a torch.save "
                                "zip file or a ZSQ checkpoint)");
    RawModelFile raw;
    // torch.save files (state_dicts and our checkpoints) first: cheap to try.
    try {
        c10::IValue value;
        try {
            value = torch::pickle_load(bytes);
        } catch (const std::exception&) {
            // LibTorch's unpickler rejects collections.OrderedDict (every
            // torch.save(model.state_dict())), SETITEM and unknown classes.
            value = readTorchSave(bytes); // throws for TorchScript archives
        }
        if (value.isGenericDict()) {
            auto dict = value.toGenericDict();
            for (const auto& entry : dict) {
                if (entry.key().isString() && entry.key().toStringRef() == "format" && entry.value().isString() &&
                    entry.value().toStringRef() == kCheckpointFormat) {
                    raw.format = ModelFileFormat::ZsqCheckpoint;
                }
            }
            if (raw.format == ModelFileFormat::ZsqCheckpoint) {
                for (const auto& entry : dict) {
                    const std::string& key = entry.key().toStringRef();
                    if (key == "meta") {
                        try {
                            raw.meta = nlohmann::json::parse(entry.value().toStringRef());
                        } catch (const std::exception& e) {
                            throw InputError(path + ": the ZSQ checkpoint metadata is malformed: " + firstLine(e.what()));
                        }
                    }
                    else if (key == "state")
                        tensorsFromDict(entry.value(), raw.tensors);
                }
                return raw;
            }
        }
        if (!tensorsFromDict(value, raw.tensors))
            throw InputError(path + " holds a torch.save object that is not a state_dict of tensors");
        stripPrefix(raw.tensors, "module.");
        raw.format = ModelFileFormat::StateDict;
        return raw;
    } catch (const InputError&) {
        throw;
    } catch (const std::exception&) {
        // Not a torch.save pickle; maybe TorchScript.
    }
    try {
        torch::jit::Module module = torch::jit::load(path, torch::kCPU);
        for (const auto& p : module.named_parameters(true))
            raw.tensors[p.name] = p.value;
        for (const auto& b : module.named_buffers(true))
            raw.tensors[b.name] = b.value;
        raw.format = ModelFileFormat::TorchScript;
        if (raw.tensors.empty())
            throw InputError(path + " is a TorchScript archive without parameters");
        return raw;
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(path + " is not a readable PyTorch model file (truncated or corrupt?): " +
                         firstLine(e.what()));
    }
}

models::ModelInfo detectArchitecture(const TensorMap& t)
{
    if (t.count("features.init_block.conv.weight")) {
        const int units = countPrefixed(t, "features.stage1.unit");
        const std::int64_t classes = dimOf(t, "output.weight", 0);
        const std::int64_t inChannels = dimOf(t, "features.init_block.conv.weight", 1);
        if (units == 1 && dimOf(t, "features.init_block.conv.weight", 0) == 24)
            return models::defaultInfo("fmnist", classes, inChannels);
        if (units == 3)
            return models::defaultInfo("resnet20", classes, inChannels);
        throw InputError("CIFAR ResNet with " + std::to_string(units) +
                         " units per stage is not in the zoo (resnet20 has 3)");
    }
    if (t.count("layer1.0.conv1.weight") && t.count("fc.weight")) {
        const bool bottleneck = t.count("layer1.0.conv3.weight") > 0;
        const int blocks3 = countPrefixed(t, "layer3.");
        const std::int64_t classes = dimOf(t, "fc.weight", 0);
        const std::int64_t inChannels = dimOf(t, "conv1.weight", 1);
        if (!bottleneck && blocks3 == 2)
            return models::defaultInfo("resnet18", classes, inChannels);
        if (!bottleneck && blocks3 == 6)
            return models::defaultInfo("resnet34", classes, inChannels);
        if (bottleneck && blocks3 == 6)
            return models::defaultInfo("resnet50", classes, inChannels);
        throw InputError("ResNet with " + std::to_string(blocks3) + (bottleneck ? " bottleneck" : " basic") +
                         " blocks in layer3 is not in the zoo (resnet18/34/50)");
    }
    if (t.count("features.0.0.weight") && t.count("classifier.1.weight"))
        return models::defaultInfo("mobilenet_v2", dimOf(t, "classifier.1.weight", 0),
                                   dimOf(t, "features.0.0.weight", 1));
    throw InputError("cannot detect the architecture from the keys (" + listKeys(t) + "); pass --arch");
}

namespace {
models::ModelInfo infoFromMeta(const nlohmann::json& meta)
{
    try {
        const auto& m = meta.at("model");
        models::ModelInfo info = models::defaultInfo(m.at("arch").get<std::string>());
        info.numClasses = m.at("num_classes").get<std::int64_t>();
        info.inChannels = m.at("in_channels").get<std::int64_t>();
        info.inputSize = m.at("input_size").get<std::int64_t>();
        info.mean = m.at("mean").get<std::vector<double>>();
        info.stdev = m.at("std").get<std::vector<double>>();
        return info;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("checkpoint metadata is malformed: ") + e.what());
    }
}

// Classifier rows of a file, for --arch with a non-default class count.
std::int64_t classesInFile(const TensorMap& t)
{
    for (const char* key : {"fc.weight", "output.weight", "classifier.1.weight"})
        if (auto it = t.find(key); it != t.end() && it->second.dim() == 2)
            return it->second.size(0);
    return 0;
}
} // namespace

LoadedModel loadModel(const std::string& path, const LoadOptions& options)
{
    RawModelFile raw = readModelFile(path);
    models::ModelInfo info;
    if (raw.format == ModelFileFormat::ZsqCheckpoint) {
        info = infoFromMeta(raw.meta);
        if (!options.arch.empty() && options.arch != info.arch)
            throw InputError(path + " holds a " + info.arch + " model, not " + options.arch);
    } else if (!options.arch.empty()) {
        info = models::defaultInfo(options.arch, classesInFile(raw.tensors));
        // A file of another family is caught here with a clear message,
        // before the key-by-key comparison.
        try {
            models::ModelInfo detected = detectArchitecture(raw.tensors);
            if (detected.arch != info.arch)
                throw InputError(path + " holds a " + detected.arch + " model, not " + options.arch);
            info = models::defaultInfo(options.arch, detected.numClasses, detected.inChannels);
        } catch (const InputError& e) {
            if (std::string(e.what()).find("holds a") != std::string::npos)
                throw;
        }
    } else {
        try {
            info = detectArchitecture(raw.tensors);
        } catch (const InputError& e) {
            throw InputError(path + ": " + e.what());
        }
    }
    models::ModelPtr model = models::createModel(info);
    try {
        loadStateDict(*model, raw.tensors);
    } catch (const InputError& e) {
        throw InputError(path + " does not fit " + info.arch + ": " + e.what());
    }
    if (raw.format == ModelFileFormat::ZsqCheckpoint && raw.meta.contains("quant"))
        quant::quantStateFromJson(*model, raw.meta.at("quant"));
    model->eval();
    return {model, raw.format, raw.meta, path};
}

void saveCheckpoint(const std::string& path, models::ZooModelImpl& model, const nlohmann::json& extra)
{
    const models::ModelInfo& info = model.info();
    nlohmann::json meta = extra;
    meta["format_version"] = kCheckpointVersion;
    meta["model"] = {{"arch", info.arch},
                     {"num_classes", info.numClasses},
                     {"in_channels", info.inChannels},
                     {"input_size", info.inputSize},
                     {"mean", info.mean},
                     {"std", info.stdev}};
    meta["quant"] = quant::quantStateToJson(model);

    c10::impl::GenericDict state(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, tensor] : stateDict(model))
        state.insert(key, tensor.detach().to(torch::kCPU).contiguous());
    c10::impl::GenericDict root(c10::StringType::get(), c10::AnyType::get());
    root.insert("format", std::string(kCheckpointFormat));
    root.insert("meta", meta.dump());
    root.insert("state", state);
    writeFileAtomically(path, torch::pickle_save(root));
}

std::string demoModelPath()
{
    namespace fs = std::filesystem;
    const char* name = "fmnist_resnet8.zsq";
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("ZSQ_MODEL_DIR"))
        candidates.emplace_back(fs::path(env) / name);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        candidates.push_back(exe.parent_path().parent_path() / "share/zsq-studio/models" / name);
    candidates.emplace_back(fs::path(ZSQ_INSTALLED_MODEL_DIR) / name);
    candidates.emplace_back(fs::path(ZSQ_DEMO_MODEL_DIR) / name);
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, ec))
            return c.string();
    throw InputError(std::string("the demo model ") + name + " was not found (set ZSQ_MODEL_DIR)");
}

c10::IValue readPickleFile(const std::string& path, const std::string& what)
{
    const std::vector<char> bytes = readWholeFile(path);
    if (!isZip(bytes))
        throw InputError(path + " is not a torch.save file (expected " + what + ")");
    try {
        return torch::pickle_load(bytes);
    } catch (const std::exception& e) {
        throw InputError(path + " cannot be read as " + what + ": " + firstLine(e.what()));
    }
}

torch::Tensor readTensorFile(const std::string& path)
{
    const c10::IValue value = readPickleFile(path, "a tensor");
    if (!value.isTensor())
        throw InputError(path + " does not hold a single tensor");
    return value.toTensor();
}

void writeTensorFile(const std::string& path, const torch::Tensor& tensor)
{
    writeFileAtomically(path, torch::pickle_save(tensor.detach().to(torch::kCPU).contiguous()));
}

} // namespace zsq::io
