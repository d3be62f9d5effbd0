#!/usr/bin/env python3
"""Turns the JMH JSON of benchmarks/run.sh into the results section of benchmarks/README.md.

Usage: report.py MODE COMPARISON_JSON CPU_JSON|- README

Everything compared comes from one JMH run (COMPARISON_JSON): only ratios within it are reported as targets.
The section sits between the markers below and is replaced on every run; the rest of the README is kept.
"""
import datetime
import json
import os
import platform
import re
import subprocess
import sys

# One section per mode, so the quick, fair and full results can stand side by side.
START = "<!-- jmh-results-{mode}:start -->"
END = "<!-- jmh-results-{mode}:end -->"
# The warm-up the AWS SDK needs on the development machine before it runs at its steady rate.
FAIR_WARMUP_SECONDS = 90
TITLES = {
    "quick": "Results (quick mode)",
    "fair": "Results (fair mode: the headline comparisons with 90 s of warm-up each)",
    "full": "Results (full mode)",
}


def load(path):
    with open(path) as f:
        return json.load(f)


def name(entry):
    return entry["benchmark"].rsplit(".", 2)[-2]


def params(entry):
    return entry.get("params", {})


def secondary(entry, key):
    metric = entry.get("secondaryMetrics", {}).get(key)
    return metric["score"] if metric else None


def secondary_error(entry, key):
    metric = entry.get("secondaryMetrics", {}).get(key)
    return metric["scoreError"] if metric else None


def fmt(value, digits=0):
    if not isinstance(value, (int, float)) or value != value:
        return "n/a"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            mem = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return cpu, os.cpu_count(), mem, platform.system() + " " + platform.release(), commit


def run_settings(entries):
    e = entries[0]
    return (f"JMH {e.get('jmhVersion', '?')}, {e.get('jdkVersion', '?')} ({e.get('vmName', '?')}); "
            f"{e['forks']} fork per configuration; warm-up {e['warmupIterations']} x {e['warmupTime']}; "
            f"measurement {e['measurementIterations']} x {e['measurementTime']}; JVM `{' '.join(e.get('jvmArgs', []))}`")


def warmup_seconds(entries):
    """Seconds of warm-up each configuration of the run had, from JMH's "4 s"-style times."""
    e = entries[0]
    value, unit = e["warmupTime"].split()
    return e["warmupIterations"] * float(value) * {"ms": 0.001, "s": 1, "min": 60}[unit]


def status(ok):
    return "**met**" if ok else "**missed**"


def main():
    mode, comparison_path, cpu_path, readme = sys.argv[1:5]
    start, end = START.format(mode=mode), END.format(mode=mode)
    comparison = load(comparison_path)
    cpu = load(cpu_path) if cpu_path != "-" else []  # "-": no CPU run (fair mode measures only the comparisons)
    cpu_name, cores, mem, system, commit = machine()
    # When the comparison run wrote its results, so that regenerating the table does not move the date.
    now = datetime.datetime.fromtimestamp(os.path.getmtime(comparison_path), datetime.timezone.utc) \
        .strftime("%Y-%m-%d %H:%M UTC")

    throughput = [e for e in comparison if name(e) == "ThroughputBenchmark"]
    ceiling = [e for e in comparison if name(e) == "CeilingBenchmark"]
    latency = [e for e in comparison if name(e) == "LatencyBenchmark"]

    def tput(driver, writers, datasets):
        for e in throughput:
            p = params(e)
            if p["driver"] == driver and p["writers"] == str(writers) and p["datasets"] == str(datasets):
                return secondary(e, "patches")
        return None

    def ceil(batch, in_flight):
        for e in ceiling:
            p = params(e)
            if p["batch"] == str(batch) and p["inFlight"] == str(in_flight):
                return secondary(e, "patches")
        return None

    def lat(client, percentile):
        for e in latency:
            if params(e)["client"] == client:
                return e["primaryMetric"]["scorePercentiles"][percentile]
        return None

    lines = [start, "", f"## {TITLES.get(mode, f'Results ({mode} mode)')}", ""]
    lines.append(f"Measured {now} on {cpu_name}, {cores} cores, {mem}, {system}; commit `{commit}`. "
                 "The emulator runs in the benchmark's JVM, on loopback, with SigV4 checking on; values are "
                 "32 bytes; each writer owns one key and writes it again as soon as its last write is "
                 "acknowledged.")
    lines.append("")
    lines.append(f"- Comparison run: {run_settings(comparison)}.")
    if cpu:
        lines.append(f"- CPU run: {run_settings(cpu)}, with `-prof gc`.")
    lines.append(f"- Reproduce: `mvn -q -B -ntp -DskipTests package && benchmarks/run.sh {mode}`")
    lines.append("")
    lines.append("### Throughput, acknowledged patches per second")
    lines.append("")
    lines.append("| driver | writers | datasets | patches/s | ± (99.9%) | UpdateRecords/s | patches per request "
                 "| x peer |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for e in sorted(throughput, key=lambda e: (["managed", "explicit", "plain", "peer"].index(params(e)["driver"]),
                                               int(params(e)["writers"]), int(params(e)["datasets"]))):
        p = params(e)
        patches, requests = secondary(e, "patches"), secondary(e, "updateRecords")
        per_request = patches / requests if patches and requests else None
        same_peer = tput("peer", p["writers"], p["datasets"])
        vs_peer = f"{patches / same_peer:,.1f}x" if patches and same_peer else "-"
        lines.append(f"| {p['driver']} | {p['writers']} | {p['datasets']} | {fmt(patches)} | "
                     f"{fmt(secondary_error(e, 'patches'))} | {fmt(requests)} | {fmt(per_request, 1)} | {vs_peer} |")
    for e in sorted(ceiling, key=lambda e: (int(params(e)["batch"]), int(params(e)["inFlight"]))):
        p = params(e)
        lines.append(f"| ceiling, {p['batch']} per request | - | {p['inFlight']} in flight | "
                     f"{fmt(secondary(e, 'patches'))} | {fmt(secondary_error(e, 'patches'))} | "
                     f"{fmt(secondary(e, 'updateRecords'))} | {p['batch']} | - |")
    lines.append("")
    lines.append("Drivers: **managed** and **explicit** are the coalescer (`put`, and `submit` with the caller's "
                 "sync count); **plain** is the cogsync client, one UpdateRecords per patch; **peer** is the AWS "
                 "SDK for Java v2 `CognitoSyncAsyncClient` on its CRT HTTP client, one UpdateRecords per patch; "
                 "**ceiling** is raw Reactor Netty POSTs of pre-built bodies, with no client logic.")
    lines.append("")

    lines.append("### Latency, one patch at concurrency 1")
    lines.append("")
    lines.append("| client | p50 (µs) | p99 (µs) | samples | p50 x ceiling | p99 x ceiling |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for e in latency:
        pc = e["primaryMetric"]["scorePercentiles"]
        histogram = e["primaryMetric"].get("rawDataHistogram", [])
        samples = sum(count for fork in histogram for iteration in fork for _, count in iteration)
        c50, c99 = lat("ceiling", "50.0"), lat("ceiling", "99.0")
        lines.append(f"| {params(e)['client']} | {fmt(pc['50.0'], 1)} | {fmt(pc['99.0'], 1)} | {fmt(samples)} | "
                     f"{pc['50.0'] / c50:.2f}x | {pc['99.0'] / c99:.2f}x |" if c50 and c99 else
                     f"| {params(e)['client']} | {fmt(pc['50.0'], 1)} | {fmt(pc['99.0'], 1)} | {fmt(samples)} | - | - |")
    lines.append("")

    cpu_per_patch = {}
    alloc_per_patch = {}
    if cpu:
        lines.append("### Client CPU and allocation (no I/O)")
        lines.append("")
        lines.append("| operation | patches per request | ns per request | ns per patch | bytes allocated per patch |")
        lines.append("|---|---:|---:|---:|---:|")
        for e in sorted(cpu, key=lambda e: (e["benchmark"], int(params(e)["batch"]))):
            batch = int(params(e)["batch"])
            ns = e["primaryMetric"]["score"]
            alloc = secondary(e, "gc.alloc.rate.norm")
            op = e["benchmark"].rsplit(".", 1)[-1]
            cpu_per_patch[(op, batch)] = ns / batch
            alloc_per_patch[(op, batch)] = alloc / batch if alloc is not None else None
            lines.append(f"| {op} | {batch} | {fmt(ns)} | {fmt(ns / batch)} | "
                         f"{fmt(alloc / batch if alloc is not None else None)} |")
        lines.append("")

    lines.append("### Targets, as ratios within the comparison run")
    lines.append("")
    lines.append("| target | measured | status |")
    lines.append("|---|---|---|")
    managed, explicit, peer = tput("managed", 256, 4), tput("explicit", 256, 4), tput("peer", 256, 4)
    warmup = warmup_seconds(comparison)
    if managed and explicit and peer:
        verdict = status(min(managed, explicit) / peer >= 50)
        if warmup < FAIR_WARMUP_SECONDS:
            verdict += (f" with {warmup:.0f} s of warm-up, short of the {FAIR_WARMUP_SECONDS} s the SDK needs: "
                        "this ratio flatters cogsync, see the fair mode")
        lines.append(f"| coalescer >= 50x the peer, 256 writers over 4 datasets | managed {managed / peer:,.0f}x, "
                     f"explicit {explicit / peer:,.0f}x | {verdict} |")
    managed_entry = next((e for e in throughput if params(e) == {"driver": "managed", "writers": "256",
                                                                   "datasets": "4"}), None)
    batch = None
    if managed_entry is not None and secondary(managed_entry, "updateRecords"):
        batch = secondary(managed_entry, "patches") / secondary(managed_entry, "updateRecords")
    ceilings = sorted({int(params(e)["batch"]) for e in ceiling if params(e)["inFlight"] == "4"})
    if batch and ceilings and managed and explicit:
        comparable = min(ceilings, key=lambda b: abs(b - batch))
        c = ceil(comparable, 4)
        lines.append(f"| coalescer >= 0.5x the ceiling at a comparable batch: {comparable} patches per request, 4 in "
                     f"flight (the coalescer sent {batch:.0f} per request, 4 datasets in flight) | managed "
                     f"{managed / c:.2f}x, explicit {explicit / c:.2f}x | {status(min(managed, explicit) / c >= 0.5)} |")
        for other in ceilings:
            if other != comparable and ceil(other, 4):
                o = ceil(other, 4)
                lines.append(f"| (reference, not the coalescer's batch) the ceiling at {other} patches per "
                             f"request | managed {managed / o:.2f}x, explicit {explicit / o:.2f}x | - |")
        if peer and c:
            lines.append(f"| (reference: the bound on the first target) the ceiling at {comparable} patches per "
                         f"request, with no client logic, against the peer | {c / peer:,.0f}x | - |")
        single = max((ceil(1, f) or 0 for f in (4, 64)), default=0)
        if peer and single:
            lines.append(f"| (reference) the peer against the best single-patch ceiling (1 patch per request, no "
                         f"client logic) | {peer / single:.2f}x | - |")
    lm, lc, lp = lat("managed", "50.0"), lat("ceiling", "50.0"), lat("peer", "50.0")
    if lm and lc and lp:
        lines.append(f"| single-patch p50 <= 1.3x the ceiling, and below the peer | {lm:.0f} µs = {lm / lc:.2f}x "
                     f"the ceiling ({lc:.0f} µs); peer {lp:.0f} µs | {status(lm / lc <= 1.3 and lm < lp)} |")
    cpu100 = cpu_per_patch.get(("encodeSignDecode", 100))
    if cpu100 is not None:
        lines.append(f"| client CPU <= 3 µs per patch at batch 100 (encode, sign, decode) | {cpu100 / 1000:.2f} µs "
                     f"| {status(cpu100 <= 3000)} |")
    alloc100 = alloc_per_patch.get(("encodeSignDecode", 100))
    if alloc100 is not None:
        lines.append(f"| allocation <= 1 KB per patch (encode, sign, decode at batch 100) | {alloc100:,.0f} bytes "
                     f"| {status(alloc100 <= 1024)} |")
    lines.append("")
    lines.append(end)
    section = "\n".join(lines) + "\n"

    text = open(readme).read() if os.path.exists(readme) else "# cogsync benchmarks\n"
    if start in text and end in text:
        text = text[:text.index(start)] + section.rstrip("\n") + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(readme, "w") as f:
        f.write(text)
    print(section)


if __name__ == "__main__":
    main()
