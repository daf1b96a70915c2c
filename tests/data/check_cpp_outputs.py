#!/usr/bin/env python3
"""Second half of the PyTorch interop check: PyTorch reads what ZSQ wrote.

Usage: check_cpp_outputs.py REFDIR   (the folder make_pytorch_reference.py
filled and tst_pytorch_interop wrote REFDIR/cpp_out/ into)

  - logits written with zsq::io::writeTensorFile (for every model of the
    manifest, from each format written) load with torch.load and equal
    PyTorch's own logits (max abs diff < 1e-4);
  - tensors of other dtypes/layouts come back with their values;
  - ZSQ checkpoints load with torch.load: {"format": "zsq-checkpoint",
    "meta": JSON text, "state": {name: tensor}}; "state" is bit-identical to
    the PyTorch state_dict the C++ side loaded, loads with
    load_state_dict(strict=True) and reproduces the logits;
  - the quantizer state of the W4A4 resnet20 names PyTorch's own modules.
"""
import json
import os
import sys

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_pytorch_reference import MODELS, CIFARResNet, build  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


ACTIVATIONS = (nn.ReLU, nn.ReLU6, nn.Hardswish, nn.Hardsigmoid)


def check_quantizer_names(name, model, quant, where):
    """Every Conv2d/Linear is a quantizable layer under its PyTorch name, and
    an activation quantizer sits at every activation module (a
    Conv2dNormActivation's quantizer is called "act" where PyTorch has "2").
    torchvision's ResNet blocks reuse one ReLU module twice, so only their
    layers are compared."""
    weighted = {n for n, m in model.named_modules() if isinstance(m, (nn.Conv2d, nn.Linear))}
    check(set(quant["layers"]) == weighted,
          "{}: quantized layers vs Conv2d/Linear modules: {}".format(
              where, sorted(set(quant["layers"]) ^ weighted)[:5]))
    if name.startswith("resnet") and not isinstance(model, CIFARResNet):
        return
    activations = {n for n, m in model.named_modules() if isinstance(m, ACTIVATIONS)}
    quantizers = {a[:-len(".act")] + ".2" if a.endswith(".act") else a for a in quant["activations"]}
    check(quantizers == activations, "{}: activation quantizers vs activation modules: {}".format(
        where, sorted(quantizers ^ activations)[:5]))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_cpp_outputs.py REFDIR")
    ref = sys.argv[1]
    cpp = os.path.join(ref, "cpp_out")
    with open(os.path.join(ref, "manifest.json")) as f:
        manifest = json.load(f)
    check([e["name"] for e in manifest] == [m[0] for m in MODELS],
          "manifest lists {}".format([e["name"] for e in manifest]))

    for entry in manifest:
        name = entry["name"]
        x = torch.load(os.path.join(ref, name + "_input.pt"))
        expected = torch.load(os.path.join(ref, name + "_logits.pt"))

        for kind in entry["formats"]:
            path = os.path.join(cpp, "{}_{}_logits.pt".format(name, kind))
            got = torch.load(path)
            check(isinstance(got, torch.Tensor), path + " is not a tensor")
            check(got.dtype == torch.float32 and got.shape == expected.shape,
                  "{}: {} {} vs {}".format(path, got.dtype, tuple(got.shape), tuple(expected.shape)))
            diff = float((got - expected).abs().max())
            print("{} {}: max |C++ logits - PyTorch| = {:.3g}".format(name, kind, diff))
            check(diff < 1e-4, "{}: max abs diff {}".format(path, diff))

        ckpt_path = os.path.join(cpp, name + ".zsq")
        ckpt = torch.load(ckpt_path)
        check(isinstance(ckpt, dict) and ckpt.get("format") == "zsq-checkpoint",
              ckpt_path + " is not a zsq-checkpoint dict")
        meta = json.loads(ckpt["meta"])
        check(meta["model"]["arch"] == name, "{}: arch {}".format(ckpt_path, meta["model"]["arch"]))
        check(meta["model"]["num_classes"] == 10, ckpt_path + ": num_classes")
        check(meta.get("source") == name + "_state_dict.pt", ckpt_path + ": extra metadata lost")
        reference_sd = torch.load(os.path.join(ref, name + "_state_dict.pt"))
        state = ckpt["state"]
        check(set(state) == set(reference_sd),
              "{}: keys differ: {}".format(ckpt_path, sorted(set(state) ^ set(reference_sd))[:5]))
        for key, value in reference_sd.items():
            if key in state:
                check(state[key].dtype == value.dtype and torch.equal(state[key], value),
                      "{}: {} differs".format(ckpt_path, key))
        model = build(name)
        model.load_state_dict(state, strict=True)
        model.eval()
        with torch.no_grad():
            diff = float((model(x) - expected).abs().max())
        check(diff < 1e-4, "{}: PyTorch model from the ZSQ checkpoint is off by {}".format(ckpt_path, diff))
        check_quantizer_names(name, model, meta["quant"], ckpt_path)

    # Quantizer state names PyTorch's modules (pytorchcv naming for resnet20).
    q = torch.load(os.path.join(cpp, "resnet20_w4a4.zsq"))
    quant = json.loads(q["meta"])["quant"]
    model = CIFARResNet(num_classes=10)
    weighted = {n for n, m in model.named_modules() if isinstance(m, (nn.Conv2d, nn.Linear))}
    relus = {n for n, m in model.named_modules() if isinstance(m, nn.ReLU)}
    check(set(quant["layers"]) == weighted,
          "quantized layers vs Conv2d/Linear modules: {}".format(sorted(set(quant["layers"]) ^ weighted)[:5]))
    check(set(quant["activations"]) == relus,
          "activation quantizers vs ReLU modules: {}".format(sorted(set(quant["activations"]) ^ relus)[:5]))
    for layer, e in quant["layers"].items():
        check(e["wbits"] == 4, "{}: wbits {}".format(layer, e["wbits"]))
    for act, e in quant["activations"].items():
        check(e["abits"] == 4 and e["mode"] == "frozen" and e["ema_steps"] == 1,
              "{}: activation state {}".format(act, e))
        check(e["min"] <= e["max"], "{}: range {}..{}".format(act, e["min"], e["max"]))

    t = torch.load(os.path.join(cpp, "arange_int64_t.pt"))
    check(t.dtype == torch.int64 and torch.equal(t, torch.arange(12).view(3, 4).t()), "int64 tensor: {}".format(t))
    d = torch.load(os.path.join(cpp, "linspace_double.pt"))
    check(d.dtype == torch.float64 and torch.equal(d, torch.linspace(-1, 1, 5, dtype=torch.float64)),
          "double tensor: {}".format(d))
    s = torch.load(os.path.join(cpp, "scalar_float.pt"))
    check(s.dim() == 0 and float(s) == 2.5, "scalar tensor: {}".format(s))

    if failures:
        sys.exit("{} check(s) failed".format(len(failures)))
    print("all PyTorch-side checks passed")


if __name__ == "__main__":
    main()
