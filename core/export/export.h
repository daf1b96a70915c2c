#pragma once
// Deployable files from a quantized run: an ONNX graph with
// QuantizeLinear/DequantizeLinear pairs (what ONNX Runtime, TensorRT and
// OpenVINO consume) or a TorchScript module that Python's torch.jit.load runs
// without any ZSQ code. Both reproduce the fake-quantized student.
// This header is free of torch types so that the GUI can call it directly.
#include <cstdint>
#include <string>
#include <vector>

namespace zsq::exporting {

enum class ExportFormat { Onnx, TorchScript };

// "onnx" or "torchscript"; InputError for anything else.
ExportFormat exportFormatFromName(const std::string& name);
std::string exportFormatName(ExportFormat format);
// The usual file extension (".onnx", ".pt").
std::string defaultExtension(ExportFormat format);

struct ExportRequest {
    std::string modelPath;       // a quantized ZSQ checkpoint (RUN/quantized.zsq)
    ExportFormat format = ExportFormat::Onnx;
    std::string outputPath;
    // Square input in pixels; 0: the model's own (its preprocessing).
    std::int64_t inputSize = 0;
    // Export the model in float, quantizers removed: the full-precision
    // reference graph (e.g. for latency comparisons). Any model file then.
    bool floatGraph = false;
};

struct ExportReport {
    std::string outputPath;
    std::string format;          // "onnx" / "torchscript"
    std::string arch;
    std::int64_t parameters = 0;
    std::int64_t floatBytes = 0;     // every parameter as float32
    std::int64_t packedBytes = 0;    // quantized weights packed at k bits + fp32 scale/zp + float rest
    double averageWeightBits = 0;    // over the quantizable layers' weights
    std::int64_t fileBytes = 0;      // the file as written
    int quantizedLayers = 0;         // layers with k-bit weights
    int floatLayers = 0;             // layers left in float (mixed precision, bits 0)
    int activationQuantizers = 0;    // quantized activations in the graph
    std::vector<std::int64_t> inputShape; // [batch, C, H, W]; batch is dynamic in the file
    std::vector<std::string> notes;  // facts worth printing (e.g. an int32 weight fallback)
};

// Loads the checkpoint, checks that it is quantized (unless floatGraph), builds the file and
// writes it atomically (nothing is left behind on failure).
// InputError: not a quantized model, unwritable output, bad request.
ExportReport exportModel(const ExportRequest& request);

} // namespace zsq::exporting
