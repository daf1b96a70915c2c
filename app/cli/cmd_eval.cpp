// zsq eval: top-1 of a float or quantized model on a dataset.
#include <cstdio>
#include <set>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "common/runtime.h"
#include "console_sink.h"
#include "data/model_input.h"
#include "models/preprocessing.h"
#include "preprocessing_options.h"
#include "data/dataset_registry.h"
#include "engine/evaluate.h"
#include "io/model_file.h"
#include "quant/model_quantizer.h"

namespace zsq::cli {

int runEval(const ArgList& argv)
{
    std::set<std::string> valued = {"model", "arch", "dataset", "split", "batch", "limit", "device", "threads"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    Args args(argv, valued, {"help", "fp", "quiet"});
    if (args.flag("help")) {
        std::printf("usage: zsq eval [--model FILE] [--dataset NAME|DIR] [--split test|train|val|fit]\n"
                    "                [--batch N] [--limit N] [--fp] [--device auto|cpu|cuda] [--threads N]\n"
                    "  --model    model file (default: the shipped demo model)\n"
                    "  --dataset  fashion-mnist (default), mnist, cifar10, cifar100 or a folder\n"
                    "  --fp       evaluate a quantized checkpoint with quantization switched off\n%s",
                    preprocessingUsage());
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    const long long batch = args.getInt("batch", 500);
    const long long limit = args.getInt("limit", 0);
    if (batch < 1 || batch > 1000000)
        throw InputError("--batch must be between 1 and 1000000, got " + std::to_string(batch));
    if (limit < 0)
        throw InputError("--limit must be 0 (all) or a positive number of samples, got " + std::to_string(limit));
    const torch::Device device = resolveDevice(args.get("device", "auto"));
    if (args.positionals().size() > 1 || (args.positionals().size() == 1 && args.get("model")))
        throw InputError("eval takes one model: give it as MODEL or --model, not both");
    const std::string modelArg = args.positionals().empty() ? args.get("model", "") : args.positionals()[0];
    io::LoadedModel loaded = io::loadModel(resolveModelPath(modelArg), loadOptionsFromArgs(args));
    if (args.flag("fp"))
        quant::removeQuantization(*loaded.model);
    loaded.model->to(device);
    const models::ModelInfo& info = loaded.model->info();
    const std::string dataset = args.get("dataset", "fashion-mnist");
    data::DatasetPtr ds = data::openDataset(data::datasetRequestFor(dataset, args.get("split", "test"), info));
    if (ds->numClasses() != info.numClasses)
        throw InputError("the dataset has " + std::to_string(ds->numClasses()) + " classes but the model has " +
                         std::to_string(info.numClasses));
    ConsoleSink sink(args.flag("quiet"));
    const engine::EvalResult r = engine::evaluate(*loaded.model, *ds, device, batch, limit, sink);
    const quant::ModelSize size = quant::modelSize(*loaded.model);
    std::printf("model: %s (%s, %.2f average weight bits)\n", loaded.path.c_str(), info.arch.c_str(),
                size.averageWeightBits);
    std::printf("dataset: %s/%s, %lld samples\n", dataset.c_str(),
                args.get("split", "test").c_str(), static_cast<long long>(r.total));
    std::printf("preprocessing: %s\n", models::describePreprocessing(info).c_str());
    std::printf("top-1: %.2f %%\n", r.top1);
    // A quantized model near chance can be a broken quantization; a float one
    // is almost always a preprocessing mismatch.
    if (auto warning = models::nearChanceWarning(r.top1, info, dataset))
        std::fprintf(stderr, "warning: %s\n", warning->c_str());
    else if (info.preprocessingAssumed)
        std::fprintf(stderr, "note: %s\n", models::assumedPreprocessingNote(info, loaded.path).c_str());
    return 0;
}

} // namespace zsq::cli
