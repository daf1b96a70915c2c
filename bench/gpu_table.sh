#!/usr/bin/env bash
# Builds core + CLI against the machine's PyTorch (see gpu_check.sh) and runs
# bench/bench_methods.py on the GPU with uncompressed Fashion-MNIST carried in
# .gpu/data. Prints the table rows as they finish.
set -uo pipefail
out=${1:-/tmp/zsq-gpu}; seeds=${2:-1}
mkdir -p "$out"
prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
cmake -S . -B /tmp/zsq-gpu-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  -DZSQ_BUILD_GUI=OFF -DZSQ_BUILD_TESTS=OFF -DZSQ_WITH_OPENCV=OFF -DZSQ_USE_SPDLOG=OFF \
  -DZSQ_EXTRA_INCLUDE_DIR="$PWD/.gpu/include" > "$out/configure.log" 2>&1 || exit 1
ninja -C /tmp/zsq-gpu-build -j16 zsq > "$out/build.log" 2>&1 || { grep -E "error|FAILED" "$out/build.log" | head; exit 1; }
export ZSQ_DATA_DIR=$PWD/.gpu/data ZSQ_MODEL_DIR=$PWD/resources/models
python3 bench/bench_methods.py --zsq /tmp/zsq-gpu-build/bin/zsq --seeds "$seeds" --runs /tmp/zsq-runs \
  --output "$out/results-table.md" 2>"$out/runs.log"
