#!/usr/bin/env bash
# Runs the clients each in a JVM of its own against the standalone emulator in another JVM: the AWS SDK for Java
# v2 with its Netty HTTP client (which does not run on Netty 4.2, the Netty of cogsync and the emulator:
# aws/aws-sdk-java-v2#6757, so it cannot be measured in the JMH run), the SDK with its CRT client, and cogsync's
# coalescer through the load command. Same workload as the JMH ThroughputBenchmark; 90 s of warm-up each.
#
#   benchmarks/separate-jvms.sh [WRITERS] [DATASETS] [WARMUP_SECONDS] [MEASURE_SECONDS]   (default 256 4 90 30)
set -euo pipefail
cd "$(dirname "$0")/.."
writers=${1:-256}
datasets=${2:-4}
warmup=${3:-90}
measure=${4:-30}
benchmarks_jar=benchmarks/target/cogsync-benchmarks.jar
. emulator/standalone-emulator.sh
[ -f "$emulator_jar" ] && [ -f "$benchmarks_jar" ] || mvn -q -B -ntp -DskipTests package
classpath_file=benchmarks/target/sdk-netty.classpath
mvn -q -B -ntp -f benchmarks/sdk-netty/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file"

# The figures also go to a file beside the JMH results, with when, where and what was measured.
results=benchmarks/results/separate-jvms
mkdir -p "$results"
exec > >(tee "$results/summary.txt")
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# benchmarks/separate-jvms.sh $writers $datasets $warmup $measure"

log=$(mktemp)
emulator=
trap 'kill $emulator 2>/dev/null || true; rm -f "$log"' EXIT
start_emulator "$log"

export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
# The SDK with its Netty client: the SDK and Netty 4.1, nothing of cogsync's Netty 4.2.
# Its classes, the workload model and core from the build; the SDK, Reactor's core and Jackson's from Maven.
java -Xms1g -Xmx1g -cp "benchmarks/target/classes:workload/target/classes:core/target/classes:$(cat "$classpath_file")" \
    dev.cogsync.benchmarks.peer.SdkLoad "$endpoint" "$writers" "$datasets" "${warmup}s" "${measure}s"
# The SDK with its CRT client, from the benchmarks jar (which has no Netty client of the SDK's).
java -Xms1g -Xmx1g -cp "$benchmarks_jar" \
    dev.cogsync.benchmarks.peer.SdkLoad "$endpoint" "$writers" "$datasets" "${warmup}s" "${measure}s"
# cogsync's coalescer (managed puts), each writer owning one key, 32-byte values.
keys=$(( (writers + datasets - 1) / datasets ))
rate=$(java -Xms1g -Xmx1g -jar "$benchmarks_jar" load --endpoint "$endpoint" --writers "$writers" \
    --datasets "$datasets" --keys "$keys" --value-bytes 32 --warmup "${warmup}s" --duration "${measure}s" \
    2>/dev/null | sed -n 's/^ *patches\/s *//p' | tr -d ,)
echo "cogsync coalesced writers=$writers datasets=$datasets warmup=${warmup}s measured=${measure}s patches/s=$rate"
