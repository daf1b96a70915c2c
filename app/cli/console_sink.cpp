#include "console_sink.h"

#include <cstdio>

#include <unistd.h>

#include "common/log.h"

namespace zsq::cli {

ConsoleSink::ConsoleSink(bool quiet, int lossEvery)
    : quiet_(quiet), lossEvery_(lossEvery), tty_(::isatty(STDERR_FILENO) != 0)
{
    setLogVerbosity(false, quiet);
}

ConsoleSink::~ConsoleSink()
{
    endProgressLine();
}

void ConsoleSink::endProgressLine()
{
    if (progressOpen_) {
        std::fputc('\n', stderr);
        progressOpen_ = false;
    }
}

void ConsoleSink::onMessage(LogLevel level, const std::string& text)
{
    if (quiet_ && level < LogLevel::Warning)
        return;
    endProgressLine();
    zsq::log(level, text);
}

void ConsoleSink::onProgress(const ProgressInfo& info)
{
    if (quiet_ || info.total <= 0)
        return;
    const double percent = 100.0 * info.current / info.total;
    if (info.stage != lastStage_) {
        lastStage_ = info.stage;
        lastPlainPercent_ = -100;
    }
    char eta[32] = "--";
    if (info.etaSeconds >= 0)
        std::snprintf(eta, sizeof eta, "%d:%02d", static_cast<int>(info.etaSeconds) / 60,
                      static_cast<int>(info.etaSeconds) % 60);
    if (tty_) {
        std::fprintf(stderr, "\r%s: %lld/%lld (%.0f%%) %.1f it/s ETA %s   ", info.stage.c_str(),
                     static_cast<long long>(info.current), static_cast<long long>(info.total), percent,
                     info.stepsPerSecond, eta);
        progressOpen_ = true;
        if (info.current >= info.total)
            endProgressLine();
    } else if (percent - lastPlainPercent_ >= 10 || info.current >= info.total) {
        std::fprintf(stderr, "%s: %lld/%lld (%.0f%%) %.1f it/s ETA %s\n", info.stage.c_str(),
                     static_cast<long long>(info.current), static_cast<long long>(info.total), percent,
                     info.stepsPerSecond, eta);
        lastPlainPercent_ = percent;
    }
    std::fflush(stderr);
}

void ConsoleSink::onEvaluation(const EvaluationInfo& info)
{
    if (quiet_ || info.what != "student")
        return;
    endProgressLine();
    std::fprintf(stderr, "epoch %lld: student top-1 %.2f %% (%lld samples)\n", static_cast<long long>(info.epoch),
                 info.top1, static_cast<long long>(info.samples));
}

void ConsoleSink::onLosses(std::int64_t iteration, const std::map<std::string, double>& values)
{
    if (lossEvery_ <= 0 || iteration % lossEvery_ != 0)
        return;
    endProgressLine();
    std::fprintf(stderr, "iter %lld:", static_cast<long long>(iteration));
    for (const auto& [name, value] : values)
        std::fprintf(stderr, " %s=%.4g", name.c_str(), value);
    std::fputc('\n', stderr);
}

} // namespace zsq::cli
