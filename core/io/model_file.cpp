#include "io/model_file.h"

#include <cstdlib>
#include <filesystem>
#include <set>

#include <map>
#include <torch/script.h>
#include <torch/serialize.h>

#include "common/error.h"
#include "common/bounded_json.h"
#include "io/atomic_file.h"
#include "io/tensor_file.h"
#include "io/torch_save_reader.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"

namespace zsq::io {

namespace {

constexpr const char* kCheckpointFormat = "zsq-checkpoint";
constexpr const char* kRunCheckpointFormat = "zsq-run-checkpoint"; // engine/zsq_trainer.cpp
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

// torch.jit.save(..., _extra_files={"preprocessing.json": ...}) stores the
// text as the archive's record "extra/preprocessing.json"; read as bytes, no
// code from the archive runs for it.
nlohmann::json extraPreprocessingFile(const std::vector<char>& bytes, const std::string& path)
{
    std::string text;
    try {
        TorchZip zip(bytes);
        if (!zip.has("extra/preprocessing.json"))
            return nullptr;
        text = zip.read("extra/preprocessing.json", 1u << 20);
    } catch (const std::exception& e) {
        throw InputError(path + ": cannot read its extra file preprocessing.json: " + firstLine(e.what()));
    }
    try {
        return parseBoundedJson(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(path + ": its extra file preprocessing.json is not valid JSON (byte " +
                         std::to_string(e.byte) + ")");
    } catch (const InputError& e) {
        throw InputError(path + ": its extra file preprocessing.json: " + e.what());
    }
}

// What a text value of a damaged file looks like in a one-line message.
std::string printable(const std::string& s)
{
    std::string out;
    for (char c : s.substr(0, 40))
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return s.size() > 40 ? out + "..." : out;
}

// The values a model file may hold: finite floating-point tensors, and
// BatchNorm running variances that are not negative.
void checkTensorValues(const TensorMap& tensors, const std::string& path)
{
    torch::NoGradGuard noGrad;
    for (const auto& [key, t] : tensors) {
        if (!t.is_floating_point() && !t.is_complex())
            continue;
        if (!torch::isfinite(t).all().item<bool>())
            throw InputError(path + ": tensor " + key + " holds NaN or infinite values");
        const std::string suffix = "running_var";
        if (key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            t.numel() > 0 && t.min().item<double>() < 0)
            throw InputError(path + ": tensor " + key + " (a BatchNorm variance) holds negative values");
    }
}

// The user's explicit consent to run a TorchScript archive's code.
bool torchScriptCodeAllowed()
{
    const char* v = std::getenv("ZSQ_ALLOW_TORCHSCRIPT_CODE");
    return v && std::string(v) == "1";
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
    if (!isTorchZip(bytes))
        throw InputError(path + " is not a PyTorch model file (expected a TorchScript archive, a torch.save "
                                "zip file or a ZSQ checkpoint)");
    bool torchScript = false;
    try {
        torchScript = TorchZip(bytes).isTorchScript();
    } catch (const InputError& e) {
        throw InputError(path + " is not a readable PyTorch model file: " + e.what());
    }
    RawModelFile raw;
    if (!torchScript) {
        // torch.save files (state_dicts, training checkpoints, our
        // checkpoints): io's own reader only, never LibTorch's unpickler.
        const c10::IValue value = readTorchSaveFile(bytes, path, "a PyTorch model file");
        if (value.isGenericDict()) {
            std::map<std::string, c10::IValue> root;
            for (const auto& entry : value.toGenericDict())
                if (entry.key().isString())
                    root[entry.key().toStringRef()] = entry.value();
            if (root.count("format") && (root.count("meta") || root.count("state"))) {
                // Ours (or a damaged one of ours): never read as a plain
                // state_dict, which would drop its metadata and quantizers.
                const c10::IValue& format = root["format"];
                const std::string text = format.isString() ? format.toStringRef() : std::string();
                if (text == kRunCheckpointFormat)
                    throw InputError(path + " is the run checkpoint of an interrupted run (resume it with --resume), "
                                            "not a model");
                if (text != kCheckpointFormat)
                    throw InputError(path + ": its \"format\" entry is '" + printable(text) + "', not '" +
                                     kCheckpointFormat + "' (a damaged ZSQ checkpoint?)");
                if (!root.count("meta") || !root["meta"].isString())
                    throw InputError(path + ": the ZSQ checkpoint has no metadata text (\"meta\")");
                try {
                    raw.meta = parseBoundedJson(root["meta"].toStringRef());
                } catch (const std::exception& e) {
                    throw InputError(path + ": the ZSQ checkpoint metadata is malformed: " + firstLine(e.what()));
                }
                if (!raw.meta.is_object())
                    throw InputError(path + ": the ZSQ checkpoint metadata is not a JSON object");
                if (!root.count("state") || !tensorsFromDict(root["state"], raw.tensors))
                    throw InputError(path + ": the ZSQ checkpoint's \"state\" is not a dict of tensors");
                raw.format = ModelFileFormat::ZsqCheckpoint;
                return raw;
            }
        }
        if (!tensorsFromDict(value, raw.tensors))
            throw InputError(path + " holds a torch.save object that is not a state_dict of tensors");
        stripPrefix(raw.tensors, "module.");
        raw.format = ModelFileFormat::StateDict;
        return raw;
    }
    // A TorchScript archive: its tensors are read by io's own reader, no
    // code from the archive runs. Only a user who sets
    // ZSQ_ALLOW_TORCHSCRIPT_CODE=1 has LibTorch's torch::jit::load open it
    // (which runs the archive's code: __setstate__ methods and all), for an
    // archive the reader cannot read (custom classes with their own state).
    if (!torchScriptCodeAllowed()) {
        try {
            for (auto& [name, t] : readTorchScriptTensors(bytes))
                raw.tensors[name] = t;
        } catch (const InputError& e) {
            throw InputError(path + " cannot be read as a TorchScript archive: " + e.what());
        } catch (const c10::Error& e) {
            throw InputError(path + " cannot be read as a TorchScript archive: " + firstLine(e.what()));
        }
        if (raw.tensors.empty())
            throw InputError(path + " is a TorchScript archive without parameters in its data.pkl (a module whose "
                                    "classes keep their own state opens only by running its code: "
                                    "ZSQ_ALLOW_TORCHSCRIPT_CODE=1, for a file you trust)");
        raw.format = ModelFileFormat::TorchScript;
        raw.preprocessing = extraPreprocessingFile(bytes, path);
        return raw;
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
        raw.preprocessing = extraPreprocessingFile(bytes, path);
        return raw;
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(path + " is not a readable PyTorch model file (truncated or corrupt?): " +
                         firstLine(e.what()));
    }
}

namespace {
models::ModelInfo infoFromMeta(const nlohmann::json& meta, const std::string& path)
{
    try {
        const auto& m = meta.at("model");
        models::ModelInfo info = models::defaultInfo(m.at("arch").get<std::string>());
        info.numClasses = m.at("num_classes").get<std::int64_t>();
        info.inChannels = m.at("in_channels").get<std::int64_t>();
        info.inputSize = m.at("input_size").get<std::int64_t>();
        info.mean = m.at("mean").get<std::vector<double>>();
        info.stdev = m.at("std").get<std::vector<double>>();
        // Written since the preprocessing keys exist; older checkpoints
        // resized to input_size, which stays their policy.
        info.resize = m.value("resize", std::string("resize"));
        info.resizeSize = m.value("resize_size", std::int64_t(0));
        info.classNames = m.value("class_names", std::vector<std::string>{});
        info.preprocessingSource = "checkpoint";
        info.preprocessingAssumed = false;
        models::validatePreprocessing(info, path + " (checkpoint metadata)");
        return info;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path + ": checkpoint metadata is malformed: " + firstLine(e.what()));
    }
}

// Classifier rows of a file, for --arch with a non-default class count.
std::int64_t classesInFile(const TensorMap& t)
{
    for (const char* key : {"fc.weight", "output.weight", "classifier.1.weight", "classifier.3.weight",
                            "classifier.6.weight"})
        if (auto it = t.find(key); it != t.end() && it->second.dim() == 2)
            return it->second.size(0);
    return 0;
}

// A PyTorch file says nothing about its preprocessing: the architecture's
// defaults are a guess, marked so. The input size follows the data (every
// zoo model pools adaptively), so nothing is resized behind the user's back.
void markAssumedPreprocessing(models::ModelInfo& info)
{
    info.inputSize = 0;
    info.resize = "none";
    info.resizeSize = 0;
    info.preprocessingSource = info.arch + " defaults (assumed)";
    info.preprocessingAssumed = true;
}

std::string fileName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}
} // namespace

LoadedModel loadModel(const std::string& path, const LoadOptions& options)
{
    RawModelFile raw = readModelFile(path);

    // Preprocessing given beside the file or explicitly, read before the
    // model is built so that a sidecar's "arch" can name the architecture.
    models::PreprocessingOverrides fromFile, fromSidecar;
    std::string sidecarPath = options.preprocessingFile;
    // A ZSQ checkpoint carries its own preprocessing (and train-teacher
    // writes its history as M.json beside M.zsq): no sidecar lookup.
    if (sidecarPath.empty() && options.useSidecar && raw.format != ModelFileFormat::ZsqCheckpoint)
        sidecarPath = models::findSidecar(path);
    if (!sidecarPath.empty())
        fromSidecar = models::readPreprocessingFile(sidecarPath);
    if (!raw.preprocessing.is_null())
        fromFile = models::preprocessingFromJson(raw.preprocessing, path + " (extra file preprocessing.json)");
    std::string arch = options.arch;
    const models::PreprocessingOverrides* byPrecedence[] = {&options.preprocessing, &fromSidecar, &fromFile};
    for (const models::PreprocessingOverrides* o : byPrecedence)
        if (arch.empty() && o->arch)
            arch = *o->arch;

    models::ModelInfo info;
    if (raw.format == ModelFileFormat::ZsqCheckpoint) {
        info = infoFromMeta(raw.meta, path);
        if (!arch.empty() && arch != info.arch)
            throw InputError(path + " holds a " + info.arch + " model, not " + arch);
    } else if (!arch.empty()) {
        info = models::defaultInfo(arch, classesInFile(raw.tensors));
        // A file of another family is caught here with a clear message,
        // before the key-by-key comparison.
        try {
            models::ModelInfo detected = detectArchitecture(raw.tensors);
            if (detected.arch != info.arch)
                throw InputError(path + " holds a " + detected.arch + " model, not " + arch);
            info = models::defaultInfo(arch, detected.numClasses, detected.inChannels);
        } catch (const InputError& e) {
            if (std::string(e.what()).find("holds a") != std::string::npos)
                throw;
        }
        markAssumedPreprocessing(info);
    } else {
        try {
            info = detectArchitecture(raw.tensors);
        } catch (const InputError& e) {
            throw InputError(path + ": " + e.what());
        }
        markAssumedPreprocessing(info);
    }
    models::applyPreprocessing(info, fromFile, fileName(path) + "'s preprocessing.json");
    models::applyPreprocessing(info, fromSidecar, fileName(sidecarPath));
    models::applyPreprocessing(info, options.preprocessing, options.preprocessingSource);

    models::ModelPtr model = models::createModel(info);
    try {
        loadStateDict(*model, raw.tensors);
    } catch (const InputError& e) {
        throw InputError(path + " does not fit " + info.arch + ": " + e.what());
    }
    checkTensorValues(raw.tensors, path);
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
                     {"std", info.stdev},
                     {"resize", info.resize},
                     {"resize_size", info.resizeSize},
                     {"class_names", info.classNames}};
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

void writeTensorFile(const std::string& path, const torch::Tensor& tensor)
{
    writeFileAtomically(path, torch::pickle_save(tensor.detach().to(torch::kCPU).contiguous()));
}

} // namespace zsq::io
