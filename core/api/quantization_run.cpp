#include "api/quantization_run.h"
#include "common/bounded_json.h"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "config/refine_finished_run.h"
#include "config/run_config.h"
#include "data/dataset_registry.h"
#include "engine/quantization_job.h"

namespace zsq::api {

namespace {

const char* typeName(config::ParamType type)
{
    switch (type) {
    case config::ParamType::Bool: return "bool";
    case config::ParamType::Int: return "int";
    case config::ParamType::Double: return "double";
    case config::ParamType::String: return "string";
    case config::ParamType::Choice: return "choice";
    case config::ParamType::BitsMap: return "bits";
    case config::ParamType::NumberList: return "numbers";
    }
    return "string";
}

nlohmann::json parseUserConfig(const std::string& text)
{
    try {
        nlohmann::json user = text.empty() ? nlohmann::json::object() : parseBoundedJson(text);
        if (!user.is_object())
            throw InputError("a run config must be a JSON object");
        return user;
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(std::string("the run config is not valid JSON: ") + e.what());
    }
}

} // namespace

std::string runConfigSchemaJson()
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& spec : config::runConfigSchema())
        out.push_back({{"key", spec.key},
                       {"type", typeName(spec.type)},
                       {"default", spec.defaultValue},
                       {"min", spec.min},
                       {"max", spec.max},
                       {"choices", spec.choices},
                       {"help", spec.help},
                       {"advanced", spec.advanced}});
    return out.dump();
}

std::string profileDefaultsJson(const std::string& profile, std::int64_t inputSize)
{
    nlohmann::json cfg = config::resolveRunConfig({{"profile", profile}});
    config::applyProfile(cfg, {"profile"}, inputSize);
    return cfg.dump();
}

void validateRunConfig(const std::string& configJson)
{
    config::resolveRunConfig(parseUserConfig(configJson));
}

RunOutcome runOutcomeFrom(const engine::JobOutcome& job)
{
    RunOutcome out;
    out.outputDir = job.outputDir;
    out.evaluated = job.evaluated;
    out.fpTop1 = job.fpTop1;
    out.quantTop1 = job.quantTop1;
    out.cancelled = job.cancelled;
    out.resultJson = job.result.dump(2);
    return out;
}

RunOutcome runQuantization(const std::string& configJson, const std::vector<std::string>& givenKeys,
                           EventSink& sink, const CancelToken* cancel)
{
    const nlohmann::json user = parseUserConfig(configJson);
    std::vector<std::string> given = config::keysGiven(user);
    for (const std::string& key : givenKeys)
        if (std::find(given.begin(), given.end(), key) == given.end())
            given.push_back(key);
    const nlohmann::json resolved = config::resolveRunConfig(user);
    // Ranks are processes that the `zsq` launcher (or torchrun) starts; a
    // front end running the job on its own thread has one. Refused rather
    // than silently run on one process.
    const int nproc = resolved.at("dist").at("nproc").get<int>();
    if (nproc > 1)
        throw InputError("dist.nproc is " + std::to_string(nproc) +
                         ", but this front end runs a single process: start data-parallel runs with "
                         "`zsq quantize --config CONFIG.json --nproc " + std::to_string(nproc) + "`");
    engine::JobOutcome o;
    try {
        o = engine::runQuantizationJob(resolved, given, sink, cancel);
    } catch (const InputError&) {
        throw;
    } catch (const RuntimeFailure&) {
        throw;
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception& e) {
        // c10::Error, filesystem errors, json type errors: one line for the UI.
        throw RuntimeFailure(firstLine(e.what()));
    }
    return runOutcomeFrom(o);
}

std::string refineRunConfigJson(const std::string& runDir, const std::string& refineMethod,
                                std::vector<std::string>* givenKeys)
{
    config::RefineRunRequest request = config::refineFinishedRun(runDir, refineMethod);
    if (givenKeys)
        *givenKeys = request.givenKeys;
    return request.config.dump();
}

std::vector<std::string> datasetClassNames(const std::string& dataset)
{
    if (dataset == "fashion-mnist" || dataset.find("fashion") != std::string::npos)
        return data::fashionMnistClassNames();
    if (dataset == "cifar10")
        return {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
    return {};
}

std::string findNamedDataset(const std::string& name)
{
    std::error_code ec;
    for (const std::string& dir : data::datasetSearchDirs(name))
        if (std::filesystem::is_directory(dir, ec))
            return dir;
    return {};
}

} // namespace zsq::api
