#include "api/model_summary.h"

#include "io/model_file.h"
#include "models/zoo.h"
#include "quant/model_quantizer.h"

namespace zsq::api {

ModelSummary summarizeModelFile(const std::string& path, const std::string& arch)
{
    io::LoadOptions options;
    options.arch = arch;
    io::LoadedModel loaded = io::loadModel(path, options);
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
