// zsq info MODEL: what a model file holds.
#include <cstdio>
#include <set>

#include "api/model_summary.h"
#include "args.h"
#include "commands.h"
#include "common/runtime.h"
#include "preprocessing_options.h"

namespace zsq::cli {

int runInfo(const ArgList& argv)
{
    std::set<std::string> valued = {"arch", "threads"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    Args args(argv, valued, {"help", "layers"});
    if (args.flag("help")) {
        std::printf("usage: zsq info [MODEL] [--arch NAME] [--layers]\n"
                    "  MODEL     TorchScript archive, state_dict file or ZSQ checkpoint (default: the demo model)\n"
                    "  --arch    architecture when it cannot be detected from the keys\n"
                    "  --layers  list every layer, not only the quantizable ones\n%s",
                    preprocessingUsage());
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    const std::string path = resolveModelPath(args.positionals().empty() ? "" : args.positionals()[0]);
    const api::ModelSummary s =
        api::summarizeModelFile(path, args.get("arch", ""), preprocessingConfigFromArgs(args).dump(), "command line");
    std::printf("file:          %s\n", s.path.c_str());
    std::printf("format:        %s\n", s.format.c_str());
    std::printf("architecture:  %s (%s)\n", s.arch.c_str(), s.archDescription.c_str());
    if (s.inputSize > 0)
        std::printf("input:         %lld x %lld x %lld\n", static_cast<long long>(s.inChannels),
                    static_cast<long long>(s.inputSize), static_cast<long long>(s.inputSize));
    else
        std::printf("input:         %lld x H x W (any size: the data's own; fully convolutional)\n",
                    static_cast<long long>(s.inChannels));
    std::printf("preprocessing: %s\n", s.preprocessingText.c_str());
    if (s.preprocessingAssumed)
        std::printf("               (assumed: the file does not say; give --mean/--std/--input-size or a sidecar "
                    "%s.json)\n",
                    s.path.c_str());
    if (!s.classNames.empty()) {
        std::string names;
        for (std::size_t i = 0; i < s.classNames.size() && i < 10; ++i)
            names += (i ? ", " : "") + s.classNames[i];
        std::printf("class names:   %s%s\n", names.c_str(), s.classNames.size() > 10 ? ", ..." : "");
    }
    std::printf("classes:       %lld\n", static_cast<long long>(s.numClasses));
    std::printf("parameters:    %lld\n", static_cast<long long>(s.parameters));
    std::printf("size (fp32):   %.1f KiB\n", s.floatBits / 8.0 / 1024.0);
    if (s.quantizedBits != s.floatBits)
        std::printf("size (quant):  %.1f KiB\n", s.quantizedBits / 8.0 / 1024.0);
    std::printf("layers:        %d quantizable, %d BatchNorm, %d activation quantizers\n", s.quantizableLayers,
                s.batchNorms, s.activationQuantizers);
    std::printf("devices:       %s\n\n", describeAvailableDevices().c_str());
    std::printf("%-40s %-10s %-20s %10s %5s\n", "layer", "kind", "weight", "params", "bits");
    for (const auto& l : s.layers) {
        if (!args.flag("layers") && l.kind != "conv" && l.kind != "linear")
            continue;
        std::string shape;
        for (std::size_t i = 0; i < l.weightShape.size(); ++i)
            shape += (i ? "x" : "") + std::to_string(l.weightShape[i]);
        std::printf("%-40s %-10s %-20s %10lld %5s\n", l.name.c_str(), l.kind.c_str(), shape.c_str(),
                    static_cast<long long>(l.parameters), l.bits ? std::to_string(l.bits).c_str() : "fp");
    }
    return 0;
}

} // namespace zsq::cli
