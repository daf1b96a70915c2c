#include "api/model_summary.h"

#include "common/error.h"
#include "config/preprocessing_keys.h"
#include "config/run_config.h"
#include "io/model_file.h"
#include "models/preprocessing.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"

namespace zsq::api {

ModelSummary summarizeModelFile(const std::string& path, const std::string& arch,
                                const std::string& preprocessingJson, const std::string& source)
{
    io::LoadedModel loaded = io::loadModel(path, config::loadOptionsFromJsonText(arch, preprocessingJson, source));
    models::ZooModelImpl& model = *loaded.model;
    const models::ModelInfo& info = model.info();

    ModelSummary s;
    s.path = path;
    s.format = io::formatName(loaded.format);
    s.arch = info.arch;
    for (const auto& a : models::architectures())
        if (a.name == info.arch)
            s.archDescription = a.summary;
    s.numClasses = info.numClasses;
    s.inChannels = info.inChannels;
    s.inputSize = info.inputSize;
    s.resize = info.resize;
    s.resizeSize = info.resizeSize;
    s.mean = info.mean;
    s.stdev = info.stdev;
    s.classNames = info.classNames;
    s.preprocessingSource = info.preprocessingSource;
    s.preprocessingAssumed = info.preprocessingAssumed;
    s.preprocessingText = models::describePreprocessing(info);
    s.preprocessingJson = models::preprocessingToJson(info).dump();
    const quant::ModelSize size = quant::modelSize(model);
    s.parameters = size.parameters;
    s.floatBits = size.floatBits;
    s.quantizedBits = size.quantizedBits;
    s.quantizableLayers = static_cast<int>(model.quantLayers().size());
    s.activationQuantizers = static_cast<int>(model.actQuants().size());
    s.metaJson = loaded.meta.is_null() ? "{}" : loaded.meta.dump();

    for (const auto& item : model.named_modules("", false)) {
        torch::nn::Module* m = item.value().get();
        LayerSummary layer;
        layer.name = item.key();
        if (auto* c = dynamic_cast<models::QConv2dImpl*>(m)) {
            layer.kind = "conv";
            layer.quantizable = true;
            layer.bits = c->quant.bits;
            layer.weightShape = c->weight.sizes().vec();
        } else if (auto* l = dynamic_cast<models::QLinearImpl*>(m)) {
            layer.kind = "linear";
            layer.quantizable = true;
            layer.bits = l->quant.bits;
            layer.weightShape = l->weight.sizes().vec();
        } else if (auto* b = dynamic_cast<torch::nn::BatchNorm2dImpl*>(m)) {
            layer.kind = "batchnorm";
            layer.weightShape = b->weight.sizes().vec();
            ++s.batchNorms;
        } else if (auto* a = dynamic_cast<models::ActQuantImpl*>(m)) {
            layer.kind = "activation";
            layer.quantizable = true;
            layer.bits = a->bits;
        } else {
            continue; // containers
        }
        for (const auto& p : m->parameters(false))
            layer.parameters += p.numel();
        s.layers.push_back(std::move(layer));
    }
    return s;
}

std::string demoModelPath()
{
    return io::demoModelPath();
}

} // namespace zsq::api
