#include "models/model.h"

#include "common/error.h"

namespace zsq::models {

torch::Tensor ZooModelImpl::forward(const torch::Tensor& x, ForwardCapture* capture)
{
    if (x.dim() != 4 || x.size(1) != info_.inChannels)
        throw InputError("model " + info_.arch + " expects input [N, " + std::to_string(info_.inChannels) +
                         ", H, W], got " + std::to_string(x.dim()) + "-d tensor with shape " +
                         c10::str(x.sizes()));
    torch::Tensor features = forwardFeatures(x, capture);
    if (capture)
        capture->features = features;
    return classifier().forward(features);
}

void ZooModelImpl::setPreprocessing(const ModelInfo& from)
{
    if (from.arch != info_.arch || from.numClasses != info_.numClasses || from.inChannels != info_.inChannels)
        throw InputError("preprocessing of a " + from.arch + " model cannot be applied to " + info_.arch);
    info_.inputSize = from.inputSize;
    info_.mean = from.mean;
    info_.stdev = from.stdev;
    info_.resize = from.resize;
    info_.resizeSize = from.resizeSize;
    info_.classNames = from.classNames;
    info_.preprocessingSource = from.preprocessingSource;
    info_.preprocessingAssumed = from.preprocessingAssumed;
}

torch::Tensor ZooModelImpl::classifierWeight()
{
    return classifier().weight;
}

torch::Tensor runBn(torch::nn::BatchNorm2d& module, const torch::Tensor& x, ForwardCapture* capture)
{
    if (capture && capture->captureBnInputs)
        capture->bnInputs.push_back({module.get(), x});
    return module->forward(x);
}

std::vector<std::pair<std::string, torch::nn::BatchNorm2dImpl*>> ZooModelImpl::batchNorms()
{
    std::vector<std::pair<std::string, torch::nn::BatchNorm2dImpl*>> out;
    for (const auto& item : named_modules("", false))
        if (auto* b = dynamic_cast<torch::nn::BatchNorm2dImpl*>(item.value().get()))
            out.emplace_back(item.key(), b);
    return out;
}

void ZooModelImpl::finishConstruction()
{
    quantLayers_.clear();
    actQuants_.clear();
    for (const auto& item : named_modules("", false)) {
        torch::nn::Module* m = item.value().get();
        if (auto* c = dynamic_cast<QConv2dImpl*>(m))
            quantLayers_.push_back({item.key(), "conv", c, nullptr});
        else if (auto* l = dynamic_cast<QLinearImpl*>(m))
            quantLayers_.push_back({item.key(), "linear", nullptr, l});
        else if (auto* a = dynamic_cast<ActQuantImpl*>(m))
            actQuants_.push_back({item.key(), a});
    }
}

std::shared_ptr<torch::nn::Module> addContainer(torch::nn::Module& parent, const std::string& name)
{
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

torch::nn::BatchNorm2d makeBatchNorm(std::int64_t channels)
{
    return torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(channels).eps(1e-5).momentum(0.1));
}

} // namespace zsq::models
