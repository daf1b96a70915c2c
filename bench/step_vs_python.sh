#!/bin/bash
# The C++ engine's training step against the same step in plain PyTorch
# (bench/reference/step_loop.py), as interleaved pairs: the machine's speed
# drifts over minutes, so only a C++ run and the Python run right after it
# compare. Run it on an idle machine (two LibTorch processes on the same
# cores slow each other far more than 2x).
# usage: bench/step_vs_python.sh [ZSQ=build/bin/zsq] [PAIRS=2]
set -e
zsq=${1:-build/bin/zsq}
pairs=${2:-2}
here=$(dirname "$0")
for arch in fmnist resnet20; do
  for ((i = 0; i < pairs; i++)); do
    "$zsq" bench-step --arch "$arch" --methods gdfq --batch 128 --iterations 8
    /usr/bin/python3 "$here/reference/step_loop.py" --arch "$arch" --batch 128 --iterations 8
  done
done
"$zsq" bench-step --arch fmnist --methods gdfq,clusterq,lrq --batch 128 --iterations 8
