// zsq infer: logits for an input tensor, both in torch.save's format.
#include <cstdio>
#include <set>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "common/runtime.h"
#include "io/model_file.h"
#include "preprocessing_options.h"

namespace zsq::cli {

int runInfer(const ArgList& argv)
{
    std::set<std::string> valued = {"model", "arch", "input", "output", "device", "threads"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    Args args(argv, valued, {"help"});
    if (args.flag("help")) {
        std::printf("usage: zsq infer --input IN.pt --output OUT.pt [--model FILE] [--arch NAME] [--device D]\n"
                    "  IN.pt   a float tensor [N, C, H, W] saved with torch.save (already normalised)\n"
                    "  OUT.pt  the logits [N, classes], readable with torch.load\n");
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    const auto input = args.get("input");
    const auto output = args.get("output");
    if (!input || !output)
        throw InputError("infer needs --input and --output (see --help)");
    const torch::Device device = resolveDevice(args.get("device", "auto"));
    io::LoadedModel loaded = io::loadModel(resolveModelPath(args.get("model", "")), loadOptionsFromArgs(args));
    loaded.model->to(device);
    torch::Tensor x = io::readTensorFile(*input);
    if (!x.is_floating_point())
        throw InputError(*input + " holds a " + std::string(c10::toString(x.scalar_type())) +
                         " tensor; expected floating point");
    if (x.dim() == 3)
        x = x.unsqueeze(0);
    const std::int64_t channels = loaded.model->info().inChannels;
    if (x.dim() != 4 || x.size(0) == 0 || x.size(1) != channels || x.size(2) < 1 || x.size(3) < 1)
        throw InputError(*input + " holds a tensor of shape " + c10::str(x.sizes()) + "; expected [N, " +
                         std::to_string(channels) + ", H, W] with N >= 1");
    torch::Tensor logits;
    {
        torch::NoGradGuard noGrad;
        logits = loaded.model->forward(x.to(device, torch::kFloat)).to(torch::kCPU);
    }
    io::writeTensorFile(*output, logits);
    std::printf("wrote logits %s to %s\n", c10::str(logits.sizes()).c_str(), output->c_str());
    return 0;
}

} // namespace zsq::cli
