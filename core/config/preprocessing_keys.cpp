#include "config/preprocessing_keys.h"

#include "common/error.h"
#include "common/bounded_json.h"
#include "config/run_config.h"

namespace zsq::config {

io::LoadOptions loadOptionsFromConfig(const nlohmann::json& cfg, const std::string& source)
{
    io::LoadOptions options;
    options.arch = cfg.value("arch", std::string());
    options.preprocessingSource = source;
    if (!cfg.contains("preprocessing"))
        return options;
    const nlohmann::json& p = cfg.at("preprocessing");
    models::PreprocessingOverrides& o = options.preprocessing;
    options.preprocessingFile = p.value("file", std::string());
    if (const auto size = p.value("input_size", std::int64_t(-1)); size >= 0)
        o.inputSize = size;
    if (const auto resize = p.value("resize", std::string("model")); resize != "model")
        o.resize = resize;
    if (const auto resizeSize = p.value("resize_size", std::int64_t(0)); resizeSize > 0)
        o.resizeSize = resizeSize;
    if (p.contains("mean") && !p.at("mean").empty())
        o.mean = p.at("mean").get<std::vector<double>>();
    if (p.contains("std") && !p.at("std").empty())
        o.stdev = p.at("std").get<std::vector<double>>();
    if (const auto names = p.value("class_names", std::string()); !names.empty())
        o.classNames = models::parseClassNames(names, "config key 'preprocessing.class_names'");
    return options;
}

io::LoadOptions loadOptionsFromJsonText(const std::string& arch, const std::string& preprocessingJson,
                                        const std::string& source)
{
    nlohmann::json cfg = nlohmann::json::object();
    if (!preprocessingJson.empty()) {
        nlohmann::json user;
        try {
            user = parseBoundedJson(preprocessingJson);
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError("the preprocessing settings are not valid JSON (byte " + std::to_string(e.byte) + ")");
        } catch (const InputError& e) {
            throw InputError(std::string("the preprocessing settings: ") + e.what());
        }
        cfg = resolveRunConfig(user);
    }
    cfg["arch"] = arch;
    return loadOptionsFromConfig(cfg, source);
}

} // namespace zsq::config
