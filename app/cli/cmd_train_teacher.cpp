// zsq train-teacher: trains a full-precision model on real data.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "console_sink.h"
#include "engine/teacher_trainer.h"
#include "io/atomic_file.h"
#include "io/model_file.h"

namespace zsq::cli {

int runTrainTeacher(const ArgList& argv)
{
    Args args(argv, {"arch", "dataset", "epochs", "batch", "lr", "weight-decay", "seed", "device", "threads", "output"},
              {"help", "no-augment", "quiet"});
    engine::TeacherTrainConfig c;
    if (args.flag("help")) {
        std::printf("usage: zsq train-teacher [--arch fmnist] [--dataset fashion-mnist] [--epochs %d] [--batch %lld]\n"
                    "                         [--lr %g] [--weight-decay %g] [--seed N] [--no-augment]\n"
                    "                         [--device D] [--threads N] --output MODEL.zsq\n"
                    "Writes the checkpoint and MODEL.json (how it was made, accuracy per epoch).\n",
                    c.epochs, static_cast<long long>(c.batchSize), c.lr, c.weightDecay);
        return 0;
    }
    applyThreads(args.getInt("threads", 0));
    c.arch = args.get("arch", c.arch);
    c.dataset = args.get("dataset", c.dataset);
    const long long epochs = args.getInt("epochs", c.epochs);
    if (epochs < 1 || epochs > 100000)
        throw InputError("--epochs must be between 1 and 100000, got " + std::to_string(epochs));
    c.epochs = static_cast<int>(epochs);
    c.batchSize = args.getInt("batch", c.batchSize);
    c.lr = args.getDouble("lr", c.lr);
    c.weightDecay = args.getDouble("weight-decay", c.weightDecay);
    c.seed = static_cast<std::uint64_t>(args.getInt("seed", 0));
    c.device = args.get("device", "auto");
    c.augment = !args.flag("no-augment");
    if (c.epochs < 1 || c.batchSize < 1 || !(c.lr > 0) || !std::isfinite(c.lr))
        throw InputError("epochs, batch and lr must be positive");
    if (!(c.weightDecay >= 0) || !std::isfinite(c.weightDecay))
        throw InputError("--weight-decay must be a finite number >= 0");
    const auto output = args.get("output");
    if (!output)
        throw InputError("train-teacher needs --output FILE.zsq");
    // The history goes to MODEL.json beside MODEL.zsq: an --output that is
    // that name would be overwritten by it, after the training.
    if (std::filesystem::path(*output).replace_extension(".json") == std::filesystem::path(*output))
        throw InputError("--output " + *output + " would be overwritten by the training history (written as "
                         "MODEL.json beside the checkpoint); name the checkpoint MODEL.zsq");
    if (std::filesystem::is_directory(*output))
        throw InputError("--output " + *output + " is a folder; name the checkpoint file, e.g. MODEL.zsq");

    ConsoleSink sink(args.flag("quiet"));
    engine::TeacherTrainResult r = engine::trainTeacher(c, sink);
    nlohmann::json record = {{"made_by", "zsq train-teacher"},
                             {"config", c.toJson()},
                             {"test_top1", r.testTop1},
                             {"train_seconds", r.seconds},
                             {"threads", torch::get_num_threads()},
                             {"history", r.history}};
    io::saveCheckpoint(*output, *r.model, {{"training", record}});
    const std::string jsonPath = std::filesystem::path(*output).replace_extension(".json").string();
    record["checkpoint"] = std::filesystem::path(*output).filename().string();
    io::writeFileAtomically(jsonPath, record.dump(2) + "\n");
    std::printf("wrote %s and %s (%.0f s)\n", output->c_str(), jsonPath.c_str(), r.seconds);
    std::printf("top-1: %.2f %%\n", r.testTop1);
    return 0;
}

} // namespace zsq::cli
