#pragma once
// Splits [begin, end) into contiguous chunks run on LibTorch's intra-op
// thread pool (configureThreads sets its size). The header stays torch-free
// so plain numeric code (t-SNE, metrics) can use it. Chunk boundaries depend
// only on the range and the grain, and callers write per-index results, so
// results do not depend on the thread count.
#include <cstdint>
#include <functional>

namespace zsq {

void parallelFor(std::int64_t begin, std::int64_t end, std::int64_t grain,
                 const std::function<void(std::int64_t, std::int64_t)>& body);

} // namespace zsq
