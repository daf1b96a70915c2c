// One rank of the data-parallel equivalence check (or the single process it
// is compared with): a tiny schedule of one method on the demo model, run
// through ZsqTrainer exactly as `zsq quantize` runs it. With WORLD_SIZE > 1
// in the environment it joins a Gloo group (distributed/world.h). Rank 0
// writes OUT.json (every iteration's logged losses, full precision) and
// OUT.student.pt / OUT.generator.pt (all parameters and buffers, flattened
// in state-dict order). ZSQ_DIST_RANK_BITS (8) sets the bit widths,
// ZSQ_DIST_RANK_PERTURB the one-ulp reference perturbation (below).
//   zsq_dist_rank METHOD OUT [GLOBAL_BATCH (16)]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "common/runtime.h"
#include "distributed/communicator.h"
#include "engine/zsq_trainer.h"
#include "io/model_file.h"
#include "io/state_dict.h"
#include "methods/method.h"
#include "models/zoo.h"

using namespace zsq;

namespace {

class LossRecorder : public EventSink {
public:
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& values) override
    {
        nlohmann::json row(values);
        row["iteration"] = iteration;
        rows.push_back(row);
    }
    nlohmann::json rows = nlohmann::json::array();
};

// All floating-point parameters and buffers, flattened in state-dict order;
// `layout` gets [key, numel] pairs for per-tensor diagnostics.
torch::Tensor flatState(const torch::nn::Module& module, nlohmann::json& layout)
{
    std::vector<torch::Tensor> parts;
    for (const auto& [key, t] : io::stateDict(module))
        if (t.is_floating_point()) {
            parts.push_back(t.detach().reshape({-1}).to(torch::kFloat));
            layout.push_back({key, t.numel()});
        }
    return torch::cat(parts);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: zsq_dist_rank gdfq|clusterq|lrq OUT [GLOBAL_BATCH]\n");
        return 2;
    }
    try {
        const std::string method = argv[1], out = argv[2];
        // One thread per process unless ZSQ_DIST_RANK_THREADS says otherwise
        // (another thread count sums in another order: the reference
        // deviation the equivalence is measured against).
        const char* threads = std::getenv("ZSQ_DIST_RANK_THREADS");
        configureThreads(threads ? std::atoi(threads) : 1);
        const auto world = distributed::worldFromEnvironment();
        std::unique_ptr<distributed::Communicator> comm;
        if (world && world->size > 1)
            comm = std::make_unique<distributed::Communicator>(*world, distributed::Backend::Gloo,
                                                               std::chrono::seconds(60));
        seedEverything(7);
        const models::ModelPtr teacher = io::loadModel(io::demoModelPath()).model;
        engine::TrainerConfig c;
        c.epochs = 2;
        c.iterationsPerEpoch = 3;
        c.batchSize = argc == 4 ? std::stoll(argv[3]) : 16; // global: 2 ranks x 8 or 1 process x 16
        c.warmupEpochs = 1;
        c.calibrationEpochs = 1;
        c.lrSteps = {1};
        c.imageEvery = 0;
        methods::MethodOptions options;
        options.softStatEpoch = 1;   // ClusterQ: centroids after epoch 1, cluster loss in epoch 2
        quant::QuantConfig q;
        // W8A8: at 4 bits a last-bit difference moves values across rounding
        // boundaries of the fake quantizers (docs/results.md measures both).
        const char* bits = std::getenv("ZSQ_DIST_RANK_BITS");
        q.wbits = q.abits = bits ? std::atoi(bits) : 8;
        LossRecorder sink;
        engine::ZsqTrainer trainer(models::cloneModel(*teacher), models::cloneModel(*teacher),
                                   methods::makeMethod(method, options), q, c, torch::kCPU, nullptr, sink, nullptr);
        trainer.setCommunicator(comm.get());
        if (std::getenv("ZSQ_DIST_RANK_PERTURB")) {
            // The reference for "float rounding": every generator weight one
            // float32 ulp up (x (1 + 2^-23)); how far this run drifts from the
            // unperturbed one is how far rounding alone moves this schedule.
            torch::NoGradGuard noGrad;
            for (auto& p : trainer.generator().parameters())
                p.mul_(1.0 + std::ldexp(1.0, -23));
        }
        trainer.run();
        if (!comm || comm->rank() == 0) {
            nlohmann::json layout = {{"student", nlohmann::json::array()}, {"generator", nlohmann::json::array()}};
            io::writeTensorFile(out + ".student.pt", flatState(trainer.student(), layout["student"]));
            io::writeTensorFile(out + ".generator.pt", flatState(trainer.generator(), layout["generator"]));
            std::ofstream(out + ".layout.json") << layout.dump() << "\n";
            std::ofstream(out + ".json") << sink.rows.dump(1) << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "zsq_dist_rank: %s\n", e.what());
        return 1;
    }
}
