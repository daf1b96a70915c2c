#!/usr/bin/env python3
"""Where the time goes: per-operator self time in two chrome://tracing files
written by LibTorch's profiler (`zsq bench-step --trace A.json` and
`bench/reference/step_loop.py --trace B.json`, same arch, batch and number of
iterations), side by side, largest difference first.

Self time = an operator's duration minus that of the operators nested in it
on the same thread, so the column sums are each run's profiled time.

usage: /usr/bin/python3 bench/trace_compare.py A.json B.json [--top 30] [--iterations N]
"""
import argparse
import json
from collections import defaultdict


def self_times(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    spans = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            spans[e.get("tid", 0)].append((float(e["ts"]), float(e["dur"]), e["name"]))
    total = defaultdict(float)
    calls = defaultdict(int)
    for items in spans.values():
        # Parents start first (ties: the longer one is the parent).
        items.sort(key=lambda s: (s[0], -s[1]))
        stack = []  # [end, name, child time]
        def close(frame):
            end, name, children, dur = frame
            total[name] += dur - children
        for ts, dur, name in items:
            while stack and stack[-1][0] <= ts:
                close(stack.pop())
            if stack:
                stack[-1][2] += dur
            stack.append([ts + dur, name, 0.0, dur])
            calls[name] += 1
        while stack:
            close(stack.pop())
    return total, calls


def main():
    p = argparse.ArgumentParser()
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--iterations", type=int, default=1, help="divide times and calls by this")
    args = p.parse_args()
    ta, ca = self_times(args.a)
    tb, cb = self_times(args.b)
    n = args.iterations
    names = sorted(set(ta) | set(tb), key=lambda k: -abs(ta.get(k, 0) - tb.get(k, 0)))
    print(f"{'operator':44s} {'A ms':>9s} {'B ms':>9s} {'A-B ms':>9s} {'A calls':>8s} {'B calls':>8s}  (per iteration)")
    for k in names[:args.top]:
        print(f"{k[:44]:44s} {ta.get(k, 0) / 1e3 / n:9.2f} {tb.get(k, 0) / 1e3 / n:9.2f} "
              f"{(ta.get(k, 0) - tb.get(k, 0)) / 1e3 / n:9.2f} {ca.get(k, 0) / n:8.1f} {cb.get(k, 0) / n:8.1f}")
    sa, sb = sum(ta.values()), sum(tb.values())
    print(f"{'total self time':44s} {sa / 1e3 / n:9.2f} {sb / 1e3 / n:9.2f} {(sa - sb) / 1e3 / n:9.2f}")


if __name__ == "__main__":
    main()
