#!/usr/bin/env python3
"""Runs an exported TorchScript file with nothing but PyTorch (no ZSQ code)
on a batch of images and writes the logits; the C++ tests compare them with
the fake-quantized student. Raw little-endian float32 files, no headers.

    python3 run_torchscript.py MODEL.pt IN.f32 N C H W OUT.f32
"""
import sys

import torch


def main():
    model_path, in_path, n, c, h, w, out_path = sys.argv[1:8]
    shape = [int(n), int(c), int(h), int(w)]
    with open(in_path, "rb") as f:
        data = bytearray(f.read())
    x = torch.frombuffer(data, dtype=torch.float32).reshape(shape)
    model = torch.jit.load(model_path, map_location="cpu")
    model.eval()
    with torch.no_grad():
        logits = model(x).contiguous()
    with open(out_path, "wb") as f:
        f.write(logits.numpy().tobytes())
    print("{}: logits {} -> {}".format(model_path, list(logits.shape), out_path))


if __name__ == "__main__":
    main()
