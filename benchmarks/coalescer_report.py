#!/usr/bin/env python3
"""Writes the table of benchmarks/coalescer-targets.sh's results into benchmarks/README.md and README.md.

Reads benchmarks/results/coalescer/*.json (the load command's summaries), latency-*.json (JMH) and footprint.txt,
and replaces the text between the markers <!-- coalescer-targets --> and <!-- /coalescer-targets -->.
"""
import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
results = root / "benchmarks" / "results" / "coalescer"

RUNS = [
    ("throttle-rps-5", "over quota: `load --throttle-rps 5 --writers 256 --datasets 4 --duration 15s`",
     "0 failed, <= 20% of calls throttled, >= 256 patches/s"),
    ("throttle-p30", "30% random 429s: `load --throttle-probability 0.3 --duration 15s`", "0 failed"),
    ("throttle-p60", "60% random 429s: `load --throttle-probability 0.6 --duration 15s`", "0 failed"),
    ("full-dataset", "full dataset: `load --datasets 1 --writers 256 --keys 41024 --patches 41024 --warmup 0s`",
     "<= 2,000 calls"),
    ("contention-1", "contention, JVM 1 of 3 (`load --endpoint ... --datasets 1 --writers 64 --keys 20 "
     "--duration 20s --warmup 0s`)", "0 failed"),
    ("contention-2", "contention, JVM 2 of 3", "0 failed"),
    ("contention-3", "contention, JVM 3 of 3", "0 failed"),
    ("datasets-5000", "5,000 datasets, one writer each: `load --datasets 5000 --writers 5000 --duration 15s`", ""),
    ("datasets-50000", "50,000 datasets, one writer each: `load --datasets 50000 --writers 50000 --duration 15s`",
     ">= 0.8x the 5,000 run, 0 failed"),
]


def load(name):
    path = results / (name + ".json")
    return json.loads(path.read_text()) if path.exists() else None


def targets_table():
    rows = ["| run | patches/s | failed | UpdateRecords | throttled | ListRecords | p50 ms | p99 ms | target |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, label, target in RUNS:
        d = load(name)
        if d is None:
            continue
        calls = d["updateRecordsCalls"]
        throttled = "%d (%.0f%%)" % (d["throttled"], 100.0 * d["throttled"] / max(1, calls + d["listRecordsCalls"]))
        lat = d.get("latencyMillis") or {}
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            label, "{:,.1f}".format(d["patchesPerSecond"]), "{:,}".format(d["patchesFailed"]), "{:,}".format(calls),
            throttled, "{:,}".format(d["listRecordsCalls"]), "{:,.1f}".format(lat.get("p50", 0)),
            "{:,.1f}".format(lat.get("p99", 0)), target))
    small, large = load("datasets-5000"), load("datasets-50000")
    if small and large:
        rows.append("")
        rows.append("50,000 datasets ran at **%.2fx** the patches/s of 5,000." % (
            large["patchesPerSecond"] / small["patchesPerSecond"]))
    full = load("full-dataset")
    if full:
        rows.append("The full dataset cost **%s calls** (%s UpdateRecords, %s ListRecords) for %s writes." % (
            "{:,}".format(full["updateRecordsCalls"] + full["listRecordsCalls"]),
            "{:,}".format(full["updateRecordsCalls"]), "{:,}".format(full["listRecordsCalls"]),
            "{:,}".format(full["patchesSubmitted"])))
    return "\n".join(rows)


def latency_table():
    rows = ["| run | writer p50 (µs) | plain client p50 (µs) | writer / plain | writer p99 | plain p99 |",
            "|---|---:|---:|---:|---:|---:|"]
    for run in (1, 2, 3):
        path = results / ("latency-%d.json" % run)
        if not path.exists():
            continue
        by = {b["params"]["client"]: b["primaryMetric"]["scorePercentiles"] for b in json.loads(path.read_text())}
        m, p = by["managed"], by["plain"]
        rows.append("| %d | %.1f | %.1f | %.2fx | %.1f | %.1f |" % (run, m["50.0"], p["50.0"], m["50.0"] / p["50.0"],
                                                                    m["99.0"], p["99.0"]))
    return "\n".join(rows)


def replace(path, body):
    text = path.read_text()
    new = re.sub(r"<!-- coalescer-targets -->.*?<!-- /coalescer-targets -->",
                 lambda m: "<!-- coalescer-targets -->\n" + body + "\n<!-- /coalescer-targets -->", text, flags=re.S)
    path.write_text(new)


def main():
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                            text=True).stdout.strip()
    footprint = (results / "footprint.txt").read_text().strip() if (results / "footprint.txt").exists() else "-"
    body = ("Commit %s.\n\n" % commit + targets_table() + "\n\nFootprint: " + footprint
            + "\n\nLatency of a lone write:\n\n" + latency_table())
    replace(root / "benchmarks" / "README.md", body)
    replace(root / "README.md", targets_table())


if __name__ == "__main__":
    sys.exit(main())
