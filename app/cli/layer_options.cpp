#include "layer_options.h"

#include <sstream>

#include "commands.h"
#include "common/error.h"
#include "preprocessing_options.h"

namespace zsq::cli {

std::set<std::string> layerValuedOptions()
{
    std::set<std::string> valued = {"model",      "quantized",  "arch",   "wbits",   "abits",
                                    "dataset",    "split",      "limit",  "distill-samples",
                                    "distill-iterations", "candidates", "device", "threads", "batch",
                                    "calibration", "seed"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    return valued;
}

std::set<std::string> layerFlagOptions()
{
    return {"help", "quiet", "per-tensor"};
}

std::vector<int> parseBitList(const std::string& text)
{
    std::vector<int> bits;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        try {
            std::size_t used = 0;
            bits.push_back(std::stoi(item, &used));
            if (used != item.size())
                throw std::invalid_argument(item);
        } catch (const std::exception&) {
            throw InputError("bad bit width '" + item + "' in '" + text + "' (expected e.g. 2,3,4,5,6,8)");
        }
    }
    if (bits.empty())
        throw InputError("an empty list of bit widths");
    return bits;
}

analysis::LayerAnalysisConfig layerConfigFrom(const Args& args)
{
    applyThreads(args.getInt("threads", 0));
    analysis::LayerAnalysisConfig c;
    c.model = args.get("model", "");
    c.quantized = args.get("quantized", "");
    c.arch = args.get("arch", "");
    if (const nlohmann::json pre = preprocessingConfigFromArgs(args); !pre.empty())
        c.preprocessingJson = pre.dump();
    c.wbits = static_cast<int>(args.getInt("wbits", 4));
    c.abits = static_cast<int>(args.getInt("abits", 4));
    c.perChannel = !args.flag("per-tensor");
    c.dataset = args.get("dataset", "fashion-mnist");
    c.split = args.get("split", "test");
    c.limit = args.getInt("limit", 2000);
    c.distillSamples = args.getInt("distill-samples", 128);
    c.distillIterations = static_cast<int>(args.getInt("distill-iterations", 200));
    c.calibrationSamples = args.getInt("calibration", 500);
    c.candidateBits = parseBitList(args.get("candidates", "2,3,4,5,6,8"));
    c.device = args.get("device", "auto");
    c.batch = args.getInt("batch", 250);
    c.seed = static_cast<std::uint64_t>(args.getInt("seed", 0));
    return c;
}

const char* layerOptionsHelp()
{
    return "  --model FILE        the full-precision model (default: the shipped demo model)\n"
           "  --quantized FILE    a method's fine-tuned quantized.zsq: figures before AND after fine-tuning\n"
           "  --wbits 4 --abits 4 bit widths (abits 0 = float activations); --per-tensor weight ranges\n"
           "  --dataset NAME|DIR  evaluation data (default fashion-mnist); none = ZeroQ-distilled inputs,\n"
           "                      accuracy then means agreement with the FP model\n"
           "  --split test --limit 2000 --batch 250 --calibration 500 (samples for activation ranges)\n"
           "  --distill-samples 128 --distill-iterations 200 (with --dataset none)\n"
           "  --candidates 2,3,4,5,6,8  bit widths whose sensitivity is measured\n"
           "  --device auto|cpu|cuda --threads N --seed N --quiet\n";
}

} // namespace zsq::cli
