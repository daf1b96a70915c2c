#!/usr/bin/python3
"""A second model the project never tuned on (issue 13): trained in PyTorch, not
by `zsq train-teacher`, in another layout than the demo (pytorchcv resnet20:
three units per stage, 16/32/64 channels, one input channel) and another seed,
on the first 54 000 Fashion-MNIST training images (the last 6 000 are the
project's validation split, kept out), with ToTensor + Normalize((0.2860,),
(0.3530,)) at 28x28, as a PyTorch user would.

Usage: bench/train_second_model.py OUT.pt [EPOCHS] [THREADS]   (/usr/bin/python3: torch, numpy)
Writes OUT.pt (torch.save(state_dict)) and OUT.json (the preprocessing, read
by `zsq` as the sidecar) and prints PyTorch's own test top-1.
"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data"))
from make_pytorch_reference import CIFARResNet  # noqa: E402  (pytorchcv module names)
from make_user_resnet20 import CLASSES, MEAN, STD, load  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: train_second_model.py OUT.pt [EPOCHS] [THREADS]")
    out = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 2)
    torch.manual_seed(1)
    root = os.environ.get("ZSQ_FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
    train_x, train_y = load("train", root)
    train_x, train_y = train_x[:54000], train_y[:54000]
    test_x, test_y = load("test", root)

    model = CIFARResNet(in_channels=1, num_classes=10)
    model.features.final_pool = torch.nn.AdaptiveAvgPool2d(1)
    batch = 128
    steps = epochs * ((train_x.size(0) + batch - 1) // batch)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=steps)
    start = time.time()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(train_x.size(0))
        for i in range(0, train_x.size(0), batch):
            idx = order[i:i + batch]
            x = train_x[idx]
            flip = torch.rand(x.size(0)) < 0.5  # horizontal flips, the usual augmentation
            x = torch.where(flip[:, None, None, None], x.flip(3), x)
            loss = F.cross_entropy(model(x), train_y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        print("epoch {}: last loss {:.3f}, {:.0f} s".format(epoch, float(loss), time.time() - start), flush=True)

    model.eval()
    with torch.no_grad():
        correct = sum(int((model(test_x[i:i + 1000]).argmax(1) == test_y[i:i + 1000]).sum())
                      for i in range(0, test_x.size(0), 1000))
    print("PyTorch top-1 on the test set: {:.2f} % ({} epochs, {:.0f} s)".format(
        100.0 * correct / test_x.size(0), epochs, time.time() - start))
    torch.save(model.state_dict(), out)
    with open(os.path.splitext(out)[0] + ".json", "w") as f:
        json.dump({"arch": "resnet20", "input_size": 28, "resize": "none", "mean": [MEAN], "std": [STD],
                   "class_names": CLASSES}, f, indent=1)


if __name__ == "__main__":
    main()
