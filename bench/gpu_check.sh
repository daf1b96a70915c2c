#!/usr/bin/env bash
# The GPU check (run on a CUDA machine with PyTorch 2.x but no Qt/OpenCV/
# spdlog/nlohmann): builds core + CLI against PyTorch's LibTorch and times the
# training step of every method at the paper batch sizes.
#   bash bench/gpu_check.sh OUTDIR       (needs .gpu/include/nlohmann, see docs/results.md)
set -uo pipefail
out=${1:-/tmp/zsq-gpu}
mkdir -p "$out"
nvidia-smi -L | tee "$out/gpu.txt"
prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' | tee -a "$out/gpu.txt"
cmake -S . -B /tmp/zsq-gpu-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  -DZSQ_BUILD_GUI=OFF -DZSQ_BUILD_TESTS=OFF -DZSQ_WITH_OPENCV=OFF -DZSQ_USE_SPDLOG=OFF \
  -DZSQ_EXTRA_INCLUDE_DIR="$PWD/.gpu/include" > "$out/configure.log" 2>&1 || { tail -30 "$out/configure.log"; exit 1; }
start=$(date +%s)
ninja -C /tmp/zsq-gpu-build -j16 zsq > "$out/build.log" 2>&1 || { grep -E "error|FAILED" "$out/build.log" | head -40; exit 1; }
echo "build: $(( $(date +%s) - start )) s" | tee -a "$out/gpu.txt"
z=/tmp/zsq-gpu-build/bin/zsq
$z bench-step --device cuda --arch resnet20,resnet18 --warmup 5 --iterations 40 2>&1 | tee "$out/bench-step.txt"
$z bench-step --device cuda --arch fmnist --batch 128 --warmup 5 --iterations 40 2>&1 | tee -a "$out/bench-step.txt"
ZSQ_MODEL_DIR=$PWD/resources/models $z info 2>&1 | head -12 | tee "$out/info.txt"
