#!/usr/bin/env python3
"""The GDFQ training step in plain PyTorch, for comparison with `zsq bench-step`.

Same work per iteration as core/engine/zsq_trainer.cpp with method gdfq:
generator forward, teacher forward with BatchNorm inputs captured (forward
pre-hooks, the usual Python way), CE + 0.1 * BNS, Adam step on G; then the
fake-quantized student (per-channel weight quantization at every forward, an
EMA activation quantizer after every ReLU, BN frozen) on the detached batch,
KD (T = 20, 'mean') + CE, SGD step. Random weights; only the speed matters.

usage: /usr/bin/python3 bench/reference/step_loop.py [--arch fmnist|resnet20] [--batch 128]
       [--warmup 3] [--iterations 8] [--threads 2]
"""
import argparse, math, time, warnings
import torch
import torch.nn as nn
import torch.nn.functional as F


def fake_quant(x, lo, hi, bits):
    scale = (2 ** bits - 1) / torch.clamp(hi - lo, min=1e-8)
    zp = torch.round(scale * lo) + 2 ** (bits - 1)
    q = torch.clamp(torch.round(scale * x.detach() - zp), -2 ** (bits - 1), 2 ** (bits - 1) - 1)
    return x + ((q + zp) / scale - x).detach()


class QConv(nn.Conv2d):
    bits = 0
    def forward(self, x):
        w = self.weight
        if self.bits:
            flat = w.detach().reshape(w.size(0), -1)
            lo, hi = flat.min(1)[0].view(-1, 1, 1, 1), flat.max(1)[0].view(-1, 1, 1, 1)
            w = fake_quant(w, lo, hi, self.bits)
        return F.conv2d(x, w, self.bias, self.stride, self.padding, self.dilation, self.groups)


class QLinear(nn.Linear):
    bits = 0
    def forward(self, x):
        w = self.weight
        if self.bits:
            lo, hi = w.detach().min(1)[0].view(-1, 1), w.detach().max(1)[0].view(-1, 1)
            w = fake_quant(w, lo, hi, self.bits)
        return F.linear(x, w, self.bias)


class ActQuant(nn.Module):
    def __init__(self):
        super().__init__()
        self.bits, self.lo, self.hi, self.t = 0, 0.0, 0.0, 0
    def forward(self, x):
        if not self.bits:
            return x
        self.t += 1
        self.lo = 0.9 * self.lo + 0.1 * x.detach().min().item()
        self.hi = 0.9 * self.hi + 0.1 * x.detach().max().item()
        c = 1 - 0.9 ** self.t
        return fake_quant(x, torch.tensor(self.lo / c), torch.tensor(self.hi / c), self.bits)


class ConvBlock(nn.Module):
    def __init__(self, i, o, k, s, act):
        super().__init__()
        self.conv, self.bn = QConv(i, o, k, s, k // 2, bias=False), nn.BatchNorm2d(o)
        self.activ = ActQuant() if act else None
    def forward(self, x):
        x = self.bn(self.conv(x))
        return self.activ(F.relu(x)) if self.activ is not None else x


class Unit(nn.Module):
    def __init__(self, i, o, s):
        super().__init__()
        self.conv1, self.conv2 = ConvBlock(i, o, 3, s, True), ConvBlock(o, o, 3, 1, False)
        self.identity = ConvBlock(i, o, 1, s, False) if (i != o or s != 1) else None
        self.activ = ActQuant()
    def forward(self, x):
        sc = self.identity(x) if self.identity is not None else x
        return self.activ(F.relu(self.conv2(self.conv1(x)) + sc))


class CifarResNet(nn.Module):
    def __init__(self, cin, init, widths, units, first_stride, classes):
        super().__init__()
        layers, c = [ConvBlock(cin, init, 3, 1, True)], init
        for s, w in enumerate(widths):
            for u in range(units):
                layers.append(Unit(c, w, 1 if u else (2 if s else first_stride)))
                c = w
        self.features, self.output = nn.Sequential(*layers), QLinear(c, classes)
    def forward(self, x):
        return self.output(F.adaptive_avg_pool2d(self.features(x), 1).flatten(1))


class Generator(nn.Module):
    def __init__(self, classes, channels, size, latent=100):
        super().__init__()
        self.init = (size + 3) // 4
        self.size = size
        self.emb = nn.Embedding(classes, latent)
        self.fc = nn.Linear(latent, 128 * self.init ** 2)
        self.bn0 = nn.BatchNorm2d(128)
        self.conv1, self.bn1 = nn.Conv2d(128, 128, 3, 1, 1), nn.BatchNorm2d(128, 0.8)
        self.conv2, self.bn2 = nn.Conv2d(128, 64, 3, 1, 1), nn.BatchNorm2d(64, 0.8)
        self.conv3, self.out = nn.Conv2d(64, channels, 3, 1, 1), nn.BatchNorm2d(channels, affine=False)
    def forward(self, z, y):
        h = self.bn0(self.fc(self.emb(y) * z).view(-1, 128, self.init, self.init))
        h = F.leaky_relu(self.bn1(self.conv1(F.interpolate(h, scale_factor=2))), 0.2)
        h = F.leaky_relu(self.bn2(self.conv2(F.interpolate(h, scale_factor=2))), 0.2)
        h = torch.tanh(self.conv3(h))
        if h.size(2) != self.size:
            h = F.interpolate(h, size=(self.size, self.size), mode="bilinear", align_corners=False)
        return self.out(h)


def main():
    warnings.filterwarnings("ignore", message="reduction: .mean.")
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="fmnist", choices=["fmnist", "resnet20"])
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iterations", type=int, default=8)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()
    torch.set_num_threads(a.threads or torch.get_num_threads() or 1)
    if a.threads == 0:
        import os
        torch.set_num_threads(os.cpu_count())
    torch.manual_seed(0)
    if a.arch == "fmnist":
        make = lambda: CifarResNet(1, 24, [24, 48, 96], 1, 2, 10)
        channels, size, classes = 1, 28, 10
    else:
        make = lambda: CifarResNet(3, 16, [16, 32, 64], 3, 1, 100)
        channels, size, classes = 3, 32, 100
    teacher, student = make().eval(), make()
    student.load_state_dict(teacher.state_dict())
    student.eval()
    for m in student.modules():
        if isinstance(m, (QConv, QLinear, ActQuant)):
            m.bits = 4
    for q in teacher.parameters():
        q.requires_grad_(False)
    bn_inputs = []
    for m in teacher.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.register_forward_pre_hook(lambda mod, inp: bn_inputs.append((mod, inp[0])))
    gen = Generator(classes, channels, size)
    opt_g = torch.optim.Adam(gen.parameters(), 1e-3, betas=(0.5, 0.999))
    opt_s = torch.optim.SGD(student.parameters(), 1e-6, momentum=0.9, nesterov=True, weight_decay=1e-4)
    stamps = []
    for it in range(a.warmup + a.iterations):
        z, y = torch.randn(a.batch, 100), torch.randint(0, classes, (a.batch,))
        x = gen(z, y)
        bn_inputs.clear()
        t = teacher(x)
        bns = 0
        for mod, inp in bn_inputs:
            mean = inp.mean((0, 2, 3))
            var = (inp - mean.view(1, -1, 1, 1)).pow(2).mean((0, 2, 3))
            bns = bns + F.mse_loss(mean, mod.running_mean) + F.mse_loss(var, mod.running_var)
        loss_g = F.cross_entropy(t, y) + 0.1 * bns / len(bn_inputs)
        opt_g.zero_grad(); loss_g.backward(); opt_g.step()
        loss_g.item()
        s = student(x.detach())
        tl = t.detach()
        kd = F.kl_div(F.log_softmax(s / 20, 1), F.softmax(tl / 20, 1), reduction="mean") * 400
        loss_s = kd + F.cross_entropy(s, y)
        opt_s.zero_grad(); loss_s.backward(); opt_s.step()
        loss_s.item()
        stamps.append(time.perf_counter())
    secs = stamps[-1] - stamps[a.warmup - 1]
    print(f"python  {a.arch:9s} gdfq batch {a.batch}: {a.iterations / secs:.2f} it/s "
          f"({torch.get_num_threads()} threads, torch {torch.__version__})")


if __name__ == "__main__":
    main()
