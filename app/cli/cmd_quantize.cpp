// zsq quantize: data-free quantization of a model, driven by a JSON run
// config (--config) whose keys can also be given as flags.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "common/runtime.h"
#include "config/run_config.h"
#include "console_sink.h"
#include "data/dataset_registry.h"
#include "engine/evaluate.h"
#include "engine/ptq.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "models/zoo.h"

namespace zsq::cli {

namespace {

std::string defaultOutputDir(const nlohmann::json& cfg)
{
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return "runs/" + cfg["method"].get<std::string>() + "-w" + std::to_string(cfg["wbits"].get<int>()) + "a" +
           std::to_string(cfg["abits"].get<int>()) + "-" + stamp;
}

quant::QuantConfig quantConfigFrom(const nlohmann::json& cfg)
{
    quant::QuantConfig q;
    q.wbits = cfg["wbits"].get<int>();
    q.abits = cfg["abits"].get<int>();
    q.perChannel = cfg["per_channel"].get<bool>();
    for (const auto& [name, bits] : cfg["layer_bits"].items())
        q.layerWbits[name] = bits.get<int>();
    for (const auto& [name, bits] : cfg["act_bits"].items())
        q.actAbits[name] = bits.get<int>();
    return q;
}

} // namespace

int runQuantize(const ArgList& argv)
{
    Args args(argv,
              {"config", "model", "arch", "method", "wbits", "abits", "profile", "seed", "device", "threads",
               "output", "dataset", "set"},
              {"help", "quiet"});
    if (args.flag("help")) {
        std::printf(
            "usage: zsq quantize [--config RUN.json] [--model FILE] [--method ptq] [--wbits 4] [--abits 4]\n"
            "                    [--profile quick|paper|custom] [--seed N] [--device D] [--output DIR]\n"
            "                    [--dataset NAME|DIR] [--set key=value ...]\n"
            "Flags override the same keys of --config. Config keys:\n");
        for (const auto& spec : config::runConfigSchema())
            std::printf("  %-18s %-10s %s\n", spec.key.c_str(), spec.defaultValue.dump().c_str(), spec.help.c_str());
        return 0;
    }
    nlohmann::json cfg = args.get("config") ? config::loadRunConfigFile(*args.get("config")) : config::defaultRunConfig();
    for (const char* key : {"model", "arch", "method", "wbits", "abits", "profile", "seed", "device", "threads",
                            "output", "dataset"})
        if (auto v = args.get(key))
            config::setFromString(cfg, key, *v);
    if (auto set = args.get("set")) {
        const auto eq = set->find('=');
        if (eq == std::string::npos)
            throw InputError("--set expects key=value");
        config::setFromString(cfg, set->substr(0, eq), set->substr(eq + 1));
    }
    if (cfg["output"].get<std::string>().empty())
        cfg["output"] = defaultOutputDir(cfg);

    applyThreads(cfg["threads"].get<long long>());
    const torch::Device device = resolveDevice(cfg["device"].get<std::string>());
    seedEverything(cfg["seed"].get<std::uint64_t>());
    ConsoleSink sink(args.flag("quiet"));

    io::LoadOptions options;
    options.arch = cfg["arch"].get<std::string>();
    io::LoadedModel teacher = io::loadModel(resolveModelPath(cfg["model"].get<std::string>()), options);
    const models::ModelInfo info = teacher.model->info();
    data::DatasetPtr evalSet = data::openDataset(
        {cfg["dataset"].get<std::string>(), cfg["eval_split"].get<std::string>(), info.inputSize});
    if (evalSet->numClasses() != info.numClasses)
        throw InputError("the evaluation dataset has " + std::to_string(evalSet->numClasses()) +
                         " classes but the model has " + std::to_string(info.numClasses));
    models::ModelPtr student = models::cloneModel(*teacher.model);
    const quant::QuantConfig qc = quantConfigFrom(cfg);
    const std::string method = cfg["method"].get<std::string>();

    const auto start = std::chrono::steady_clock::now();
    nlohmann::json methodResult;
    if (method == "ptq") {
        engine::PtqConfig pc;
        pc.batchSize = cfg["ptq"]["batch_size"].get<std::int64_t>();
        pc.iterations = cfg["ptq"]["iterations"].get<int>();
        pc.lr = cfg["ptq"]["lr"].get<double>();
        const engine::PtqResult r = engine::runPtq(*teacher.model, *student, qc, pc, device, sink);
        methodResult = {{"distill_loss_initial", r.initialLoss}, {"distill_loss_final", r.finalLoss}};
    } else {
        throw InputError("method '" + method + "' is not available in this build");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const std::int64_t evalBatch = cfg["eval_batch"].get<std::int64_t>();
    teacher.model->to(device);
    const engine::EvalResult fp = engine::evaluate(*teacher.model, *evalSet, device, evalBatch, 0, sink);
    const engine::EvalResult q = engine::evaluate(*student, *evalSet, device, evalBatch, 0, sink);
    const quant::ModelSize size = quant::modelSize(*student);

    const std::filesystem::path out(cfg["output"].get<std::string>());
    student->to(torch::kCPU);
    nlohmann::json result = {{"method", method},
                             {"wbits", qc.wbits},
                             {"abits", qc.abits},
                             {"model", teacher.path},
                             {"arch", info.arch},
                             {"dataset", cfg["dataset"]},
                             {"eval_split", cfg["eval_split"]},
                             {"fp_top1", fp.top1},
                             {"quant_top1", q.top1},
                             {"seconds", seconds},
                             {"size_bits", size.quantizedBits},
                             {"fp_size_bits", size.floatBits},
                             {"average_weight_bits", size.averageWeightBits},
                             {"device", device.str()},
                             {"threads", torch::get_num_threads()},
                             {"details", methodResult}};
    io::saveCheckpoint((out / "quantized.zsq").string(), *student, {{"run_config", cfg}, {"result", result}});
    io::writeFileAtomically((out / "quant_params.json").string(), quant::quantStateToJson(*student, true).dump(1) + "\n");
    io::writeFileAtomically((out / "config.json").string(), cfg.dump(2) + "\n");
    io::writeFileAtomically((out / "result.json").string(), result.dump(2) + "\n");

    std::printf("method %s W%dA%d on %s (%s): %.1f s on %s\n", method.c_str(), qc.wbits, qc.abits, info.arch.c_str(),
                teacher.path.c_str(), seconds, device.str().c_str());
    std::printf("size: %.1f KiB quantized vs %.1f KiB float (%.2f average weight bits)\n",
                size.quantizedBits / 8192.0, size.floatBits / 8192.0, size.averageWeightBits);
    std::printf("full precision top-1: %.2f %%\n", fp.top1);
    std::printf("wrote %s\n", out.string().c_str());
    std::printf("top-1: %.2f %%\n", q.top1);
    return 0;
}

} // namespace zsq::cli
