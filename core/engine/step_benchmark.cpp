#include "engine/step_benchmark.h"

#include <chrono>

#include "common/runtime.h"
#include "engine/zsq_trainer.h"
#include "models/model_flops.h"
#include "models/zoo.h"

namespace zsq::engine {

namespace {
// Records when each iteration finished.
class Stopwatch : public EventSink {
public:
    void onLosses(std::int64_t, const std::map<std::string, double>&) override
    {
        stamps.push_back(std::chrono::steady_clock::now());
    }
    std::vector<std::chrono::steady_clock::time_point> stamps;
};
} // namespace

StepBenchmark benchmarkSteps(const std::string& arch, const std::string& method, long long batchSize, int warmup,
                             int iterations, const std::string& deviceName)
{
    const torch::Device device = resolveDevice(deviceName);
    seedEverything(0);
    models::ModelInfo info = models::defaultInfo(arch, arch == "resnet18" ? 1000 : arch == "resnet20" ? 100 : 10);
    models::ModelPtr teacher = models::createModel(info);
    models::ModelPtr student = models::cloneModel(*teacher);
    TrainerConfig c;
    c.epochs = 1;
    c.iterationsPerEpoch = warmup + iterations;
    c.batchSize = batchSize;
    c.warmupEpochs = 0;
    c.calibrationEpochs = 1;
    c.lrSteps.clear();
    c.imageEvery = 0;
    c.studentLr = 1e-6;
    quant::QuantConfig q;
    Stopwatch watch;
    ZsqTrainer trainer(teacher, student, methods::makeMethod(method == "realdata" ? "gdfq" : method, {}), q, c,
                       device, nullptr, watch, nullptr);
    trainer.run();
    if (device.is_cuda())
        torch::cuda::synchronize();
    const double seconds =
        std::chrono::duration<double>(watch.stamps.back() - watch.stamps[static_cast<std::size_t>(warmup) - 1]).count();
    StepBenchmark r;
    r.arch = arch;
    r.method = method;
    r.device = device.str();
    r.batchSize = batchSize;
    r.inputSize = static_cast<int>(info.inputSize);
    r.iterations = iterations;
    r.iterationsPerSecond = iterations / seconds;
    r.imagesPerSecond = r.iterationsPerSecond * batchSize;
    const double modelMacs = static_cast<double>(models::multiplyAdds(*teacher));
    const double generatorMacs = method == "realdata" ? 0.0 : static_cast<double>(trainer.generator().multiplyAdds());
    r.gflopPerIteration = 2.0 * 3.0 * (generatorMacs + 2.0 * modelMacs) * static_cast<double>(batchSize) / 1e9;
    r.gflopsPerSecond = r.gflopPerIteration * r.iterationsPerSecond;
    return r;
}

} // namespace zsq::engine
