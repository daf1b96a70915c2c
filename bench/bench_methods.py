#!/usr/bin/env python3
"""Regenerates the results table in docs/results-table.md (`zsq bench-methods`).

Runs `zsq quantize` on the shipped demo model for every method and bit width
(quick profile, CPU), 3 seeds at W4A4, plus the ablation rows, and writes a
markdown table of top-1 on the Fashion-MNIST test set with wall times.
Usage: bench/bench_methods.py [--zsq build/bin/zsq] [--seeds 3] [--seeds-w3a3 1] [--seeds-w2a4 1]
       [--rows all|w4a4] [--methods ptq,gdfq,...] [--single-seed ptq,realdata] [--refine brecq|none]
Each generative run takes ~6-8 minutes on 2 cores; the whole table takes hours.
With --refine brecq (the default) every run is also refined afterwards (`zsq refine RUN`, no training
again; W2A4 with refine.qdrop=0, the recipe chosen on the validation split), a row "METHOD + brecq"
beside its unrefined row, and the refinement ablations (no AdaRound, no LSQ, no QDrop) are run on the
VALIDATION split (ptq + brecq, W3A3, seed 0): they are how the defaults were chosen.
"""
import argparse, json, os, statistics, subprocess, sys, time

METHODS = ["ptq", "genie", "gdfq", "clusterq", "lrq", "realdata"]
BITS = [(4, 4), (3, 3), (2, 4)]
ABLATIONS = [
    ("lrq", "no LKA", "lrq.lka=false"),
    ("lrq", "no AMA", "lrq.ama=false"),
    ("lrq", "no DKD", "lrq.dkd=false"),
    ("clusterq", "no EMA", "clusterq.ema=false"),
    ("clusterq", "no diversity", "clusterq.diversity=false"),
]


def run(zsq, out, method, w, a, seed, extra=""):
    result = os.path.join(out, "result.json")
    if not os.path.exists(result):
        cmd = [zsq, "quantize", "--method", method, "--wbits", str(w), "--abits", str(a), "--seed", str(seed),
               "--output", out, "--quiet"]
        if extra:
            cmd += ["--set", extra]
        print(" ".join(cmd), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True)
    with open(result) as f:
        return json.load(f)


def refine(zsq, run_dir, how, w, a):
    out = f"{run_dir}-{how}"
    result = os.path.join(out, "result.json")
    if not os.path.exists(result):
        cmd = [zsq, "refine", run_dir, "--refine", how, "--output", out, "--quiet"]
        if (w, a) == (2, 4):
            cmd += ["--set", "refine.qdrop=0"]
        print(" ".join(cmd), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True)
    with open(result) as f:
        return json.load(f)


REFINE_ABLATIONS = [
    ("no AdaRound (rounding to nearest)", "refine.lr=0"),
    ("no LSQ (searched activation ranges kept)", "refine.act_lr=0"),
    ("no QDrop", "refine.qdrop=0"),
]


def fmt(values):
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--zsq", default="build/bin/zsq")
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--seeds-w3a3", type=int, default=1, help="seeds at W3A3 (W4A4 takes --seeds)")
    p.add_argument("--seeds-w2a4", type=int, default=1, help="seeds at W2A4")
    p.add_argument("--rows", default="all", choices=["all", "w4a4"])
    p.add_argument("--methods", default=",".join(METHODS), help="comma-separated subset of " + ",".join(METHODS))
    p.add_argument("--single-seed", default="", help="methods run with one seed even at W4A4 (e.g. ptq,realdata)")
    p.add_argument("--refine", default="brecq", choices=["brecq", "adaround", "ranges", "none"],
                   help="also refine every run afterwards with this (none: only the unrefined rows)")
    p.add_argument("--runs", default="runs/bench")
    p.add_argument("--output", default="docs/results-table.md")
    args = p.parse_args()
    lines = ["| method | bits | top-1 % (Fashion-MNIST test) | seeds | wall s / run | intra-class angle ° (last epoch) |",
             "|---|---|---|---|---|---|"]
    fp = None

    def emit(line):
        lines.append(line)
        print(line, flush=True)

    def bits_rows(w, a):
        nonlocal fp
        chosen = args.methods.split(",")
        single = args.single_seed.split(",")
        for m in [m for m in METHODS if m in chosen]:
            count = {(4, 4): args.seeds, (3, 3): args.seeds_w3a3, (2, 4): args.seeds_w2a4}[(w, a)]
            seeds = range(1) if m in single else range(count)
            rs = [run(args.zsq, f"{args.runs}/{m}-w{w}a{a}-s{s}", m, w, a, s) for s in seeds]
            fp = rs[0]["fp_top1"]
            label = m + (" (real data: ceiling)" if m == "realdata" else "")
            angle = rs[0].get("details", {}).get("history", [{}])[-1].get("intra_angle_deg")
            emit(f"| {label} | W{w}A{a} | {fmt([r['quant_top1'] for r in rs])} | {len(rs)} | "
                 f"{statistics.mean(r['seconds'] for r in rs):.0f} | {'' if angle is None else f'{angle:.1f}'} |")
            # genie's own quantization is brecq already (its rows are refined ones).
            if args.refine != "none" and m != "genie" and rs[0].get("refine", "none") == "none":
                refined = [refine(args.zsq, f"{args.runs}/{m}-w{w}a{a}-s{s}", args.refine, w, a) for s in seeds]
                # Wall time: the method's run plus the refinement afterwards
                # (a ptq run is distilled again by the refinement: its own).
                total = statistics.mean(q["seconds"] + (0 if m == "ptq" else r["seconds"]) for r, q in zip(rs, refined))
                emit(f"| {label} + {args.refine} | W{w}A{a} | {fmt([q['quant_top1'] for q in refined])} | "
                     f"{len(refined)} | {total:.0f} | |")

    bits_rows(4, 4)
    if args.rows == "all":
        for m, name, extra in ABLATIONS:
            r = run(args.zsq, f"{args.runs}/{m}-{name.replace(' ', '_')}", m, 4, 4, 0, extra)
            angle = r["details"]["history"][-1].get("intra_angle_deg")
            emit(f"| {m}, {name} | W4A4 | {r['quant_top1']:.2f} | 1 | {r['seconds']:.0f} | {angle:.1f} |")
        if args.refine == "brecq":
            base = "refine.calibration=" + os.path.abspath(f"{args.runs}/val-ptq-w3a3-brecq/calibration.pt")
            ref = run(args.zsq, f"{args.runs}/val-ptq-w3a3-brecq", "ptq", 3, 3, 0,
                      "eval_split=val,refine.method=brecq")
            emit(f"| ptq + brecq (validation split) | W3A3 | {ref['quant_top1']:.2f} | 1 | {ref['seconds']:.0f} | |")
            for name, extra in REFINE_ABLATIONS:
                r = run(args.zsq, f"{args.runs}/val-ptq-w3a3-brecq-{extra.split('=')[0].split('.')[1]}", "ptq", 3, 3,
                        0, f"eval_split=val,refine.method=brecq,ptq.iterations=1,{base},{extra}")
                emit(f"| ptq + brecq, {name} (validation split, same images) | W3A3 | {r['quant_top1']:.2f} | 1 | "
                     f"{r['seconds']:.0f} | |")
        for w, a in BITS[1:]:
            bits_rows(w, a)
    header = [f"Full precision: {fp:.2f} %. Generated {time.strftime('%Y-%m-%d')} by bench/bench_methods.py.", ""]
    with open(args.output, "w") as f:
        f.write("\n".join(header + lines) + "\n")
    print("\n".join(header))


if __name__ == "__main__":
    main()
