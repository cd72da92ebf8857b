#!/usr/bin/env bash
# Start-up benchmark: time from process start to the first `GET /healthz` answered 200, for
#   ombuds:  java -jar target/ombuds.jar serve --data DIR --port P   (an office made once by `init`)
#   bare:    java -cp target/ombuds.jar:target/test-classes org.ombuds.bench.BareJavalin P
#            (a bare Javalin 7 answering /healthz, from the same jar, so both pay for the same jar)
# Runs each N times, alternating, polls /healthz with curl every 10 ms, and prints the median and
# p90 of both and the ratio of the medians (DESIGN target: ombuds at most 1.3 x bare).
#
# Builds nothing. Build first:
#   ./mvnw -q -B -DskipTests package && ./mvnw -q -B test-compile
# Usage: scripts/bench-startup.sh [RUNS]        (default 10; needs curl)
# Env:   BENCH_PORT (default 18181; ombuds uses it, bare uses it + 1), BENCH_DIR (where the
#        scratch office goes; default a new temporary directory, removed at the end),
#        BENCH_JAVA_OPTS (extra JVM options for both).
# Listens on 127.0.0.1 only.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
ombuds_find_jdk || exit 1
java="$JAVA_HOME/bin/java"

runs=${1:-10}
port=${BENCH_PORT:-18181}
bare_port=$((port + 1))
jar="$root/target/ombuds.jar"
test_classes="$root/target/test-classes"
# shellcheck disable=SC2206 # word splitting of the options is intended
java_opts=(--enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-})

die() {
  echo "bench-startup: $*" >&2
  exit 1
}
[ -f "$jar" ] || die "$jar is missing: run ./mvnw -q -B -DskipTests package first."
[ -f "$test_classes/org/ombuds/bench/BareJavalin.class" ] ||
  die "BareJavalin is not compiled: run ./mvnw -q -B test-compile first."
command -v curl >/dev/null || die "curl is needed."
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number."

healthy() {
  curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$1/healthz" 2>/dev/null
}
for p in "$port" "$bare_port"; do
  ! healthy "$p" || die "something already answers on 127.0.0.1:$p: set BENCH_PORT."
done

made_dir=false
if [ -z "${BENCH_DIR:-}" ]; then
  BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ombuds-bench-startup.XXXXXX")
  made_dir=true
fi
data="$BENCH_DIR/office"
out="$BENCH_DIR/out"
mkdir -p "$out"
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if $made_dir; then
    rm -rf "$BENCH_DIR"
  fi
}
trap cleanup EXIT

if [ ! -d "$data" ]; then
  OMBUDS_PASSPHRASE="bench passphrase 123" \
    "$java" "${java_opts[@]}" -jar "$jar" init --data "$data" --username bench >"$out/init.log" 2>&1 ||
    { cat "$out/init.log" >&2; die "ombuds init failed."; }
fi

now_ms() {
  local ns
  ns=$(date +%s%N)
  echo $((ns / 1000000))
}

# One start: $1 = label, $2 = port, the rest = the command. Sets last_ms to the milliseconds
# from launch to the first 200.
last_ms=0
time_start() {
  local label=$1 p=$2 start
  shift 2
  start=$(now_ms)
  "$@" >"$out/$label.log" 2>&1 &
  pid=$!
  until healthy "$p"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$out/$label.log" >&2
      die "$label exited before answering /healthz."
    fi
    if [ $(($(now_ms) - start)) -gt 60000 ]; then
      die "$label did not answer /healthz within 60 s."
    fi
    sleep 0.01
  done
  last_ms=$(($(now_ms) - start))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

ombuds_ms=()
bare_ms=()
for ((i = 1; i <= runs; i++)); do
  time_start ombuds "$port" "$java" "${java_opts[@]}" -jar "$jar" \
    serve --data "$data" --port "$port"
  ombuds_ms+=("$last_ms")
  time_start bare "$bare_port" "$java" "${java_opts[@]}" \
    -cp "$jar:$test_classes" org.ombuds.bench.BareJavalin "$bare_port"
  bare_ms+=("$last_ms")
  echo "run $i/$runs: ombuds ${ombuds_ms[-1]} ms, bare ${bare_ms[-1]} ms" >&2
done

# Nearest-rank percentile of the numbers on stdin: $1 = percent.
percentile() {
  sort -n | awk -v q="$1" '{ v[NR] = $1 } END { i = int((q * NR + 99) / 100); if (i < 1) i = 1; print v[i] }'
}
om_med=$(printf '%s\n' "${ombuds_ms[@]}" | percentile 50)
om_p90=$(printf '%s\n' "${ombuds_ms[@]}" | percentile 90)
ba_med=$(printf '%s\n' "${bare_ms[@]}" | percentile 50)
ba_p90=$(printf '%s\n' "${bare_ms[@]}" | percentile 90)

echo "start-up to first /healthz 200, $runs runs each, $("$java" -version 2>&1 | head -1)"
printf '%-8s median %6d ms   p90 %6d ms   (all: %s)\n' ombuds "$om_med" "$om_p90" "${ombuds_ms[*]}"
printf '%-8s median %6d ms   p90 %6d ms   (all: %s)\n' bare "$ba_med" "$ba_p90" "${bare_ms[*]}"
awk -v o="$om_med" -v b="$ba_med" -v op="$om_p90" -v bp="$ba_p90" 'BEGIN {
  r = o / b
  printf "ratio    median %.2f x   p90 %.2f x   (target: at most 1.30 x) %s\n", r, op / bp, (r <= 1.3 ? "MET" : "MISSED")
}'
