#!/usr/bin/env bash
# Runs the JMH suite against the in-process emulator and writes the results table into benchmarks/README.md.
#
#   benchmarks/run.sh quick   # the headline comparisons, 20 s of warm-up each: under 6 minutes on 2 cores
#   benchmarks/run.sh fair    # the same comparisons with 90 s of warm-up each, as the AWS SDK needs (~28 min)
#   benchmarks/run.sh full    # the whole matrix, with 90 s of warm-up per configuration (about 1h45)
#
# Every comparison of one mode runs in ONE JMH run (one JSON file), so only ratios within it are compared.
set -euo pipefail
mode=${1:-quick}
cd "$(dirname "$0")/.."
jar=benchmarks/target/cogsync-benchmarks.jar
if [ ! -f "$jar" ]; then
    mvn -q -B -ntp -DskipTests package
fi
out=benchmarks/results/$mode
mkdir -p "$out"
# A fixed heap and young generation, touched up front: GC sizing must not drift during a measurement.
jvm="-Xms2g -Xmx2g -Xmn1g -XX:+AlwaysPreTouch"

case "$mode" in
quick)
    # The headline configurations only, with the same 20 s of warm-up for every driver. Throughput here
    # plateaus after 20-25 s (the AWS SDK after 60-100 s, which flatters cogsync), so quick mode is a check of
    # the ratios; full mode gives each driver 90 s.
    java -jar "$jar" 'ThroughputBenchmark|CeilingBenchmark|LatencyBenchmark' \
        -p driver=managed,explicit,plain,peer -p writers=256 -p datasets=4 \
        -p batch=64,100 -p inFlight=4 -p client=managed,plain,peer,ceiling \
        -f 1 -wi 5 -w 4s -i 4 -r 1s -jvmArgs "$jvm" \
        -rf json -rff "$out/comparison.json" | tee "$out/comparison.log"
    java -jar "$jar" 'ClientCpuBenchmark' -p batch=1,100 \
        -f 1 -wi 2 -w 1s -i 2 -r 1s -prof gc -jvmArgs "$jvm" \
        -rf json -rff "$out/cpu.json" | tee "$out/cpu.log"
    ;;
fair)
    # The headline configurations with the warm-up the AWS SDK needs to reach its steady rate (60-100 s of load
    # on 2 cores; in its first minute it runs at half of it). The single-patch ceiling shows what one
    # UpdateRecords per patch can reach at all. No CPU run: it does not depend on the peer's warm-up.
    java -jar "$jar" 'ThroughputBenchmark|CeilingBenchmark|LatencyBenchmark' \
        -p driver=managed,explicit,plain,peer -p writers=256 -p datasets=4 \
        -p batch=1,64,100 -p inFlight=4,64 -p client=managed,plain,peer,ceiling \
        -f 1 -wi 9 -w 10s -i 5 -r 4s -jvmArgs "$jvm" \
        -rf json -rff "$out/comparison.json" | tee "$out/comparison.log"
    python3 benchmarks/report.py "$mode" "$out/comparison.json" - benchmarks/README.md
    exit 0
    ;;
full)
    java -jar "$jar" 'ThroughputBenchmark|CeilingBenchmark|LatencyBenchmark' \
        -f 1 -wi 9 -w 10s -i 5 -r 6s -jvmArgs "$jvm" \
        -rf json -rff "$out/comparison.json" | tee "$out/comparison.log"
    java -jar "$jar" 'ClientCpuBenchmark' -f 2 -wi 5 -w 2s -i 5 -r 2s -prof gc -jvmArgs "$jvm" \
        -rf json -rff "$out/cpu.json" | tee "$out/cpu.log"
    ;;
*)
    echo "usage: benchmarks/run.sh quick|fair|full" >&2
    exit 2
    ;;
esac

python3 benchmarks/report.py "$mode" "$out/comparison.json" "$out/cpu.json" benchmarks/README.md
