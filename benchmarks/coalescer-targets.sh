#!/usr/bin/env bash
# Measures the coalescer's targets under throttling, faults, full datasets, contention and many datasets, with the
# load command and the footprint probe, one run after another on this machine. Prints each command and its
# summary; results go to benchmarks/results/coalescer/. About 6 minutes on 2 cores.
#
#   benchmarks/coalescer-targets.sh            # everything
#   benchmarks/coalescer-targets.sh throttle   # one group: throttle, faults, full, contention, datasets, footprint
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/cogsync-benchmarks.jar
emulator_jar=$(ls emulator/target/cogsync-emulator-*-all.jar 2>/dev/null | head -1 || true)
if [ ! -f "$jar" ] || [ -z "$emulator_jar" ]; then
    mvn -q -B -ntp -DskipTests package
    emulator_jar=$(ls emulator/target/cogsync-emulator-*-all.jar | head -1)
fi
out=benchmarks/results/coalescer
mkdir -p "$out"
only=${1:-all}

run() {
    local name=$1
    shift
    echo "\$ java -jar $jar $*"
    java -Xmx4g -jar "$jar" "$@" --json "$out/$name.json" 2>"$out/$name.err" | tee "$out/$name.txt" || true
    echo
}

if [ "$only" = all ] || [ "$only" = throttle ]; then
    # Target: 0 failed, at most 20% of UpdateRecords throttled, at least 256 patches/s.
    run throttle-rps-5 load --throttle-rps 5 --writers 256 --datasets 4 --duration 15s
fi
if [ "$only" = all ] || [ "$only" = faults ]; then
    # 429s whatever the load: nothing may fail.
    run throttle-p30 load --throttle-probability 0.3 --duration 15s
    run throttle-p60 load --throttle-probability 0.6 --duration 15s
fi
if [ "$only" = all ] || [ "$only" = full ]; then
    # 41,024 distinct keys into one dataset: 1,024 fit, 40,000 cannot. Target: at most 2,000 calls.
    run full-dataset load --datasets 1 --writers 256 --keys 41024 --patches 41024 --warmup 0s
fi
if [ "$only" = all ] || [ "$only" = contention ]; then
    # Three JVMs put the same 20 keys of one dataset for 20 s on one standalone emulator. Target: 0 failed.
    java -jar "$emulator_jar" --port 0 > "$out/emulator.log" 2>&1 &
    emulator=$!
    trap 'kill $emulator 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do
        grep -q 'listening on' "$out/emulator.log" && break
        sleep 0.1
    done
    endpoint=$(grep -o 'http://[0-9.:]*' "$out/emulator.log" | head -1)
    for j in 1 2 3; do
        AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY \
            java -jar "$jar" load --endpoint "$endpoint" --datasets 1 --writers 64 --keys 20 --duration 20s \
            --warmup 0s --json "$out/contention-$j.json" > "$out/contention-$j.txt" 2>"$out/contention-$j.err" &
    done
    wait %2 %3 %4 || true
    for j in 1 2 3; do
        echo "\$ java -jar $jar load --endpoint $endpoint --datasets 1 --writers 64 --keys 20 --duration 20s --warmup 0s   # JVM $j of 3"
        cat "$out/contention-$j.txt"
        echo
    done
    kill $emulator 2>/dev/null || true
fi
if [ "$only" = all ] || [ "$only" = datasets ]; then
    # One writer per dataset. Target: 50,000 datasets at least 0.8x the patches/s of 5,000, nothing failed.
    run datasets-5000 load --datasets 5000 --writers 5000 --duration 15s
    run datasets-50000 load --datasets 50000 --writers 50000 --duration 15s
fi
if [ "$only" = all ] || [ "$only" = footprint ]; then
    echo "\$ java -jar $jar footprint 20000"
    java -Xmx4g -jar "$jar" footprint 20000 2>/dev/null | tee "$out/footprint.txt"
fi

python3 benchmarks/coalescer_report.py
