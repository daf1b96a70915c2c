#include "common/progress_meter.h"

namespace zsq {

namespace {
class NullSink final : public EventSink {};
} // namespace

EventSink& nullSink()
{
    static NullSink sink;
    return sink;
}

ProgressMeter::ProgressMeter(EventSink& sink, std::string stage, std::int64_t total,
                             double minIntervalSeconds)
    : sink_(sink), stage_(std::move(stage)), total_(total), minInterval_(minIntervalSeconds),
      start_(Clock::now()), lastEmit_(start_)
{
}

double ProgressMeter::elapsedSeconds() const
{
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

void ProgressMeter::update(std::int64_t current, bool force)
{
    const auto now = Clock::now();
    const bool last = total_ > 0 && current >= total_;
    if (!force && !last && emitted_
        && std::chrono::duration<double>(now - lastEmit_).count() < minInterval_)
        return;
    ProgressInfo info;
    info.stage = stage_;
    info.current = current;
    info.total = total_;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    info.stepsPerSecond = elapsed > 0 ? current / elapsed : 0;
    if (total_ > 0 && info.stepsPerSecond > 0)
        info.etaSeconds = (total_ - current) / info.stepsPerSecond;
    sink_.onProgress(info);
    lastEmit_ = now;
    emitted_ = true;
}

} // namespace zsq
