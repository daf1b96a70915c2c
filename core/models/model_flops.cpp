#include "models/model_flops.h"

#include <unordered_map>

#include <torch/torch.h>

#include "models/model.h"
#include "models/preprocessing.h"

namespace zsq::models {

std::int64_t multiplyAdds(ZooModelImpl& model)
{
    const ModelInfo& info = model.info();
    const torch::Device device = model.parameters().empty() ? torch::Device(torch::kCPU)
                                                            : model.parameters().front().device();
    std::unordered_map<const torch::nn::Module*, std::int64_t> perOutput;  // MACs per output element
    for (auto& l : model.quantLayers()) {
        const torch::Tensor w = l.weight();
        // conv: in/groups * k * k per output element; linear: in.
        perOutput[l.conv ? static_cast<const torch::nn::Module*>(l.conv)
                         : static_cast<const torch::nn::Module*>(l.linear)] = w[0].numel();
    }
    const bool wasTraining = model.is_training();
    model.eval();
    torch::NoGradGuard noGrad;
    LayerOutputRecorder recorder;
    model.forward(torch::zeros({1, info.inChannels, models::effectiveInputSize(info), models::effectiveInputSize(info)}, device));
    model.train(wasTraining);
    std::int64_t macs = 0;
    for (const auto& [layer, output] : recorder.outputs) {
        auto it = perOutput.find(layer);
        if (it != perOutput.end())
            macs += output.numel() * it->second;
    }
    return macs;
}

} // namespace zsq::models
