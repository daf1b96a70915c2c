#pragma once
// Prints core's events for a terminal: a progress line on stderr that
// rewrites itself when stderr is a TTY, plain lines otherwise.
#include "common/events.h"

namespace zsq::cli {

class ConsoleSink : public EventSink {
public:
    explicit ConsoleSink(bool quiet = false, int lossEvery = 0);
    ~ConsoleSink() override;
    void onMessage(LogLevel level, const std::string& text) override;
    void onProgress(const ProgressInfo& info) override;
    void onEvaluation(const EvaluationInfo& info) override;
    void onLosses(std::int64_t iteration, const std::map<std::string, double>& values) override;

private:
    void endProgressLine();
    bool quiet_;
    int lossEvery_;
    bool tty_;
    bool progressOpen_ = false;
    double lastPlainPercent_ = -100;
    std::string lastStage_;
};

} // namespace zsq::cli
