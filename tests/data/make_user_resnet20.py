#!/usr/bin/env python3
"""A user's own model, as issue 12 describes it: a pytorchcv-named resnet20 with
one input channel, trained in PyTorch on Fashion-MNIST at 28x28 with the usual
Normalize((0.2860,), (0.3530,)). Fixture of tst_user_preprocessing.

Usage: make_user_resnet20.py OUTDIR   (/usr/bin/python3: torch, numpy)

Trains briefly (a subset, two epochs: a few minutes at most on 2 cores; the
accuracy only has to be far from chance), evaluates on the 10 000 test images
exactly as a PyTorch user would (ToTensor + Normalize, no resize), and writes:
  r20.state.pt             torch.save(model.state_dict())  (an OrderedDict)
  r20.script.pt            torch.jit.trace, no preprocessing inside
  r20_extra.script.pt      the same with _extra_files={"preprocessing.json": ...}
  r20_sidecar.pt + r20_sidecar.pt.json   a state_dict with its MODEL.json sidecar
  r20_stem.pt + r20_stem.json            the sidecar named by the stem
  expected.json            PyTorch's top-1 on the test set (and on its first 2000
                           images, for the quicker checks), mean/std, input size
"""
import gzip
import json
import os
import shutil
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_pytorch_reference import CIFARResNet  # noqa: E402  (pytorchcv module names)

MEAN, STD = 0.2860, 0.3530
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(split, root):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(root, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(root, prefix + "-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.copy()).float().div_(255.0).unsqueeze(1)  # ToTensor
    return (x - MEAN) / STD, torch.from_numpy(labels.astype(np.int64))  # Normalize


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_user_resnet20.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    root = os.environ.get("ZSQ_FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
    torch.manual_seed(0)
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))

    train_x, train_y = load("train", root)
    test_x, test_y = load("test", root)
    subset = torch.randperm(train_x.size(0), generator=torch.Generator().manual_seed(0))[:12000]
    train_x, train_y = train_x[subset], train_y[subset]

    model = CIFARResNet(in_channels=1, num_classes=10)
    # pytorchcv pools 8x8 maps (32x32 inputs); at 28x28 the maps are 7x7, so a
    # user swaps in the adaptive pool (no parameters: the keys stay the same).
    model.features.final_pool = torch.nn.AdaptiveAvgPool2d(1)
    epochs, batch = 2, 128
    steps = epochs * ((train_x.size(0) + batch - 1) // batch)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=steps)
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(train_x.size(0))
        for i in range(0, train_x.size(0), batch):
            idx = order[i:i + batch]
            loss = F.cross_entropy(model(train_x[idx]), train_y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        print("epoch {}: last loss {:.3f}".format(epoch, float(loss)))

    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, test_x.size(0), 1000):
            correct += int((model(test_x[i:i + 1000]).argmax(1) == test_y[i:i + 1000]).sum())
    top1 = 100.0 * correct / test_x.size(0)
    with torch.no_grad():
        top1_first2000 = 100.0 * int((model(test_x[:2000]).argmax(1) == test_y[:2000]).sum()) / 2000
    print("PyTorch top-1 on the test set: {:.2f} %".format(top1))
    assert top1 > 60, "training failed"

    example = test_x[:4]
    traced = torch.jit.trace(model, example)
    assert torch.allclose(traced(example), model(example))
    pre = {"input_size": 28, "resize": "none", "mean": [MEAN], "std": [STD], "class_names": CLASSES}
    torch.save(model.state_dict(), os.path.join(out, "r20.state.pt"))
    torch.jit.save(traced, os.path.join(out, "r20.script.pt"))
    torch.jit.save(traced, os.path.join(out, "r20_extra.script.pt"),
                   _extra_files={"preprocessing.json": json.dumps(pre)})
    shutil.copy(os.path.join(out, "r20.state.pt"), os.path.join(out, "r20_sidecar.pt"))
    with open(os.path.join(out, "r20_sidecar.pt.json"), "w") as f:
        json.dump(pre, f, indent=1)
    shutil.copy(os.path.join(out, "r20.state.pt"), os.path.join(out, "r20_stem.pt"))
    with open(os.path.join(out, "r20_stem.json"), "w") as f:
        json.dump({"mean": MEAN, "std": STD}, f)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"top1": top1, "top1_first2000": top1_first2000, "mean": MEAN, "std": STD, "input_size": 28, "samples": int(test_x.size(0))}, f)


if __name__ == "__main__":
    main()
