#include "common/parallel_for.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <ATen/Parallel.h>

namespace zsq {

void parallelFor(std::int64_t begin, std::int64_t end, std::int64_t grain,
                 const std::function<void(std::int64_t, std::int64_t)>& body)
{
    if (begin >= end)
        return;
    const std::int64_t n = end - begin;
    const std::int64_t maxChunks = std::max<std::int64_t>(1, n / std::max<std::int64_t>(grain, 1));
    const auto threads = static_cast<int>(std::min<std::int64_t>(std::max(1, at::get_num_threads()), maxChunks));
    if (threads <= 1) {
        body(begin, end);
        return;
    }
    // Starting a thread costs tens of microseconds; the loops handed in here
    // run for milliseconds, so a pool would not pay for its complexity.
    std::exception_ptr error;
    std::mutex errorMutex;
    auto run = [&](int t) {
        const std::int64_t b = begin + n * t / threads, e = begin + n * (t + 1) / threads;
        try {
            body(b, e);
        } catch (...) {
            std::lock_guard<std::mutex> lock(errorMutex);
            if (!error)
                error = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(run, t);
    run(0);
    for (auto& w : workers)
        w.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace zsq
