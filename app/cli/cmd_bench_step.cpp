// zsq bench-step: iterations per second of each method's training step.
#include <cstdio>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "engine/step_benchmark.h"

namespace zsq::cli {

int runBenchStep(const ArgList& argv)
{
    Args args(argv, {"arch", "methods", "batch", "warmup", "iterations", "device", "threads"}, {"help"});
    if (args.flag("help")) {
        std::printf("usage: zsq bench-step [--arch fmnist,resnet20] [--methods gdfq,clusterq,lrq] [--batch N]\n"
                    "                      [--warmup 3] [--iterations 20] [--device auto|cpu|cuda] [--threads N]\n"
                    "Times generator + student steps on random-weight models (no data needed).\n"
                    "Default batch: the paper's (200 at 32x32 and below, 16 at 224x224).\n");
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::stringstream ss(s);
        for (std::string item; std::getline(ss, item, ',');)
            if (!item.empty())
                out.push_back(item);
        return out;
    };
    const int warmup = static_cast<int>(args.getInt("warmup", 3));
    const int iterations = static_cast<int>(args.getInt("iterations", 20));
    if (warmup < 1 || iterations < 1)
        throw InputError("--warmup and --iterations must be at least 1");
    std::printf("%-10s %-9s %-8s %6s %6s %10s %12s %9s %9s\n", "arch", "method", "device", "batch", "size", "it/s",
                "images/s", "GFLOP/it", "GFLOP/s");
    for (const std::string& arch : split(args.get("arch", "fmnist,resnet20"))) {
        for (const std::string& method : split(args.get("methods", "gdfq,clusterq,lrq"))) {
            const long long batch = args.getInt("batch", arch == "resnet18" || arch == "resnet34" ||
                                                                 arch == "resnet50" || arch == "mobilenet_v2"
                                                             ? 16
                                                             : 200);
            const engine::StepBenchmark r =
                engine::benchmarkSteps(arch, method, batch, warmup, iterations, args.get("device", "auto"));
            std::printf("%-10s %-9s %-8s %6lld %6d %10.2f %12.1f %9.2f %9.2f\n", r.arch.c_str(), r.method.c_str(),
                        r.device.c_str(), r.batchSize, r.inputSize, r.iterationsPerSecond, r.imagesPerSecond,
                        r.gflopPerIteration, r.gflopsPerSecond);
            std::fflush(stdout);
        }
    }
    return 0;
}

} // namespace zsq::cli
