#!/usr/bin/env bash
# Case-read throughput benchmark (DESIGN target: "case read over HTTP (logged in, GET one case): at
# least 50 % of the requests per second of a bare Javalin server answering a small JSON on the same
# machine in the same run; p99 under 10 ms at 50 concurrent clients"), and the resident set of the
# ombuds process under that load (target: under 256 MB).
#
# Starts, as two separate processes on 127.0.0.1, both from the same jar:
#   ombuds:  java --enable-native-access=ALL-UNNAMED [BENCH_JAVA_OPTS] -jar target/ombuds.jar serve
#            (a new office made by `init`, then over the API: login, one case with 2 persons and
#            10 notes of about 300 characters)
#   bare:    java --enable-native-access=ALL-UNNAMED -cp target/ombuds.jar:target/test-classes
#            org.ombuds.bench.BareJavalin (GET /healthz answering {"status":"ok"})
# then loads them in turn with wrk (50 connections, 2 threads, DURATION seconds each), ombuds on
# GET /api/v1/cases/{id} with the bearer token: a warm-up run of each (not counted), then ROUNDS
# rounds, the order alternating from round to round. Prints each run's requests/s, p50 and p99 (as
# wrk measures them: from the client, uncorrected for coordinated omission), the loaded server's
# CPU (cores, and microseconds per request), the load average and the CPU that other processes
# took meanwhile (in cores: the load average cannot tell, since the servers' own threads raise
# it); then the ratio of the mean requests/s, and ombuds' resident set (VmRSS sampled every 0.5 s
# during its runs, and VmHWM, the peak, at the end).
#
# Builds nothing. Build first:
#   ./mvnw -q -B -DskipTests package && ./mvnw -q -B test-compile
# Usage: scripts/bench-case-read.sh [ROUNDS [DURATION]]   (defaults 2 and 20; needs curl and wrk:
#        apt-get install -y wrk)
# Env:   BENCH_PORT (default 18281; ombuds uses it, bare uses it + 1), BENCH_DIR (scratch; default a
#        new temporary directory, removed at the end), BENCH_JAVA_OPTS (JVM options for ombuds
#        only; default the launcher's "-Xmx192m -XX:+UseSerialGC"; "-Xmx4g" for the JVM's own
#        sizing), BENCH_CONNECTIONS
#        (default 50), BENCH_WARMUP (seconds of the uncounted first run of each; default 30: the
#        JIT needs that long on 2 cores under this load).
# Listens on 127.0.0.1 only.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
ombuds_find_jdk || exit 1
java="$JAVA_HOME/bin/java"

rounds=${1:-2}
duration=${2:-20}
conns=${BENCH_CONNECTIONS:-50}
warmup=${BENCH_WARMUP:-30}
port=${BENCH_PORT:-18281}
bare_port=$((port + 1))
jar="$root/target/ombuds.jar"
test_classes="$root/target/test-classes"
# shellcheck disable=SC2206 # word splitting of the options is intended
ombuds_opts=(--enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:--Xmx192m -XX:+UseSerialGC})
bare_opts=(--enable-native-access=ALL-UNNAMED)
passphrase="bench passphrase 123"

die() {
  echo "bench-case-read: $*" >&2
  exit 1
}
[ -f "$jar" ] || die "$jar is missing: run ./mvnw -q -B -DskipTests package first."
[ -f "$test_classes/org/ombuds/bench/BareJavalin.class" ] ||
  die "BareJavalin is not compiled: run ./mvnw -q -B test-compile first."
command -v curl >/dev/null || die "curl is needed."
command -v wrk >/dev/null || die "wrk is needed (apt-get install -y wrk)."
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive number."
[[ $duration =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive number of seconds."

healthy() {
  curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$1/healthz" 2>/dev/null
}
for p in "$port" "$bare_port"; do
  ! healthy "$p" || die "something already answers on 127.0.0.1:$p: set BENCH_PORT."
done

made_dir=false
if [ -z "${BENCH_DIR:-}" ]; then
  BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-case-read.XXXXXX")
  made_dir=true
fi
data="$BENCH_DIR/office"
out="$BENCH_DIR/out"
mkdir -p "$out"
ombuds_pid=""
bare_pid=""
cleanup() {
  for p in $ombuds_pid $bare_pid; do
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if $made_dir; then
    rm -rf "$BENCH_DIR"
  fi
}
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time in clock ticks: busy time of the whole machine (user, nice, system, irq, softirq, steal),
# and user + system time of one process (which includes the softirq time of its loopback traffic:
# leaving irq and softirq out of the machine's time makes the others' share negative).
hz=$(getconf CLK_TCK)
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }

wait_healthy() {
  local p=$1 pid=$2 label=$3 i
  for ((i = 0; i < 600; i++)); do
    healthy "$p" && return 0
    kill -0 "$pid" 2>/dev/null || {
      cat "$out/$label.log" >&2
      die "$label exited."
    }
    sleep 0.1
  done
  die "$label did not answer /healthz within 60 s."
}

[ -d "$data" ] && die "$data exists: use a new BENCH_DIR."
OMBUDS_PASSPHRASE="$passphrase" \
  "$java" "${bare_opts[@]}" -jar "$jar" init --data "$data" --username bench >"$out/init.log" 2>&1 ||
  {
    cat "$out/init.log" >&2
    die "ombuds init failed."
  }

"$java" "${ombuds_opts[@]}" -jar "$jar" serve --data "$data" --port "$port" >"$out/ombuds.log" 2>&1 &
ombuds_pid=$!
"$java" "${bare_opts[@]}" -cp "$jar:$test_classes" org.ombuds.bench.BareJavalin "$bare_port" \
  >"$out/bare.log" 2>&1 &
bare_pid=$!
wait_healthy "$port" "$ombuds_pid" ombuds
wait_healthy "$bare_port" "$bare_pid" bare
echo "ombuds (pid $ombuds_pid, opts: ${ombuds_opts[*]}) and bare (pid $bare_pid) up;" \
  "ombuds VmRSS $(rss_kb "$ombuds_pid" VmRSS) kB before login" >&2

api="http://127.0.0.1:$port/api/v1"
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"passphrase\":\"$passphrase\"}" "$api/session" |
  sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || die "login failed."
auth=(-H "Authorization: Bearer $token")
post() {
  curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$2" "$api$1"
}
case_id=$(post /cases \
  '{"title":"Shift assignments in the logistics team","categories":["1a","2b"],"workUnit":{"name":"Logistics, night shift","size":14}}' |
  sed -n 's/^{"id" *: *"\([^"]*\)".*/\1/p')
[ -n "$case_id" ] || die "creating the case failed."
post "/cases/$case_id/persons" '{"role":"VISITOR","name":"Jane Doe"}' >/dev/null
post "/cases/$case_id/persons" '{"role":"OTHER_PARTY","name":"Mike Roe"}' >/dev/null
note="The visitor described a recurring conflict with a supervisor over shift assignments and asked"
note+=" how to raise it informally before any formal step is taken. We went through the options:"
note+=" a facilitated conversation, a referral, or doing nothing for now. She will come back. "
for ((i = 1; i <= 10; i++)); do
  post "/cases/$case_id/notes" "{\"text\":\"Note $i. $note\"}" >/dev/null
done
url_ombuds="$api/cases/$case_id"
url_bare="http://127.0.0.1:$bare_port/healthz"
bytes=$(curl -fsS "${auth[@]}" "$url_ombuds" | wc -c)
echo "case $case_id: 2 persons, 10 notes; GET answers $bytes bytes;" \
  "ombuds VmRSS $(rss_kb "$ombuds_pid" VmRSS) kB after setup" >&2

# Milliseconds from wrk's "12.34us" / "1.23ms" / "1.02s".
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n
  }'
}

# One wrk run: $1 = label (ombuds|bare), $2 = seconds, $3 = counted (yes|no). Appends to results.
results="$out/results"
: >"$results"
run() {
  local label=$1 secs=$2 counted=$3 url sampler="" before after f rps p50 p99 errs maxrss
  local m0 m1 o0 o1 b0 b1 others server
  before=$(load)
  m0=$(machine_ticks)
  o0=$(proc_ticks "$ombuds_pid")
  b0=$(proc_ticks "$bare_pid")
  if [ "$label" = ombuds ]; then
    url=$url_ombuds
    (
      while kill -0 "$ombuds_pid" 2>/dev/null; do
        rss_kb "$ombuds_pid" VmRSS
        sleep 0.5
      done
    ) >"$out/rss.$label.$$" &
    sampler=$!
    /usr/bin/time -f '%U %S' -o "$out/wrk.cpu" \
      wrk -t2 -c"$conns" -d"${secs}s" --latency "${auth[@]}" "$url" >"$out/wrk.txt" 2>&1
  else
    url=$url_bare
    /usr/bin/time -f '%U %S' -o "$out/wrk.cpu" \
      wrk -t2 -c"$conns" -d"${secs}s" --latency "$url" >"$out/wrk.txt" 2>&1
  fi
  after=$(load)
  m1=$(machine_ticks)
  o1=$(proc_ticks "$ombuds_pid")
  b1=$(proc_ticks "$bare_pid")
  # The CPU used by everything but the two servers and wrk during the run, in cores: what other
  # work on the machine took (the load average cannot tell: the servers' own threads raise it).
  others=$(awk -v m=$((m1 - m0)) -v o=$((o1 - o0)) -v b=$((b1 - b0)) -v hz="$hz" -v s="$secs" \
    'NF == 2 { printf "%.2f", ((m - o - b) / hz - $1 - $2) / s }' "$out/wrk.cpu" 2>/dev/null) ||
    others="?"
  [ -s "$out/wrk.txt" ] || die "wrk left no output in $out (was the scratch directory removed?)."
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
  fi
  f="$out/wrk.txt"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$f")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")
  errs=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' "$f")
  # The loaded server's CPU: cores it kept busy, and microseconds of CPU per answered request.
  server=$(awk -v t=$([ "$label" = ombuds ] && echo $((o1 - o0)) || echo $((b1 - b0))) \
    -v hz="$hz" -v s="$secs" -v rps="$rps" \
    'BEGIN { printf "server %.2f cores, %.0f us CPU/req", t / hz / s, t / hz / (rps * s) * 1e6 }')
  maxrss=""
  if [ -n "$sampler" ]; then
    maxrss=$(sort -n "$out/rss.$label.$$" | tail -1)
    maxrss=" maxVmRSS ${maxrss} kB"
  fi
  printf '%-6s %-8s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s  (%s)  [load %s / %s; others %s cores] %s\n' \
    "$label" "$([ "$counted" = yes ] && echo "" || echo "(warmup)")" "$rps" "$p50" "$p99" \
    "$maxrss" "$server" "$before" "$after" "$others" "$errs" >&2
  if [ "$counted" = yes ]; then
    echo "$label $rps $p50 $p99 ${maxrss// maxVmRSS /}" | sed 's/ kB//' >>"$results"
  fi
}

run bare "$warmup" no
run ombuds "$warmup" no
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 1)); then
    run ombuds "$duration" yes
    run bare "$duration" yes
  else
    run bare "$duration" yes
    run ombuds "$duration" yes
  fi
done
hwm=$(rss_kb "$ombuds_pid" VmHWM)
now=$(rss_kb "$ombuds_pid" VmRSS)
bare_hwm=$(rss_kb "$bare_pid" VmHWM)

echo "case read over HTTP, $conns connections, wrk -t2, ${duration} s x $rounds rounds each," \
  "$("$java" -version 2>&1 | head -1), ombuds opts: ${ombuds_opts[*]}"
awk -v hwm="$hwm" -v now="$now" -v bare_hwm="$bare_hwm" '
  $1 == "ombuds" { orps += $2; on++; if ($4 > op99) op99 = $4; if ($5 > orss) orss = $5 }
  $1 == "bare"   { brps += $2; bn++; if ($4 > bp99) bp99 = $4 }
  END {
    printf "ombuds   mean %8.0f req/s   worst p99 %6.2f ms (target: under 10 ms) %s\n", orps / on, op99, (op99 < 10 ? "MET" : "MISSED")
    printf "bare     mean %8.0f req/s   worst p99 %6.2f ms\n", brps / bn, bp99
    r = orps / on / (brps / bn)
    printf "ratio    %.2f (target: at least 0.50) %s\n", r, (r >= 0.5 ? "MET" : "MISSED")
    printf "ombuds RSS: max VmRSS sampled under load %.0f MB, VmHWM (peak) %.0f MB, now %.0f MB (target: under 256 MB) %s\n", orss / 1024, hwm / 1024, now / 1024, (hwm < 262144 ? "MET" : "MISSED")
    printf "bare RSS: VmHWM (peak) %.0f MB, for comparison\n", bare_hwm / 1024
  }' "$results"
