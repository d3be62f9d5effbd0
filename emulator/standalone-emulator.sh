# Sourced by the scripts that run load against the standalone emulator in a JVM of its own
# (benchmarks/separate-jvms.sh, gatling/standalone.sh). After `mvn install` or `mvn package`:
#
#   . emulator/standalone-emulator.sh
#   start_emulator LOG [OPTION...]   starts it on a free port, logging to LOG; sets $emulator (its pid) and
#                                    $endpoint (http://127.0.0.1:PORT), or exits when it does not start
#   stop_emulator LOG                stops it (SIGTERM) and prints its last line, what it applied:
#                                    stopped: applied-patches=N update-records-calls=N throttled=N requests=N

emulator_jar=emulator/target/cogsync-emulator-0.1.0-all.jar

start_emulator() {
    local log=$1
    shift
    [ -f "$emulator_jar" ] || { echo "no $emulator_jar: build it with mvn -B -ntp install" >&2; exit 1; }
    java -Xms1g -Xmx1g -jar "$emulator_jar" --port 0 "$@" > "$log" 2>&1 &
    emulator=$!
    for _ in $(seq 100); do
        grep -q '^listening on ' "$log" && break
        sleep 0.1
    done
    endpoint=$(sed -n 's/^listening on //p' "$log" | head -1)
    [ -n "$endpoint" ] || { echo "the emulator did not start:" >&2; cat "$log" >&2; exit 1; }
}

stop_emulator() {
    local log=$1
    kill -TERM "$emulator"
    wait "$emulator" || true
    emulator=
    grep '^stopped:' "$log" || { echo "the emulator did not say what it applied" >&2; exit 1; }
}
