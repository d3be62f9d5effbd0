#!/usr/bin/env bash
# Runs the AWS SDK for Java v2 peer with its Netty HTTP client, in a JVM of its own (the SDK's Netty client does
# not run on Netty 4.2, which cogsync and the emulator use: aws/aws-sdk-java-v2#6757), against the standalone
# emulator in another JVM. Same workload as the JMH ThroughputBenchmark.
#
#   benchmarks/peer-netty.sh [WRITERS] [DATASETS] [WARMUP_SECONDS] [MEASURE_SECONDS]   (default 256 4 90 30)
set -euo pipefail
cd "$(dirname "$0")/.."
writers=${1:-256}
datasets=${2:-4}
warmup=${3:-90}
measure=${4:-30}
emulator_jar=emulator/target/cogsync-emulator-0.1.0-all.jar
[ -f "$emulator_jar" ] && [ -d benchmarks/target/classes ] || mvn -q -B -ntp -DskipTests package
classpath_file=benchmarks/target/peer-netty.classpath
mvn -q -B -ntp -f benchmarks/peer-netty/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file"

log=$(mktemp)
java -Xms1g -Xmx1g -jar "$emulator_jar" --port 0 > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
    grep -q '^listening on ' "$log" && break
    sleep 0.1
done
endpoint=$(sed -n 's/^listening on //p' "$log" | head -1)
[ -n "$endpoint" ] || { echo "the emulator did not start:" >&2; cat "$log" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
java -Xms1g -Xmx1g -cp "benchmarks/target/classes:$(cat "$classpath_file")" \
    dev.cogsync.benchmarks.peer.SdkLoad "$endpoint" "$writers" "$datasets" "$warmup" "$measure"
