#include "common/parallel_for.h"

#include <ATen/Parallel.h>

namespace zsq {

void parallelFor(std::int64_t begin, std::int64_t end, std::int64_t grain,
                 const std::function<void(std::int64_t, std::int64_t)>& body)
{
    if (begin >= end)
        return;
    at::parallel_for(begin, end, grain, [&](std::int64_t b, std::int64_t e) { body(b, e); });
}

} // namespace zsq
