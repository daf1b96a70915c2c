// zsq eval: top-1 of a float or quantized model on a dataset.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "common/runtime.h"
#include "console_sink.h"
#include "data/dataset_registry.h"
#include "engine/evaluate.h"
#include "io/model_file.h"
#include "quant/model_quantizer.h"

namespace zsq::cli {

int runEval(const ArgList& argv)
{
    Args args(argv, {"model", "arch", "dataset", "split", "batch", "limit", "device", "threads"},
              {"help", "fp", "quiet"});
    if (args.flag("help")) {
        std::printf("usage: zsq eval [--model FILE] [--dataset NAME|DIR] [--split test|train|val|fit]\n"
                    "                [--batch N] [--limit N] [--fp] [--device auto|cpu|cuda] [--threads N]\n"
                    "  --model    model file (default: the shipped demo model)\n"
                    "  --dataset  fashion-mnist (default), mnist, cifar10, cifar100 or a folder\n"
                    "  --fp       evaluate a quantized checkpoint with quantization switched off\n");
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    const torch::Device device = resolveDevice(args.get("device", "auto"));
    io::LoadOptions options;
    options.arch = args.get("arch", "");
    io::LoadedModel loaded = io::loadModel(resolveModelPath(args.get("model", "")), options);
    if (args.flag("fp"))
        quant::removeQuantization(*loaded.model);
    loaded.model->to(device);
    const models::ModelInfo& info = loaded.model->info();
    data::DatasetPtr ds = data::openDataset({args.get("dataset", "fashion-mnist"), args.get("split", "test"),
                                             info.inputSize, info.inChannels});
    if (ds->numClasses() != info.numClasses)
        throw InputError("the dataset has " + std::to_string(ds->numClasses()) + " classes but the model has " +
                         std::to_string(info.numClasses));
    ConsoleSink sink(args.flag("quiet"));
    const engine::EvalResult r = engine::evaluate(*loaded.model, *ds, device, args.getInt("batch", 500),
                                                  args.getInt("limit", 0), sink);
    const quant::ModelSize size = quant::modelSize(*loaded.model);
    std::printf("model: %s (%s, %.2f average weight bits)\n", loaded.path.c_str(), info.arch.c_str(),
                size.averageWeightBits);
    std::printf("dataset: %s/%s, %lld samples\n", args.get("dataset", "fashion-mnist").c_str(),
                args.get("split", "test").c_str(), static_cast<long long>(r.total));
    std::printf("top-1: %.2f %%\n", r.top1);
    return 0;
}

} // namespace zsq::cli
