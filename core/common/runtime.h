#pragma once
// Process-wide LibTorch settings: device choice, thread count, seeds.
#include <cstdint>
#include <string>

#include <torch/types.h>

namespace zsq {

// "auto" picks CUDA when LibTorch was built with it and a GPU is present,
// else the CPU. "cpu", "cuda", "cuda:N" force a device; asking for CUDA where
// there is none is an InputError.
torch::Device resolveDevice(const std::string& request);

// One line describing what was detected, for `zsq info` and the GUI.
std::string describeAvailableDevices();

// LibTorch's intra-op thread count; 0 means "all cores" (its default in
// Debian's build is 1, which halves throughput on a 2-core machine). Also
// keeps freed CPU memory for reuse (common/host_allocator.h).
void configureThreads(int threads);

// Seeds LibTorch's CPU and CUDA generators so CPU runs repeat exactly.
void seedEverything(std::uint64_t seed);

} // namespace zsq
