// zsq quantize: data-free quantization of a model, driven by a JSON run
// config (--config) whose keys can also be given as flags. Ctrl-C cancels
// cleanly: the run is checkpointed and can be resumed (--set train.resume=...).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <unistd.h>

#include "api/event_json.h"
#include "args.h"
#include "commands.h"
#include "common/error.h"
#include "config/refine_finished_run.h"
#include "config/run_config.h"
#include "console_sink.h"
#include "preprocessing_options.h"
#include "engine/quantization_job.h"
#include "local_launcher.h"

namespace zsq::cli {

namespace {
CancelToken* g_cancel = nullptr;
volatile std::sig_atomic_t g_interrupts = 0;

// Exit status after a second Ctrl-C/SIGTERM: 128 + SIGINT, as a shell
// reports a process ended by Ctrl-C.
constexpr int kInterruptedExitCode = 130;

// The first Ctrl-C/SIGTERM cancels (the run checkpoints and writes its
// unfinished folder); a second one ends the process at once, wherever it
// is (only async-signal-safe calls here). The files written so far are
// whole: every write is to a temporary name renamed when complete.
extern "C" void onInterrupt(int)
{
    g_interrupts = g_interrupts + 1;
    if (g_interrupts > 1) {
        static const char text[] = "\nzsq quantize: interrupted again: stopped at once (exit 130); the last "
                                   "run.ckpt written is kept\n";
        const ssize_t ignored = ::write(STDERR_FILENO, text, sizeof text - 1);
        (void)ignored;
        ::_exit(kInterruptedExitCode);
    }
    if (g_cancel)
        g_cancel->cancel(); // a lock-free atomic store
}
} // namespace

int runRefine(const ArgList& argv)
{
    if (argv.empty() || argv.front() == "--help" || argv.front() == "-h") {
        std::printf("usage: zsq refine RUN [--refine ranges|adaround|brecq] [--output DIR] [--set key=value,...]\n"
                    "Refines the finished run in folder RUN without training again (the same as\n"
                    "zsq quantize --from RUN): its settings (config.json), its trained generator and\n"
                    "student (run.ckpt; a ptq run distils again), then the refinement (default brecq),\n"
                    "into a new folder (RUN-brecq unless --output). See zsq quantize --help for refine.*.\n");
        return argv.empty() ? 2 : 0;
    }
    ArgList rest{"--from", argv.front()};
    rest.insert(rest.end(), argv.begin() + 1, argv.end());
    return runQuantize(rest);
}

int runQuantize(const ArgList& argv)
{
    std::set<std::string> valued = {"config", "model",  "arch",  "method", "wbits",  "abits",  "profile",     "seed",
                                    "device", "threads", "output", "dataset", "set", "resume", "print-losses",
                                    "refine", "from", "nproc", "dist-backend", "dist-timeout", "events"};
    valued.insert(preprocessingOptionNames().begin(), preprocessingOptionNames().end());
    Args args(argv, valued, {"help", "quiet"});
    const std::string events = args.get("events").value_or("");
    if (!events.empty() && events != "jsonl")
        throw InputError("--events takes jsonl, got '" + events + "'");
    if (args.flag("help")) {
        std::printf(
            "usage: zsq quantize [--config RUN.json] [--model FILE] [--method ptq|genie|gdfq|clusterq|lrq|realdata]\n"
            "                    [--wbits 4] [--abits 4] [--profile quick|classroom|paper|custom] [--seed N] [--device D]\n"
            "                    [--output DIR] [--dataset NAME|DIR] [--resume DIR/run.ckpt] [--set key=value[,key=value]]\n"
            "                    [--print-losses N] (losses every N iterations on stderr)\n"
            "                    [--refine none|ranges|adaround|brecq] (refine.method: after the method, fit the\n"
            "                    quantizers to calibration data; see refine.* below; --method genie: brecq\n"
            "                    unless --refine or refine.method is given)\n"
            "                    [--from RUN] (refine the finished run in folder RUN without training again: its\n"
            "                    config.json and run.ckpt, --refine (default brecq), a new folder RUN-brecq unless --output)\n"
            "                    [--nproc N] (dist.nproc: N local processes split each batch; data-parallel)\n"
            "                    [--dist-backend auto|gloo|nccl] [--dist-timeout SECONDS]\n"
            "                    [--events jsonl] (for front ends: every event as one JSON line on stdout, the\n"
            "                    outcome last, instead of the progress on stderr and the summary; see\n"
            "                    core/api/event_json.h; with --nproc, rank 0's events)\n"
            "Data-parallel: --nproc N starts N ranks on this host; under torchrun, Slurm or any launcher that\n"
            "sets RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT, each process is one rank (across\n"
            "hosts). train.batch_size is the global batch (a multiple of the processes); rank 0 writes the output.\n"
            "Flags override the same keys of --config; the profile fills train.* unless given.\n"
            "Ctrl-C (or SIGTERM) stops a run and keeps its checkpoint (DIR/run.ckpt) for --resume: the folder\n"
            "then holds run.ckpt, result.json and CANCELLED.txt, no quantized.zsq (exit code 1). A second\n"
            "Ctrl-C ends the process at once (exit code 130).\n%sConfig keys:\n",
            preprocessingUsage());
        for (const auto& spec : config::runConfigSchema())
            std::printf("  %-28s %-8s %s\n", spec.key.c_str(), spec.defaultValue.dump().c_str(), spec.help.c_str());
        return 0;
    }
    nlohmann::json cfg;
    std::vector<std::string> given;
    if (auto from = args.get("from")) {
        if (args.get("config"))
            throw InputError("--from takes the run's own config.json; give other keys with --set, not --config");
        config::RefineRunRequest request =
            config::refineFinishedRun(*from, args.get("refine").value_or("brecq"), args.get("output").value_or(""));
        cfg = std::move(request.config);
        given = std::move(request.givenKeys);
    } else {
        const nlohmann::json user =
            args.get("config") ? config::readRunConfigFile(*args.get("config")) : nlohmann::json::object();
        cfg = config::resolveRunConfig(user);
        given = config::keysGiven(user);
    }
    auto set = [&](const std::string& key, const std::string& value) {
        config::setFromString(cfg, key, value);
        given.push_back(key);
    };
    for (const char* key : {"model", "arch", "method", "wbits", "abits", "profile", "seed", "device", "threads",
                            "output", "dataset"})
        if (auto v = args.get(key))
            set(key, *v);
    if (auto v = args.get("resume"))
        set("train.resume", *v);
    if (auto v = args.get("refine"))
        set("refine.method", *v);
    if (auto v = args.get("nproc"))
        set("dist.nproc", *v);
    if (auto v = args.get("dist-backend"))
        set("dist.backend", *v);
    if (auto v = args.get("dist-timeout"))
        set("dist.timeout", *v);
    const nlohmann::json flags = preprocessingConfigFromArgs(args);
    if (flags.contains("preprocessing"))
        for (const auto& [key, value] : flags.at("preprocessing").items()) {
            cfg["preprocessing"][key] = value;
            given.push_back("preprocessing." + key);
        }
    if (auto list = args.get("set")) {
        std::size_t begin = 0;
        while (begin <= list->size()) {
            const std::size_t end = std::min(list->find(',', begin), list->size());
            const std::string item = list->substr(begin, end - begin);
            const auto eq = item.find('=');
            if (eq == std::string::npos)
                throw InputError("--set expects key=value[,key=value], got '" + item + "'");
            set(item.substr(0, eq), item.substr(eq + 1));
            begin = end + 1;
        }
    }

    // --nproc N outside a torchrun-style environment: this process becomes
    // the launcher of N ranks, each of which runs these same arguments.
    const int nproc = cfg["dist"]["nproc"].get<int>();
    if (nproc > 1 && !std::getenv("WORLD_SIZE")) {
        config::resolveRunConfig(cfg); // bad keys fail here, once, not in every rank
        std::vector<std::string> rankArgs{"quantize"};
        rankArgs.insert(rankArgs.end(), argv.begin(), argv.end());
        if (args.get("from") && !args.get("output")) {
            // Every rank the same new folder (a rank choosing RUN-brecq-2
            // because rank 0 had already made RUN-brecq would split the run).
            rankArgs.push_back("--output");
            rankArgs.push_back(cfg["output"].get<std::string>());
        }
        return launchLocalRanks(nproc, rankArgs, std::min(30.0, cfg["dist"]["timeout"].get<double>()));
    }

    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ConsoleSink console(args.flag("quiet"), static_cast<int>(args.getInt("print-losses", 0)));
    api::JsonLinesSink jsonLines(api::lineWriter(stdout));
    EventSink& sink = events.empty() ? static_cast<EventSink&>(console) : jsonLines;
    engine::JobOutcome o;
    try {
        o = engine::runQuantizationJob(cfg, given, sink, &cancel);
    } catch (const InputError&) {
        // Ranks started by --nproc share rank 0's arguments and files, so
        // they fail alike: rank 0's line says it once.
        const char* rank = std::getenv("RANK");
        if (std::getenv("ZSQ_LOCAL_LAUNCHER") && rank && std::string(rank) != "0")
            return 2;
        throw;
    }
    g_cancel = nullptr;
    if (o.worker) // another rank of a data-parallel run: rank 0 reports
        return o.cancelled ? 1 : 0;

    if (!events.empty()) {
        // The outcome closes the stream: the reader needs nothing else.
        api::lineWriter(stdout)(api::outcomeJsonLine(api::runOutcomeFrom(o)));
        return o.cancelled ? 1 : 0;
    }
    const auto& r = o.result;
    const int firstLast = r.value("first_last_bits", 0);
    std::printf("method %s W%dA%d%s on %s (%s): %.1f s on %s\n", r["method"].get<std::string>().c_str(),
                r["wbits"].get<int>(), r["abits"].get<int>(),
                firstLast ? (" (first/last layer " + std::to_string(firstLast) + "-bit)").c_str() : "",
                r["arch"].get<std::string>().c_str(),
                r["model"].get<std::string>().c_str(), r["seconds"].get<double>(),
                r["device"].get<std::string>().c_str());
    std::printf("size: %.1f KiB quantized vs %.1f KiB float (%.2f average weight bits)\n",
                r["size_bits"].get<double>() / 8192.0, r["fp_size_bits"].get<double>() / 8192.0,
                r["average_weight_bits"].get<double>());
    if (o.evaluated)
        std::printf("full precision top-1: %.2f %%\n", o.fpTop1);
    if (!o.cancelled)
        std::printf("wrote %s\n", o.outputDir.c_str());
    else if (std::filesystem::exists(std::filesystem::path(o.outputDir) / "run.ckpt"))
        std::printf("cancelled: %s holds run.ckpt, result.json (the student so far) and CANCELLED.txt, no "
                    "quantized.zsq; resume with --resume %s/run.ckpt\n",
                    o.outputDir.c_str(), o.outputDir.c_str());
    else
        std::printf("cancelled: %s holds result.json (the student so far) and CANCELLED.txt, no quantized.zsq\n",
                    o.outputDir.c_str());
    if (o.evaluated)
        std::printf("top-1: %.2f %%\n", o.quantTop1);
    else
        std::printf("top-1: not measured (--dataset none)\n");
    return o.cancelled ? 1 : 0;
}

} // namespace zsq::cli
