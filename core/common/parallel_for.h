#pragma once
// Splits [begin, end) into contiguous chunks run on as many threads as
// LibTorch is configured to use (configureThreads). Our own threads, not
// at::parallel_for: that one is an inline OpenMP pragma which runs serially
// in any translation unit not compiled with -fopenmp. Chunk boundaries
// depend only on the range, the grain and the thread count, and callers
// write per-index results, so results do not depend on the thread count.
#include <cstdint>
#include <functional>

namespace zsq {

void parallelFor(std::int64_t begin, std::int64_t end, std::int64_t grain,
                 const std::function<void(std::int64_t, std::int64_t)>& body);

} // namespace zsq
