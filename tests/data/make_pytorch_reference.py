#!/usr/bin/env python3
"""Writes PyTorch reference files for tst_pytorch_interop.

Usage: make_pytorch_reference.py OUTDIR   (run with a Python that has torch and
torchvision; on Debian that is /usr/bin/python3, not a pyenv python3)

For each model of the zoo's families -- torchvision resnet18, resnet101,
mobilenet_v2, mobilenet_v3_large and vgg16_bn, and resnet20/56/110 with
pytorchcv's exact module names -- with 10 classes, it writes, in eval mode
with random, non-trivial BatchNorm statistics and affine parameters:
  <name>_script.pt      TorchScript (scripted torchvision models, traced CIFAR ResNets)
  <name>_state_dict.pt  torch.save(dict(model.state_dict()))
  <name>_input.pt       torch.save(input)   [2, 3, H, W]
  <name>_logits.pt      torch.save(model(input))
and manifest.json listing them ("formats" names the model files written).
Inputs are small (32 or 64 px): every model is fully convolutional or
adaptive-pooled, so the logits check the same code paths as at 224 px.

Size choice: vgg16_bn keeps torchvision's 4096-wide classifier (what the zoo
has), so one file is ~540 MB; it is written as a state_dict only (no
TorchScript copy) to keep the folder near 1 GB (the C++ side adds ~0.8 GB
of checkpoints) and the run short.
resnet101 (~170 MB a file) is written in both formats.

tst_pytorch_interop reads these with the C++ loader; check_cpp_outputs.py
then reads back what the C++ side wrote.
"""
import json
import os
import sys

import torch
import torch.nn as nn


# --- resnet20 with pytorchcv's module structure (pytorchcv/models/resnet_cifar.py)
class ConvBlock(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, activation=True):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)
        self.activate = activation
        if activation:
            self.activ = nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.bn(self.conv(x))
        if self.activate:
            x = self.activ(x)
        return x


class ResBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        self.conv1 = ConvBlock(in_channels, out_channels, 3, stride, 1)
        self.conv2 = ConvBlock(out_channels, out_channels, 3, 1, 1, activation=False)

    def forward(self, x):
        return self.conv2(self.conv1(x))


class ResUnit(nn.Module):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        self.resize_identity = (in_channels != out_channels) or (stride != 1)
        self.body = ResBlock(in_channels, out_channels, stride)
        if self.resize_identity:
            self.identity_conv = ConvBlock(in_channels, out_channels, 1, stride, 0, activation=False)
        self.activ = nn.ReLU(inplace=True)

    def forward(self, x):
        identity = self.identity_conv(x) if self.resize_identity else x
        x = self.body(x)
        x = x + identity
        return self.activ(x)


class CIFARResNet(nn.Module):
    def __init__(self, channels=((16,) * 3, (32,) * 3, (64,) * 3), init_block_channels=16,
                 in_channels=3, num_classes=10):
        super().__init__()
        self.features = nn.Sequential()
        self.features.add_module("init_block", ConvBlock(in_channels, init_block_channels, 3, 1, 1))
        in_channels = init_block_channels
        for i, channels_per_stage in enumerate(channels):
            stage = nn.Sequential()
            for j, out_channels in enumerate(channels_per_stage):
                stride = 2 if (j == 0) and (i != 0) else 1
                stage.add_module("unit{}".format(j + 1), ResUnit(in_channels, out_channels, stride))
                in_channels = out_channels
            self.features.add_module("stage{}".format(i + 1), stage)
        self.features.add_module("final_pool", nn.AvgPool2d(kernel_size=8, stride=1))
        self.output = nn.Linear(in_channels, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return self.output(x)


def randomise_batchnorms(model, generator):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                c = m.num_features
                m.running_mean.copy_((torch.rand(c, generator=generator) - 0.5) * 0.2)
                m.running_var.copy_(0.5 + torch.rand(c, generator=generator))
                m.weight.copy_(0.5 + torch.rand(c, generator=generator))
                m.bias.copy_((torch.rand(c, generator=generator) - 0.5) * 0.2)
                m.num_batches_tracked.fill_(123)


def classifier_of(model):
    for attr in ("fc", "output"):
        if hasattr(model, attr):
            return getattr(model, attr)
    return model.classifier[-1]  # mobilenet_v2: [1], mobilenet_v3: [3], vgg: [6]


def cifar_resnet(units_per_stage, num_classes=10):
    """pytorchcv resnet20/56/110_cifar: 3, 9 or 18 units per stage."""
    return CIFARResNet(channels=tuple((w,) * units_per_stage for w in (16, 32, 64)), num_classes=num_classes)


def build(name, num_classes=10):
    """The PyTorch model of a zoo architecture (also used by check_cpp_outputs.py)."""
    import torchvision
    cifar = {"resnet20": 3, "resnet56": 9, "resnet110": 18}
    if name in cifar:
        return cifar_resnet(cifar[name], num_classes)
    return getattr(torchvision.models, name)(num_classes=num_classes)


# name, input size, TorchScript ("script", "trace" or None: state_dict only)
MODELS = [
    ("resnet18", 64, "script"),
    ("mobilenet_v2", 64, "script"),
    ("resnet20", 32, "trace"),
    ("resnet56", 32, "trace"),
    ("resnet110", 32, "trace"),
    ("resnet101", 64, "script"),
    ("mobilenet_v3_large", 64, "script"),
    ("vgg16_bn", 32, None),
]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_pytorch_reference.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    # Files of a previous run (e.g. a TorchScript no longer written) must not
    # be mistaken for this run's.
    for entry in os.listdir(out):
        if entry.endswith(".pt") or entry == "manifest.json":
            os.remove(os.path.join(out, entry))

    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    manifest = []
    for name, size, how in MODELS:
        model = build(name)
        randomise_batchnorms(model, generator)
        model.eval()
        x = torch.randn(2, 3, size, size, generator=generator)
        with torch.no_grad():
            # Logits of order 1 (torchvision's mobilenet_v2 head gives ~0.05),
            # so that the 1e-4 tolerance of the C++ comparison means something.
            fc = classifier_of(model)
            std = float(model(x).std())
            fc.weight.mul_(1.0 / std)
            fc.bias.mul_(1.0 / std)
            logits = model(x)
            scripted = None
            if how == "script":
                scripted = torch.jit.script(model)
            elif how == "trace":
                scripted = torch.jit.trace(model, x)
            # The archive must reproduce the eager model.
            assert scripted is None or torch.equal(scripted(x), logits), name
        assert torch.isfinite(logits).all(), name
        assert logits.std() > 1e-3, name  # not degenerate
        formats = (["script"] if scripted is not None else []) + ["state_dict"]
        files = {k: os.path.join(out, "{}_{}.pt".format(name, k))
                 for k in formats + ["input", "logits"]}
        if scripted is not None:
            torch.jit.save(scripted, files["script"])
        torch.save(dict(model.state_dict()), files["state_dict"])
        torch.save(x, files["input"])
        torch.save(logits, files["logits"])
        if name == "resnet20":
            # What people's .pth files usually are: the OrderedDict itself
            # (with its _metadata attribute), training checkpoints wrapping a
            # state_dict, DataParallel's "module." prefixes. Python's pickler
            # writes a one-item dict with SETITEM, a longer one with SETITEMS.
            sd = model.state_dict()
            plain = dict(sd)
            prefixed = {"module." + k: v for k, v in sd.items()}
            variants = {
                "ordered_state_dict": sd,
                "training_checkpoint": {"epoch": 3, "best_acc": 91.25, "arch": "resnet20", "state_dict": sd},
                "wrapped_plain_dict": {"epoch": 3, "state_dict": plain},
                "dataparallel_two_keys": {"model": prefixed, "epoch": 3},
                "dataparallel_one_key": {"model": prefixed},
            }
            for variant, obj in variants.items():
                torch.save(obj, os.path.join(out, "resnet20_{}.pt".format(variant)))
        manifest.append({"name": name, "input_size": size, "num_classes": 10, "how": how or "none",
                         "formats": formats,
                         "state_dict_keys": len(model.state_dict()),
                         "logits_abs_max": float(logits.abs().max())})
        print("{}: {} ({}), logits |max| {:.3f}".format(name, ", ".join(formats), how or "state_dict only",
                                                        float(logits.abs().max())), flush=True)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    # Old outputs of the C++ side must not satisfy the next check step.
    cpp_out = os.path.join(out, "cpp_out")
    if os.path.isdir(cpp_out):
        for entry in os.listdir(cpp_out):
            os.remove(os.path.join(cpp_out, entry))


if __name__ == "__main__":
    main()
