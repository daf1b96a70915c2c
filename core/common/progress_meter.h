#pragma once
// Turns "step i of n" into a ProgressInfo with rate and ETA, and throttles
// how often it is emitted so that sinks are not flooded.
#include <chrono>
#include <string>

#include "common/events.h"

namespace zsq {

class ProgressMeter {
public:
    ProgressMeter(EventSink& sink, std::string stage, std::int64_t total,
                  double minIntervalSeconds = 0.25);
    // Reports step `current` (1-based count of finished steps).
    void update(std::int64_t current, bool force = false);
    double elapsedSeconds() const;

private:
    using Clock = std::chrono::steady_clock;
    EventSink& sink_;
    std::string stage_;
    std::int64_t total_;
    double minInterval_;
    Clock::time_point start_;
    Clock::time_point lastEmit_;
    bool emitted_ = false;
};

} // namespace zsq
