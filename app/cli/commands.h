#pragma once
// One function per `zsq` subcommand. Each receives the arguments after the
// subcommand name and returns the process exit code; errors are thrown as
// zsq::InputError (exit 2) or other exceptions (exit 1) and printed by main.
#include <string>
#include <vector>

namespace zsq::cli {

using ArgList = std::vector<std::string>;

int runInfo(const ArgList& args);
int runEval(const ArgList& args);
int runInfer(const ArgList& args);
int runTrainTeacher(const ArgList& args);
int runQuantize(const ArgList& args);
int runRefine(const ArgList& args);
int runBenchStep(const ArgList& args);
int runTsne(const ArgList& args);
int runLayers(const ArgList& args);
int runSuggestBits(const ArgList& args);
int runExport(const ArgList& args);

// Applies --threads (0 = all cores) for every command.
void applyThreads(long long threads);
// Resolves --model: "demo" or empty means the shipped demo model.
std::string resolveModelPath(const std::string& model);

} // namespace zsq::cli
