#include "common/host_allocator.h"

#include <cstdlib>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace zsq {

bool allocatorTunedByUser()
{
    for (const char* name : {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"})
        if (std::getenv(name))
            return true;
    return false;
}

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        if (allocatorTunedByUser())
            return;
        // No mmap for blocks at all: the 32 MiB cap on the threshold still
        // left every larger buffer (a batch of 224x224 activations, an
        // im2col workspace) faulting in afresh. If the heap cannot grow,
        // glibc still falls back to mmap, so this never fails an allocation
        // that would have succeeded.
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
        mallopt(M_TOP_PAD, 64 * 1024 * 1024);
    });
#endif
}

} // namespace zsq
