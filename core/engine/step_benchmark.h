#pragma once
// Training-iteration throughput (generator step + student step) of each
// method on a zoo architecture with random weights: `zsq bench-step`.
#include <string>

namespace zsq::engine {

struct StepBenchmark {
    std::string arch;
    std::string method;
    std::string device;
    long long batchSize = 0;
    int inputSize = 0;
    int iterations = 0;          // timed iterations (after warm-up)
    double iterationsPerSecond = 0;
    double imagesPerSecond = 0;
    // Work per iteration, counted as 3x the forward multiply-adds x 2 FLOPs
    // (forward + backward) of the generator, the teacher (its backward
    // reaches the images) and the student, per sample (realdata: no G).
    double gflopPerIteration = 0;
    double gflopsPerSecond = 0;
};

// Times `iterations` iterations after `warmup` untimed ones, with the
// student trained in every iteration (no warm-up epochs).
StepBenchmark benchmarkSteps(const std::string& arch, const std::string& method, long long batchSize,
                             int warmup, int iterations, const std::string& device);

} // namespace zsq::engine
