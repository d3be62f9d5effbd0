#!/usr/bin/env bash
# The sample simulation against the standalone emulator, in a JVM of its own, as a load test against a remote
# endpoint runs. After `mvn -B -ntp install` (which builds the emulator's jar and the simulation):
#
#   gatling/standalone.sh throttled [P]   the sample without faults, then with a 429 for a fraction P of requests
#                                         (default 0.3): throttling must show as latency, not as KOs
#   gatling/standalone.sh injectors       two injectors (cogsync.injector.index 0 and 1 of 2) at once against one
#                                         emulator: their datasets must be disjoint, and the patches the emulator
#                                         applied must equal the sum of their OK writes
#
# Extra arguments after the first two are passed to each Gatling run, e.g. -Dcogsync.users=100.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?usage: gatling/standalone.sh throttled [P] | injectors}
shift
. emulator/standalone-emulator.sh
work=$(mktemp -d)
emulator=
trap '[ -n "$emulator" ] && kill "$emulator" 2>/dev/null; rm -rf "$work"' EXIT
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1

# Runs the sample against $endpoint; its console output goes to the file $1.
run() {
    local out=$1
    shift
    mvn -B -ntp -o -q -pl gatling gatling:test -Dcogsync.endpoint="$endpoint" "$@" > "$out" 2>&1 \
        && echo "assertions: passed" >> "$out" || echo "assertions: FAILED" >> "$out"
}

# The last of Gatling's console reports in a run's output (they are cumulative): its requests and errors.
final() {
    awk '/^=====+$/ { if (block ~ /---- Requests/) last = block; block = "" }
         { block = block $0 "\n" }
         END { printf "%s", last }' "$1"
}

# The OK count of a request in a run's final report: column 3 of its '> NAME |' line.
ok() {
    final "$1" | grep -E "^> $2 +\|" | awk -F'|' '{gsub(/[ ,]/, "", $3); print $3}'
}

summary() {
    grep -E '^cogsync: datasets' "$1" | cut -c1-160
    final "$1" | grep -E '^> |^---- '
    grep -E 'count of|percentile of|^assertions' "$1"
}

case "$what" in
throttled)
    p=${1:-0.3}
    [ $# -gt 0 ] && shift
    for faults in "" "--fault-throttled $p"; do
        # shellcheck disable=SC2086
        start_emulator "$work/emulator.log" $faults
        echo "== standalone emulator ${faults:-without faults} at $endpoint"
        run "$work/run.log" -Dcogsync.p99=30s "$@"
        summary "$work/run.log"
        stop_emulator "$work/emulator.log"
    done
    ;;
injectors)
    start_emulator "$work/emulator.log"
    echo "== two injectors against the standalone emulator at $endpoint"
    run "$work/injector-0.log" -Dcogsync.injector.index=0 -Dcogsync.injector.count=2 "$@" &
    first=$!
    run "$work/injector-1.log" -Dcogsync.injector.index=1 -Dcogsync.injector.count=2 "$@" &
    second=$!
    wait "$first" "$second"
    total=0
    for i in 0 1; do
        echo "-- injector $i"
        summary "$work/injector-$i.log"
        writes=$(( $(ok "$work/injector-$i.log" put) + $(ok "$work/injector-$i.log" "edit: first") \
            + $(ok "$work/injector-$i.log" edit) ))
        echo "OK writes (put + edit: first + edit): $writes"
        total=$(( total + writes ))
    done
    datasets0=$(sed -n 's/^cogsync: datasets \[\(.*\)\]/\1/p' "$work/injector-0.log" | tr -d ' ' | tr ',' '\n' | sort)
    datasets1=$(sed -n 's/^cogsync: datasets \[\(.*\)\]/\1/p' "$work/injector-1.log" | tr -d ' ' | tr ',' '\n' | sort)
    shared=$(comm -12 <(echo "$datasets0") <(echo "$datasets1") | wc -l)
    echo "datasets shared by the two injectors: $shared"
    stop_emulator "$work/emulator.log" > "$work/stopped"
    line=$(cat "$work/stopped")
    echo "emulator: $line"
    applied=$(echo "$line" | sed -n 's/.*applied-patches=\([0-9]*\).*/\1/p')
    echo "sum of OK writes: $total; patches applied: $applied"
    [ "$shared" -eq 0 ] && [ "$total" -eq "$applied" ] && echo "two injectors: PASS" || { echo "two injectors: FAIL"; exit 1; }
    ;;
*)
    echo "usage: gatling/standalone.sh throttled [P] | injectors" >&2
    exit 2
    ;;
esac
