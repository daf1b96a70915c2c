#pragma once
// Cooperative cancellation and pausing, in the spirit of QGIS's QgsFeedback:
// long loops poll the token once per step; the UI flips the flags from
// another thread.
#include <atomic>
#include <chrono>
#include <thread>

#include "common/error.h"

namespace zsq {

class CancelToken {
public:
    void cancel() { cancelled_.store(true); }
    void setPaused(bool paused) { paused_.store(paused); }
    bool isCancelled() const { return cancelled_.load(); }
    bool isPaused() const { return paused_.load(); }

    // Blocks while paused; throws Cancelled when cancelled (also while paused).
    void checkpoint() const
    {
        while (paused_.load() && !cancelled_.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (cancelled_.load())
            throw Cancelled();
    }

private:
    std::atomic<bool> cancelled_{false};
    std::atomic<bool> paused_{false};
};

// Lets functions accept an optional token without null checks everywhere.
inline void checkpoint(const CancelToken* token)
{
    if (token)
        token->checkpoint();
}

} // namespace zsq
