#!/usr/bin/env python3
"""Summarise JMH JSON results that carry a "flop" counter (MatMulBenchmark, PeakFlopsBenchmark).

Prints a Markdown table: GFLOP/s as the median of the measurement iterations with their min-max,
and the median as a percentage of the median of PeakFlopsBenchmark.fmaChains found in the same
files (run the peak in the same session, on the same JVM).

    python3 bench/jmh-flops.py peak.json matmul.json
"""
import json
import statistics
import sys


def rows(paths):
    for path in paths:
        with open(path) as f:
            for result in json.load(f):
                flop = result.get("secondaryMetrics", {}).get("flop")
                if flop is None:
                    continue
                per_iteration = [x for fork in flop["rawData"] for x in fork]
                name = result["benchmark"].rsplit(".", 2)[-2]
                params = result.get("params", {})
                if "pass" in params: params = dict(params, shape=params["pass"])
                yield name, params, result.get("jvm", ""), [x / 1e9 for x in per_iteration]


def main(paths):
    results = list(rows(paths))
    peaks = [statistics.median(g) for name, _, _, g in results if name == "PeakFlopsBenchmark"]
    peak = peaks[0] if peaks else None
    print("| benchmark | shape | kernel | GFLOP/s median (min-max) | % of peak |")
    print("|---|---|---|---|---|")
    for name, params, _, g in results:
        med = statistics.median(g)
        pct = f"{100 * med / peak:.0f}%" if peak else "n/a"
        print(f"| {name} | {params.get('shape', '')} | {params.get('kernel', '')} "
              f"| {med:.1f} ({min(g):.1f}-{max(g):.1f}) | {pct} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
