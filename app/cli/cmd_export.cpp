// zsq export: a quantized run as a file other runtimes load (ONNX QDQ for
// ONNX Runtime, TensorRT, OpenVINO; TorchScript for torch.jit.load).
#include <cstdio>
#include <set>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "export/export.h"

namespace zsq::cli {

namespace {
std::string megabytes(std::int64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f MB", static_cast<double>(bytes) / 1e6);
    return text;
}
} // namespace

int runExport(const ArgList& argv)
{
    Args args(argv, {"model", "format", "output", "input-size", "threads"}, {"help", "float"});
    if (args.flag("help")) {
        std::printf("usage: zsq export --model RUN/quantized.zsq --format onnx|torchscript --output FILE\n"
                    "                  [--input-size N] [--float]\n"
                    "  onnx         QDQ graph (opset 13): int8 weights holding the k-bit integers with\n"
                    "               per-channel DequantizeLinear, activations Clip -> QuantizeLinear ->\n"
                    "               DequantizeLinear; preprocessing in the metadata (ONNX Runtime, TensorRT)\n"
                    "  torchscript  a module Python loads with torch.jit.load, no ZSQ code needed\n"
                    "  --input-size square input the graph is built for (default: the model's own)\n"
                    "  --float      the model in float, quantizers removed (the reference graph for\n"
                    "               latency comparisons); any model file\n"
                    "Both reproduce the fake-quantized student; the batch dimension is dynamic.\n");
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    const auto model = args.get("model");
    const auto format = args.get("format");
    const auto output = args.get("output");
    if (!model || !format || !output)
        throw InputError("export needs --model, --format and --output (see --help)");
    exporting::ExportRequest request;
    request.format = exporting::exportFormatFromName(*format);
    request.modelPath = *model;
    request.outputPath = *output;
    request.inputSize = args.getInt("input-size", 0);
    request.floatGraph = args.flag("float");
    if (request.inputSize < 0)
        throw InputError("--input-size must be positive");

    const exporting::ExportReport r = exporting::exportModel(request);
    const auto& s = r.inputShape;
    std::printf("wrote %s (%s, %s)\n", r.outputPath.c_str(), r.format.c_str(), megabytes(r.fileBytes).c_str());
    std::printf("model:   %s, input \"input\" [batch, %lld, %lld, %lld], output \"logits\" [batch, classes]\n",
                r.arch.c_str(), static_cast<long long>(s.at(1)), static_cast<long long>(s.at(2)),
                static_cast<long long>(s.at(3)));
    std::printf("layers:  %d with quantized weights, %d in float; %d quantized activations\n", r.quantizedLayers,
                r.floatLayers, r.activationQuantizers);
    std::printf("size:    float32 %s, packed k-bit %s (%.1fx smaller; %.2f weight bits on average)\n",
                megabytes(r.floatBytes).c_str(), megabytes(r.packedBytes).c_str(),
                r.packedBytes > 0 ? static_cast<double>(r.floatBytes) / static_cast<double>(r.packedBytes) : 0.0,
                r.averageWeightBits);
    for (const auto& note : r.notes)
        std::printf("note:    %s\n", note.c_str());
    return 0;
}

} // namespace zsq::cli
