#include "preprocessing_options.h"

#include "config/preprocessing_keys.h"
#include "config/run_config.h"

namespace zsq::cli {

namespace {
// flag -> run-config key under "preprocessing."
const std::pair<const char*, const char*> kFlagKeys[] = {
    {"input-size", "input_size"}, {"resize", "resize"}, {"resize-size", "resize_size"}, {"mean", "mean"},
    {"std", "std"},               {"class-names", "class_names"}, {"preprocessing", "file"}};
} // namespace

const std::set<std::string>& preprocessingOptionNames()
{
    static const std::set<std::string> names = [] {
        std::set<std::string> n;
        for (const auto& [flag, key] : kFlagKeys)
            n.insert(flag);
        return n;
    }();
    return names;
}

const char* preprocessingUsage()
{
    return "model preprocessing (overrides the file's own and its sidecar MODEL.json):\n"
           "  --input-size N       input size in pixels (0 = the data's size)\n"
           "  --resize POLICY      none | resize (whole image) | resize_crop (shorter side, centre crop)\n"
           "  --resize-size N      resize_crop: shorter side before the crop (default input size / 0.875)\n"
           "  --mean a[,b,c]       per-channel mean; --std a[,b,c] per-channel std\n"
           "  --class-names F|a,b  class names: a text file (one per line) or a comma-separated list\n"
           "  --preprocessing F    a preprocessing JSON used instead of the sidecar\n";
}

nlohmann::json preprocessingConfigFromArgs(const Args& args)
{
    // Converted and validated through the run config's schema, so flags and
    // --set keys give the same messages.
    nlohmann::json cfg = config::defaultRunConfig();
    nlohmann::json given = nlohmann::json::object();
    for (const auto& [flag, key] : kFlagKeys) {
        if (auto v = args.get(flag)) {
            const std::string dotted = std::string("preprocessing.") + key;
            config::setFromString(cfg, dotted, *v);
            given[key] = cfg["preprocessing"][key];
        }
    }
    return given.empty() ? nlohmann::json::object() : nlohmann::json{{"preprocessing", given}};
}

io::LoadOptions loadOptionsFromArgs(const Args& args)
{
    nlohmann::json cfg = preprocessingConfigFromArgs(args);
    cfg["arch"] = args.get("arch", "");
    return config::loadOptionsFromConfig(cfg, "command line");
}

} // namespace zsq::cli
