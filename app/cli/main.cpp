// zsq: command-line front end of ZSQ Studio.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"
#include "common/error.h"

namespace {

struct Command {
    const char* name;
    int (*run)(const zsq::cli::ArgList&);
    const char* summary;
};

const Command kCommands[] = {
    {"info", zsq::cli::runInfo, "describe a model file: architecture, layers, parameters, size"},
    {"eval", zsq::cli::runEval, "top-1 accuracy of a model (float or quantized) on a dataset"},
    {"infer", zsq::cli::runInfer, "run a model on an input tensor saved by torch.save; write the logits"},
    {"train-teacher", zsq::cli::runTrainTeacher, "train a full-precision classifier (how the demo model was made)"},
    {"quantize", zsq::cli::runQuantize, "quantize a model without its training data (--method lrq, clusterq, gdfq, ptq)"},
    {"refine", zsq::cli::runRefine, "refine a finished run (brecq, adaround, ranges) without training again"},
    {"tsne", zsq::cli::runTsne, "t-SNE of feature clusters (real and synthetic samples) with class figures"},
    {"layers", zsq::cli::runLayers, "per-layer accuracy, SQNR and sensitivity, before and after fine-tuning"},
    {"suggest-bits", zsq::cli::runSuggestBits, "mixed-precision weight bits under an average-bit budget"},
    {"export", zsq::cli::runExport, "a quantized run as ONNX (QDQ) or TorchScript for other runtimes"},
    {"bench-step", zsq::cli::runBenchStep, "training iterations per second of each method (generator + student step)"},
};

void printUsage(FILE* out)
{
    std::fprintf(out, "usage: zsq <command> [options]   (zsq <command> --help for details)\n\ncommands:\n");
    for (const auto& c : kCommands)
        std::fprintf(out, "  %-14s %s\n", c.name, c.summary);
    std::fprintf(out, "\nExit codes: 0 success, 2 bad usage or input, 1 runtime failure.\n");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        printUsage(stderr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return 0;
    }
    if (name == "--version") {
        std::printf("zsq %s\n", ZSQ_VERSION);
        return 0;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : kCommands) {
        if (name != c.name)
            continue;
        try {
            return c.run(args);
        } catch (const zsq::InputError& e) {
            std::fprintf(stderr, "zsq %s: error: %s\n", c.name, zsq::firstLine(e.what()).c_str());
            return 2;
        } catch (const zsq::Cancelled&) {
            std::fprintf(stderr, "zsq %s: cancelled\n", c.name);
            return 1;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "zsq %s: error: %s\n", c.name, zsq::firstLine(e.what()).c_str());
            return 1;
        }
    }
    std::fprintf(stderr, "zsq: unknown command '%s'\n", name.c_str());
    printUsage(stderr);
    return 2;
}
