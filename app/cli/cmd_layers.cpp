// zsq layers: per-layer accuracy (single, cumulative), SQNR, cosine and
// sensitivity; writes layers.csv and layers.json.
#include <cmath>
#include <cstdio>

#include "commands.h"
#include "common/error.h"
#include "console_sink.h"
#include "layer_options.h"

namespace zsq::cli {

int runLayers(const ArgList& argv)
{
    auto valued = layerValuedOptions();
    valued.insert("output");
    auto flags = layerFlagOptions();
    flags.insert("no-sensitivity");
    Args args(argv, valued, flags);
    if (args.flag("help")) {
        std::printf("usage: zsq layers [options] --output DIR\n"
                    "Per quantizable layer: accuracy with only that layer quantized, with it and all earlier\n"
                    "layers quantized, SQNR and cosine of its output in the fully quantized model, and the\n"
                    "KL sensitivity per candidate bit width (measured on the dataset's val split, never on\n"
                    "the split the figures are reported on). Writes DIR/layers.csv and DIR/layers.json.\n%s"
                    "  --no-sensitivity    skip the per-bit-width sensitivity (faster)\n",
                    layerOptionsHelp());
        return 0;
    }
    analysis::LayerAnalysisConfig c = layerConfigFrom(args);
    c.sensitivity = !args.flag("no-sensitivity");
    const auto output = args.get("output");
    if (!output)
        throw InputError("--output DIR is required (layers.csv and layers.json are written there)");
    ConsoleSink sink(args.flag("quiet"));
    const analysis::LayerAnalysisResult r = analysis::runLayerAnalysis(c, sink);
    analysis::writeLayerOutputs(r, *output);

    std::printf("%s, W%dA%d, measured on %s; %s\n", r.arch.c_str(), c.wbits, c.abits, r.data.c_str(),
                r.realLabels ? "accuracy = top-1" : "accuracy = agreement with the FP model");
    if (!r.sensitivityData.empty())
        std::printf("sensitivities measured on %s\n", r.sensitivityData.c_str());
    for (const auto& s : r.states) {
        std::printf("\n[%s] FP %.2f %%, fully quantized %.2f %% (%.2f average weight bits)\n", s.state.c_str(),
                    s.fpTop1, s.quantTop1, s.averageWeightBits);
        std::printf("%-40s %5s %9s %8s %11s %9s %8s", "layer", "bits", "params", "single%", "cumulative%",
                    "SQNR dB", "cosine");
        if (c.sensitivity)
            for (int b : c.candidateBits)
                std::printf("   KL@W%d", b);
        std::printf("\n");
        for (const auto& l : s.layers) {
            std::printf("%-40s %5d %9lld %8.2f %11.2f %9.2f %8.4f", l.name.c_str(), l.bits,
                        static_cast<long long>(l.parameters), l.singleTop1, l.cumulativeTop1, l.sqnrDb, l.cosine);
            if (c.sensitivity)
                for (int b : c.candidateBits)
                    std::printf(" %8.4f", l.sensitivity.at(b));
            std::printf("\n");
        }
    }
    std::printf("\n%.1f s; wrote %s/layers.csv and layers.json\n", r.seconds, output->c_str());
    return 0;
}

} // namespace zsq::cli
