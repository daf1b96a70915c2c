#pragma once
// How the process's C allocator treats LibTorch's large CPU buffers.

namespace zsq {

// glibc serves blocks above its mmap threshold (128 KiB, adapting up to
// 32 MiB) with a fresh mmap and returns them with munmap on free, so every
// training iteration page-faults and zero-fills its activations again: on
// resnet20 at batch 128 that was 1.6 million page faults in 11 iterations and
// about 10 % of the run. This keeps freed memory in the heap for the next
// iteration instead (no per-block mmap; the heap is trimmed only when more
// than 1 GiB is free at its top). The process keeps its peak working set
// rather than giving it back between iterations.
// Called once per process by configureThreads(); a no-op off glibc, and when
// allocatorTunedByUser() (their choice wins).
void keepFreedMemoryForReuse();

// True when the environment sets one of glibc's MALLOC_*_ tuning variables
// that keepFreedMemoryForReuse() would otherwise override.
bool allocatorTunedByUser();

} // namespace zsq
