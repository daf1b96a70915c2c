#include "config/refine_finished_run.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "config/run_config.h"

namespace zsq::config {

namespace {

namespace fs = std::filesystem;

bool sameFolder(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

fs::path freeFolderName(const fs::path& base)
{
    std::error_code ec;
    if (!fs::exists(base, ec))
        return base;
    for (int i = 2;; ++i) {
        fs::path candidate = base;
        candidate += "-" + std::to_string(i);
        if (!fs::exists(candidate, ec))
            return candidate;
    }
}

} // namespace

RefineRunRequest refineFinishedRun(const std::string& runDir, const std::string& refineMethod,
                                   const std::string& output)
{
    const fs::path dir = fs::path(runDir).lexically_normal();
    const std::string name = runDir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(name + " is not a run folder (no such directory)");
    if (fs::exists(dir / "CANCELLED.txt", ec))
        throw InputError(name + ": the run was cancelled before its end; resume it first (see its CANCELLED.txt)");
    if (!fs::is_regular_file(dir / "config.json", ec) || !fs::is_regular_file(dir / "quantized.zsq", ec))
        throw InputError(name + " is not a finished run folder (it needs config.json and quantized.zsq)");
    const std::vector<std::string>& choices = [] {
        for (const ParamSpec& spec : runConfigSchema())
            if (spec.key == "refine.method")
                return spec.choices;
        throw InputError("refine.method is missing from the schema");
    }();
    if (refineMethod == "none" || std::find(choices.begin(), choices.end(), refineMethod) == choices.end())
        throw InputError("refining " + name + ": the refinement must be ranges, adaround or brecq, not '" +
                         refineMethod + "'");

    const nlohmann::json user = readRunConfigFile((dir / "config.json").string());
    RefineRunRequest request;
    request.config = resolveRunConfig(user);
    request.givenKeys = keysGiven(user);
    auto set = [&](const std::string& key, const std::string& value) {
        setFromString(request.config, key, value);
        request.givenKeys.push_back(key);
    };
    const std::string method = request.config["method"].get<std::string>();
    // Generative methods (and realdata) resume at the end of their schedule:
    // the trained generator and the unrefined student come back, and the
    // calibration images are sampled with the random state the run ended
    // with, as a run with --refine from the start would have sampled them.
    const bool trained = method != "ptq" && method != "genie";
    if (trained) {
        if (!fs::is_regular_file(dir / "run.ckpt", ec))
            throw InputError(name + ": the " + method + " run has no run.ckpt (its trained generator) to refine from");
        set("train.resume", (dir / "run.ckpt").string());
    } else {
        set("train.resume", "");
    }
    set("refine.method", refineMethod);
    fs::path target = output.empty() ? freeFolderName(fs::path(dir.string() + "-" + refineMethod)) : fs::path(output);
    if (sameFolder(target, dir) || target.lexically_normal() == dir)
        throw InputError("refining " + name + ": the output folder must not be the run's own folder");
    set("output", target.string());
    // The refined run is a new run: its own folder, nothing resumed into it
    // but the method's end state.
    return request;
}

} // namespace zsq::config
