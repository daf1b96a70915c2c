#include "models/preprocessing.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/bounded_json.h"
#include "common/error.h"
#include "io/atomic_file.h"
#include "models/zoo.h"

namespace zsq::models {

namespace fs = std::filesystem;

namespace {

// Sidecars and class-name files are small; anything larger is not one.
constexpr std::uintmax_t kMaxPreprocessingFileBytes = 4u << 20;
constexpr std::int64_t kMinInputSize = 8;
constexpr std::int64_t kMaxInputSize = 4096;

std::string numberText(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string listText(const std::vector<double>& values)
{
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        text += (i ? ", " : "") + numberText(values[i]);
    return text + "]";
}

std::vector<double> numbersFrom(const nlohmann::json& v, const std::string& where, const std::string& key)
{
    std::vector<double> out;
    if (v.is_number()) {
        out.push_back(v.get<double>());
    } else if (v.is_array() && !v.empty()) {
        for (const auto& x : v) {
            if (!x.is_number())
                throw InputError(where + ": '" + key + "' must hold numbers, got " + x.dump());
            out.push_back(x.get<double>());
        }
    } else {
        throw InputError(where + ": '" + key + "' must be a number or a non-empty list of numbers, got " + v.dump());
    }
    return out;
}

std::int64_t sizeFrom(const nlohmann::json& v, const std::string& where, const std::string& key)
{
    // [H, W] is accepted when square: torchvision transforms write sizes so.
    if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()) {
        if (v[0].get<std::int64_t>() != v[1].get<std::int64_t>())
            throw InputError(where + ": '" + key + "' must be square, got " + v.dump());
        return v[0].get<std::int64_t>();
    }
    if (!v.is_number_integer())
        throw InputError(where + ": '" + key + "' must be an integer, got " + v.dump());
    return v.get<std::int64_t>();
}

std::string readSmallTextFile(const std::string& path, const std::string& what)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw InputError(path + " is not a regular file (expected " + what + ")");
    if (fs::file_size(path, ec) > kMaxPreprocessingFileBytes)
        throw InputError(path + " is too large for " + what + " (more than 4 MiB)");
    const std::vector<char> bytes = io::readWholeFile(path);
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

bool PreprocessingOverrides::empty() const
{
    return !inputSize && !resize && !resizeSize && !mean && !stdev && !classNames && !arch;
}

PreprocessingOverrides PreprocessingOverrides::mergedWith(const PreprocessingOverrides& over) const
{
    PreprocessingOverrides r = *this;
    if (over.inputSize) r.inputSize = over.inputSize;
    if (over.resize) r.resize = over.resize;
    if (over.resizeSize) r.resizeSize = over.resizeSize;
    if (over.mean) r.mean = over.mean;
    if (over.stdev) r.stdev = over.stdev;
    if (over.classNames) r.classNames = over.classNames;
    if (over.arch) r.arch = over.arch;
    return r;
}

const std::vector<std::string>& resizePolicies()
{
    static const std::vector<std::string> policies = {"none", "resize", "resize_crop"};
    return policies;
}

PreprocessingOverrides preprocessingFromJson(const nlohmann::json& j, const std::string& where)
{
    if (!j.is_object())
        throw InputError(where + ": preprocessing must be a JSON object, got " + std::string(j.type_name()));
    // A run config's or an export's form nests it.
    if (j.size() == 1 && j.contains("preprocessing"))
        return preprocessingFromJson(j.at("preprocessing"), where);
    PreprocessingOverrides o;
    for (const auto& [key, v] : j.items()) {
        if (key == "input_size")
            o.inputSize = sizeFrom(v, where, key);
        else if (key == "resize_size")
            o.resizeSize = sizeFrom(v, where, key);
        else if (key == "resize") {
            if (!v.is_string())
                throw InputError(where + ": 'resize' must be a string (none, resize, resize_crop), got " + v.dump());
            o.resize = v.get<std::string>();
        } else if (key == "mean")
            o.mean = numbersFrom(v, where, key);
        else if (key == "std")
            o.stdev = numbersFrom(v, where, key);
        else if (key == "class_names") {
            if (!v.is_array())
                throw InputError(where + ": 'class_names' must be a list of strings");
            std::vector<std::string> names;
            for (const auto& n : v) {
                if (!n.is_string())
                    throw InputError(where + ": 'class_names' must hold strings, got " + n.dump());
                names.push_back(n.get<std::string>());
            }
            o.classNames = names;
        } else if (key == "arch") {
            if (!v.is_string())
                throw InputError(where + ": 'arch' must be a string");
            o.arch = v.get<std::string>();
        } else {
            throw InputError(where + ": unknown key '" + key +
                             "' (known: input_size, resize, resize_size, mean, std, class_names, arch)");
        }
    }
    return o;
}

nlohmann::json preprocessingToJson(const ModelInfo& info)
{
    nlohmann::json j = {{"input_size", info.inputSize},
                        {"resize", info.resize},
                        {"mean", info.mean},
                        {"std", info.stdev}};
    if (info.resize == "resize_crop")
        j["resize_size"] = info.resizeSize;
    if (!info.classNames.empty())
        j["class_names"] = info.classNames;
    return j;
}

std::vector<std::string> parseClassNames(const std::string& fileOrList, const std::string& what)
{
    std::vector<std::string> names;
    std::error_code ec;
    if (fs::exists(fileOrList, ec)) {
        std::stringstream in(readSmallTextFile(fileOrList, "class names, one per line"));
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty())
                names.push_back(line);
        }
        if (names.empty())
            throw InputError(fileOrList + " holds no class names (one per line)");
        return names;
    }
    std::stringstream in(fileOrList);
    for (std::string item; std::getline(in, item, ',');)
        names.push_back(item);
    if (names.empty())
        throw InputError(what + ": no class names given");
    return names;
}

void validatePreprocessing(const ModelInfo& info, const std::string& where)
{
    const std::string prefix = where.empty() ? "" : where + ": ";
    if (info.inputSize != 0 && (info.inputSize < kMinInputSize || info.inputSize > kMaxInputSize))
        throw InputError(prefix + "input_size " + std::to_string(info.inputSize) + " is outside [" +
                         std::to_string(kMinInputSize) + ", " + std::to_string(kMaxInputSize) +
                         "] (0: the data's own size)");
    const auto& policies = resizePolicies();
    if (std::find(policies.begin(), policies.end(), info.resize) == policies.end())
        throw InputError(prefix + "resize '" + info.resize + "' is not one of none, resize, resize_crop");
    if (info.resize == "resize_crop" && info.resizeSize != 0 && info.resizeSize < info.inputSize)
        throw InputError(prefix + "resize_size " + std::to_string(info.resizeSize) +
                         " is smaller than the crop (input_size " + std::to_string(info.inputSize) + ")");
    if (info.resizeSize < 0 || info.resizeSize > 2 * kMaxInputSize)
        throw InputError(prefix + "resize_size " + std::to_string(info.resizeSize) + " is out of range");
    const auto channels = static_cast<std::size_t>(info.inChannels);
    if (info.mean.size() != channels || info.stdev.size() != channels)
        throw InputError(prefix + "the model has " + std::to_string(info.inChannels) + " input channel(s) but mean has " +
                         std::to_string(info.mean.size()) + " and std " + std::to_string(info.stdev.size()) +
                         " value(s)");
    for (std::size_t c = 0; c < channels; ++c) {
        if (!std::isfinite(info.mean[c]))
            throw InputError(prefix + "mean[" + std::to_string(c) + "] is not finite");
        if (!std::isfinite(info.stdev[c]) || info.stdev[c] <= 0)
            throw InputError(prefix + "std[" + std::to_string(c) + "] must be a positive number, got " +
                             numberText(info.stdev[c]));
    }
    if (!info.classNames.empty() && static_cast<std::int64_t>(info.classNames.size()) != info.numClasses)
        throw InputError(prefix + std::to_string(info.classNames.size()) + " class names for a model with " +
                         std::to_string(info.numClasses) + " classes");
}

void applyPreprocessing(ModelInfo& info, const PreprocessingOverrides& o, const std::string& source)
{
    if (o.empty() || (!o.inputSize && !o.resize && !o.resizeSize && !o.mean && !o.stdev && !o.classNames))
        return;
    const auto broadcast = [&](const std::vector<double>& v) {
        return v.size() == 1 ? std::vector<double>(static_cast<std::size_t>(info.inChannels), v[0]) : v;
    };
    if (o.inputSize)
        info.inputSize = *o.inputSize;
    if (o.resize)
        info.resize = *o.resize;
    if (o.resizeSize)
        info.resizeSize = *o.resizeSize;
    if (o.mean)
        info.mean = broadcast(*o.mean);
    if (o.stdev)
        info.stdev = broadcast(*o.stdev);
    if (o.classNames)
        info.classNames = *o.classNames;
    // Normalisation given by someone is no longer a guess; once both halves
    // are given, the defaults it replaced are not worth naming.
    const bool replacesGuess = info.preprocessingAssumed && o.mean && o.stdev;
    if (o.mean && o.stdev)
        info.preprocessingAssumed = false;
    info.preprocessingSource = info.preprocessingSource.empty() || replacesGuess
                                   ? source
                                   : info.preprocessingSource + " + " + source;
    validatePreprocessing(info, source);
}

std::string findSidecar(const std::string& modelPath)
{
    std::error_code ec;
    const fs::path model(modelPath);
    // MODEL.json names this model alone: taken as a sidecar whatever it holds
    // (and refused when it is not one).
    const fs::path full(modelPath + ".json");
    if (fs::exists(full, ec))
        return full.string();
    // The stem's JSON may be something else (train-teacher writes its
    // training history there): a sidecar only when it has preprocessing keys.
    const fs::path stem = fs::path(model).replace_extension(".json");
    if (stem == model || !fs::is_regular_file(stem, ec) || fs::file_size(stem, ec) > kMaxPreprocessingFileBytes)
        return {};
    try {
        const std::vector<char> bytes = io::readWholeFile(stem.string());
        const nlohmann::json j = parseBoundedJson(bytes.data(), bytes.data() + bytes.size());
        if (!j.is_object())
            return {};
        if (j.contains("preprocessing"))
            return stem.string();
        for (const char* key : {"input_size", "resize", "resize_size", "mean", "std", "class_names"})
            if (j.contains(key))
                return stem.string();
    } catch (const std::exception&) {
        // Not JSON: not a sidecar either.
    }
    return {};
}

PreprocessingOverrides readPreprocessingFile(const std::string& path)
{
    const std::string text = readSmallTextFile(path, "a preprocessing JSON file");
    nlohmann::json j;
    try {
        j = parseBoundedJson(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(path + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
    return preprocessingFromJson(j, path);
}

std::string describePreprocessing(const ModelInfo& info)
{
    std::string size = info.inputSize > 0 ? std::to_string(info.inputSize) + "x" + std::to_string(info.inputSize)
                                          : std::string("the data's size");
    std::string resize = info.resize;
    if (info.resize == "resize_crop")
        resize += " from " + std::to_string(info.resizeSize > 0 ? info.resizeSize
                                                                : static_cast<std::int64_t>(std::lround(
                                                                      static_cast<double>(info.inputSize) / 0.875)));
    std::string text = "input " + size + " (resize: " + resize + "), mean " + listText(info.mean) + ", std " +
                       listText(info.stdev);
    if (!info.preprocessingSource.empty())
        text += "; from " + info.preprocessingSource;
    return text;
}

std::int64_t effectiveInputSize(const ModelInfo& info, std::int64_t dataHeight, std::int64_t dataWidth)
{
    if (info.inputSize > 0)
        return info.inputSize;
    if (dataHeight > 0 && dataHeight == dataWidth)
        return dataHeight;
    return isKnownArch(info.arch) ? defaultInfo(info.arch).inputSize : 224;
}

std::string assumedPreprocessingNote(const ModelInfo& info, const std::string& modelPath)
{
    return modelPath + " says nothing about its preprocessing: assuming " + info.arch + "'s defaults (mean " +
           listText(info.mean) + ", std " + listText(info.stdev) +
           "); if it was trained otherwise, give --mean/--std (and --input-size) or a sidecar " + modelPath + ".json";
}

bool isNearChance(double top1Percent, std::int64_t numClasses)
{
    if (numClasses < 2)
        return false;
    const double chance = 100.0 / static_cast<double>(numClasses);
    return top1Percent < std::min(3.0 * chance, chance + 20.0);
}

std::optional<std::string> nearChanceWarning(double top1Percent, const ModelInfo& info, const std::string& dataset)
{
    if (!isNearChance(top1Percent, info.numClasses))
        return std::nullopt;
    const double chance = 100.0 / static_cast<double>(info.numClasses);
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(2);
    s << "the full-precision model reaches only " << top1Percent << " % on " << dataset << " (chance " << chance
      << " %): its preprocessing is the likely cause — used " << describePreprocessing(info)
      << "; give the model's own with --input-size/--resize/--mean/--std, a MODEL.json beside it, or the "
         "preprocessing.* config keys";
    return s.str();
}

} // namespace zsq::models
