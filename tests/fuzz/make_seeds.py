#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora to tests/data/fuzz/<target>/.

Valid small files of every format (written by PyTorch itself where PyTorch
is the writer), a few near misses, packed as each target cuts its input
(tests/fuzz/fuzz_common.h, splitParts: a little-endian 16-bit length before
every part but the last). The malformed PyTorch files of
tests/data/malformed/ are a second corpus of fuzz_torch_save and are used
as they are (run_fuzzers.sh). Run from the repository root:

    python3 tests/fuzz/make_seeds.py

Every file comes out the same each time except torchscript_linear.pt, whose
TorchScript code carries a name-mangling counter.
"""
import gzip
import io
import json
import os
import struct
import sys
import zipfile

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "fuzz")
MALFORMED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "malformed")


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def saved(obj):
    buf = io.BytesIO()
    torch.save(obj, buf)
    return buf.getvalue()


def rezip(data, method, zip64=False):
    """The archive's records written again by Python's zipfile."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as dst:
        for info in src.infolist():
            record = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            record.compress_type = method
            with dst.open(record, "w", force_zip64=zip64) as f:
                f.write(src.read(info))
    return out.getvalue()


def parts(*chunks):
    """Packs chunks as splitParts cuts them."""
    out = b""
    for c in chunks[:-1]:
        assert len(c) < 65536
        out += struct.pack("<H", len(c)) + c
    return out + chunks[-1]


def idx_images(n, rows, cols, claimed=None):
    header = struct.pack(">IIII", 0x803, claimed if claimed is not None else n, rows, cols)
    return header + bytes((i * 37) % 256 for i in range(n * rows * cols))


def idx_labels(labels, claimed=None):
    return struct.pack(">II", 0x801, claimed if claimed is not None else len(labels)) + bytes(labels)


def cifar(labels, cifar100):
    out = b""
    for i, y in enumerate(labels):
        out += (bytes([y // 5, y]) if cifar100 else bytes([y])) + bytes((i + j) % 256 for j in range(3072))
    return out


def main():
    torch.manual_seed(0)
    # fuzz_torch_save: tensors, a state_dict, a training checkpoint, a view,
    # an empty tensor, several dtypes, a TorchScript archive.
    t = "fuzz_torch_save"
    write(t, "float_2x3.pt", saved(torch.arange(6, dtype=torch.float32).view(2, 3)))
    write(t, "long_labels.pt", saved(torch.tensor([0, 3, 1], dtype=torch.long)))
    write(t, "uint8.pt", saved(torch.arange(8, dtype=torch.uint8)))
    write(t, "double_view.pt", saved(torch.arange(20, dtype=torch.float64)[5:15].view(2, 5)))
    write(t, "transposed.pt", saved(torch.arange(6, dtype=torch.float32).view(2, 3).t()))
    write(t, "empty.pt", saved(torch.zeros(0)))
    write(t, "scalar_half.pt", saved(torch.tensor(2.5, dtype=torch.float16)))
    conv = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 1), torch.nn.BatchNorm2d(2))
    write(t, "state_dict.pt", saved(conv.state_dict()))
    write(t, "checkpoint.pt", saved({"epoch": 3, "state_dict": conv.state_dict(), "names": ["a", "b"],
                                     "lr": 0.1, "flags": (True, None), "bytes": b"\x00\x01"}))
    shared = torch.arange(4, dtype=torch.float32)
    write(t, "shared_storage.pt", saved({"a": shared, "b": shared[1:3]}))
    # The same records deflated, and with zip64 extra fields (torch.save
    # writes neither, other zip writers do; the reader accepts both).
    write(t, "deflated.pt", rezip(saved(torch.arange(6, dtype=torch.float32).view(2, 3)), zipfile.ZIP_DEFLATED))
    write(t, "zip64.pt", rezip(saved(torch.arange(6, dtype=torch.float32).view(2, 3)), zipfile.ZIP_STORED, True))
    buf = io.BytesIO()
    torch.jit.save(torch.jit.script(torch.nn.Linear(2, 1)), buf)
    if len(buf.getvalue()) <= 8192:
        write(t, "torchscript_linear.pt", buf.getvalue())

    # fuzz_idx: [class count][images][labels]
    t = "fuzz_idx"
    imgs, labs = idx_images(3, 4, 4), idx_labels([0, 9, 4])
    write(t, "plain.bin", bytes([10]) + parts(imgs, labs))
    write(t, "gzip.bin", bytes([10]) + parts(gzip.compress(imgs, mtime=0), gzip.compress(labs, mtime=0)))
    write(t, "gzip_images_only.bin", bytes([0]) + parts(gzip.compress(imgs, mtime=0), labs))
    write(t, "label_too_big.bin", bytes([5]) + parts(imgs, labs))
    write(t, "count_mismatch.bin", bytes([0]) + parts(imgs, idx_labels([1, 2])))
    write(t, "header_lies.bin", bytes([0]) + parts(idx_images(3, 4, 4, claimed=300), labs))
    write(t, "gzip_bomb_header.bin",
          bytes([0]) + parts(gzip.compress(idx_images(2, 2, 2, claimed=1) + bytes(64), mtime=0), idx_labels([0])))

    # fuzz_cifar: [flags: 1 = CIFAR-100, 2 = two files][file(s)]
    t = "fuzz_cifar"
    write(t, "cifar10_two.bin", bytes([0]) + cifar([3, 9], False))
    write(t, "cifar100_one.bin", bytes([1]) + cifar([57], True))
    write(t, "cifar10_two_files.bin", bytes([2]) + parts(cifar([1], False), cifar([2], False)))
    write(t, "cifar10_label_11.bin", bytes([0]) + cifar([11], False))
    write(t, "cifar10_truncated.bin", bytes([0]) + cifar([1], False)[:-7])

    # fuzz_run_config: run.json files; a first line "key=value" is also given
    # to setFromString.
    t = "fuzz_run_config"
    write(t, "ptq.json", json.dumps({
        "model": "demo", "method": "ptq", "wbits": 4, "abits": 4,
        "layer_bits": {"features.init_block.conv": 8}, "seed": 0, "device": "auto",
        "output": "runs/ptq-w4a4", "ptq": {"batch_size": 64, "iterations": 500, "lr": 0.5}}).encode())
    write(t, "preprocessing.json", json.dumps({
        "preprocessing": {"input_size": 28, "resize": "none", "mean": [0.286], "std": [0.353],
                          "class_names": "a,b,c"}}).encode())
    write(t, "mean_text.json", b'{"preprocessing": {"mean": "0.485,0.456,0.406"}}')
    write(t, "unknown_key.json", b'{"wbits": 4, "no_such_key": 1}')
    write(t, "syntax_error.json", b'{"wbits": 4,\n "abits": }\n')
    write(t, "set_layer_bits.txt", b'layer_bits={"conv1": 4294967300}\n')
    write(t, "set_mean.txt", b"preprocessing.mean=0.1,nan,1e400\n")
    write(t, "set_lr.txt", b"ptq.lr=50\n")
    # Nesting at the limit (common/bounded_json.h: 100 levels) and one past it.
    write(t, "deep_100.json", b'{"preprocessing":' + b"[" * 99 + b"]" * 99 + b"}")
    write(t, "deep_101.json", b'{"a":' * 101 + b"1" + b"}" * 101)

    # fuzz_tensor_folder: [class-count hint][images.pt][labels.pt]
    t = "fuzz_tensor_folder"
    images = torch.rand(2, 1, 4, 4)
    labels = torch.tensor([1, 0], dtype=torch.long)
    write(t, "float_images.bin", bytes([0]) + parts(saved(images), saved(labels)))
    write(t, "uint8_images.bin", bytes([10]) + parts(saved((images * 255).to(torch.uint8)), saved(labels)))
    write(t, "float_labels.bin", bytes([0]) + parts(saved(images), saved(labels.float())))
    write(t, "nan_images.bin", bytes([0]) + parts(saved(torch.full((2, 1, 2, 2), float("nan"))), saved(labels)))
    write(t, "count_mismatch.bin", bytes([0]) + parts(saved(images), saved(torch.tensor([1]))))
    write(t, "label_too_big.bin", bytes([2]) + parts(saved(images), saved(torch.tensor([1, 7]))))
    for name in ("short_storage.pt", "offset40.pt", "neg_stride.pt"):
        path = os.path.join(MALFORMED, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                write(t, "images_" + name.replace(".pt", ".bin"), bytes([0]) + parts(f.read(), saved(labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
