#include "commands.h"
#include "common/runtime.h"
#include "io/model_file.h"

namespace zsq::cli {

void applyThreads(long long threads)
{
    configureThreads(static_cast<int>(threads));
}

std::string resolveModelPath(const std::string& model)
{
    if (model.empty() || model == "demo")
        return io::demoModelPath();
    return model;
}

} // namespace zsq::cli
