#include "export/export.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include "common/error.h"
#include "export/onnx_writer.h"
#include "export/torchscript_writer.h"
#include "export/traced_student.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "models/preprocessing.h"
#include "quant/model_quantizer.h"

namespace zsq::exporting {

ExportFormat exportFormatFromName(const std::string& name)
{
    if (name == "onnx")
        return ExportFormat::Onnx;
    if (name == "torchscript")
        return ExportFormat::TorchScript;
    throw InputError("unknown export format '" + name + "' (onnx or torchscript)");
}

std::string exportFormatName(ExportFormat format)
{
    return format == ExportFormat::Onnx ? "onnx" : "torchscript";
}

std::string defaultExtension(ExportFormat format)
{
    return format == ExportFormat::Onnx ? ".onnx" : ".pt";
}

namespace {

// Refuses, before any work, an output that cannot be written: a folder, a
// parent that is a file, a folder that cannot be created or written into.
void checkWritable(const std::string& path)
{
    namespace fs = std::filesystem;
    if (path.empty())
        throw InputError("no output file given");
    const fs::path target(path);
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw InputError("output " + path + " is a folder, not a file");
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::exists(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec)
            throw InputError("cannot write " + path + ": cannot create folder " + folder.string() + ": " +
                             ec.message());
    } else if (!fs::is_directory(folder, ec)) {
        throw InputError("cannot write " + path + ": " + folder.string() + " is not a folder");
    }
    // A probe file says more than permission bits (root, read-only mounts).
    const std::string probe = (folder / (".zsq-export-probe-" + std::to_string(::getpid()))).string();
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw InputError("cannot write " + path + ": " + std::strerror(errno));
    ::close(fd);
    ::unlink(probe.c_str());
}

bool isQuantized(models::ZooModelImpl& model)
{
    for (auto& layer : model.quantLayers())
        if (layer.setting().bits > 0)
            return true;
    for (auto& aq : model.actQuants())
        if (aq.act->bits > 0 && aq.act->mode != models::ActQuantImpl::Mode::Off)
            return true;
    return false;
}

} // namespace

ExportReport exportModel(const ExportRequest& request)
{
    checkWritable(request.outputPath);
    io::LoadOptions options;
    options.useSidecar = request.floatGraph; // a checkpoint carries its own preprocessing
    io::LoadedModel loaded = io::loadModel(request.modelPath, options);
    models::ZooModelImpl& model = *loaded.model;
    if (request.floatGraph)
        quant::removeQuantization(model);
    else if (loaded.format != io::ModelFileFormat::ZsqCheckpoint || !isQuantized(model))
        throw InputError(request.modelPath + " is a float model: export takes a quantized run's quantized.zsq "
                         "(zsq quantize --output RUN)");

    ExportReport report;
    report.outputPath = request.outputPath;
    report.format = exportFormatName(request.format);
    report.arch = model.info().arch;
    const quant::ModelSize size = quant::modelSize(model);
    report.parameters = size.parameters;
    report.floatBytes = (size.floatBits + 7) / 8;
    report.packedBytes = (size.quantizedBits + 7) / 8;
    report.averageWeightBits = size.averageWeightBits;
    for (auto& layer : model.quantLayers())
        (layer.setting().bits > 0 ? report.quantizedLayers : report.floatLayers)++;

    const std::int64_t inputSize = request.inputSize > 0 ? request.inputSize : model.info().inputSize;
    const TracedStudent student = traceStudent(model, inputSize);
    report.inputShape = student.inputShape;
    report.inputShape[0] = -1;

    std::string bytes;
    if (request.format == ExportFormat::Onnx) {
        OnnxBuildResult onnx = buildOnnxModel(student, model.info());
        bytes = std::move(onnx.bytes);
        report.activationQuantizers = onnx.activationQuantizers;
        report.notes = std::move(onnx.notes);
    } else {
        for (auto& aq : model.actQuants())
            if (aq.act->bits > 0 && aq.act->mode != models::ActQuantImpl::Mode::Off)
                ++report.activationQuantizers;
        bytes = torchScriptArchive(student, models::preprocessingToJson(model.info()).dump());
    }
    io::writeFileAtomically(request.outputPath, bytes);
    report.fileBytes = static_cast<std::int64_t>(bytes.size());
    return report;
}

} // namespace zsq::exporting
