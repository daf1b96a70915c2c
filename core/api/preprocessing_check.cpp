#include "api/preprocessing_check.h"
#include "common/bounded_json.h"

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "config/preprocessing_keys.h"
#include "config/run_config.h"
#include "data/model_input.h"
#include "engine/evaluate.h"
#include "io/model_file.h"
#include "models/preprocessing.h"
#include "quant/model_quantizer.h"

namespace zsq::api {

PreprocessingCheck checkPreprocessing(const std::string& runConfigJson, std::int64_t samples)
{
    nlohmann::json user;
    try {
        user = runConfigJson.empty() ? nlohmann::json::object() : parseBoundedJson(runConfigJson);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError("the run config is not valid JSON (byte " + std::to_string(e.byte) + ")");
    }
    const nlohmann::json cfg = config::resolveRunConfig(user);
    const std::string modelArg = cfg["model"].get<std::string>();
    io::LoadedModel loaded = io::loadModel(modelArg.empty() || modelArg == "demo" ? io::demoModelPath() : modelArg,
                                           config::loadOptionsFromConfig(cfg, "GUI"));
    quant::removeQuantization(*loaded.model);
    const models::ModelInfo& info = loaded.model->info();
    const std::string dataset = cfg["dataset"].get<std::string>();
    PreprocessingCheck check;
    check.preprocessingText = models::describePreprocessing(info);
    if (dataset == "none")
        return check;
    const data::DatasetPtr ds =
        data::openDataset(data::datasetRequestFor(dataset, cfg["eval_split"].get<std::string>(), info));
    if (ds->numClasses() != info.numClasses)
        throw InputError("the dataset has " + std::to_string(ds->numClasses()) + " classes but the model has " +
                         std::to_string(info.numClasses));
    const engine::EvalResult r =
        engine::evaluate(*loaded.model, *ds, torch::kCPU, std::min<std::int64_t>(samples, 250), samples);
    check.top1 = r.top1;
    check.samples = r.total;
    if (auto warning = models::nearChanceWarning(r.top1, info, dataset)) {
        check.nearChance = true;
        check.warning = *warning;
    }
    return check;
}

} // namespace zsq::api
