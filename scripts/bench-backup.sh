#!/usr/bin/env bash
# Backup and restore throughput: runs `ombuds backup` and `ombuds restore` (the real jar) RUNS
# times each over a seeded office and prints, per run, the wall time, the CPU time of the command
# and the MB/s over the size of the office's database file; then the medians. Also prints the
# machine's load average before and after, since other processes share the machine.
#
# Seed the office first (about 200 MB with 400 x 25), see org.ombuds.bench.BackupSeed:
#   ./mvnw -q -B -DskipTests package && ./mvnw -q -B test-compile
#   ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
#   java -cp target/test-classes:target/classes:$(cat cp.txt) org.ombuds.bench.BackupSeed DIR 400 25
# Usage: scripts/bench-backup.sh DIR [RUNS]      (default 3; writes beside DIR, removes it after)
# Env:   BENCH_JAR (default target/ombuds.jar)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
ombuds_find_jdk || exit 1
java="$JAVA_HOME/bin/java"

office=$(cd "$1" && pwd)
runs=${2:-3}
jar=${BENCH_JAR:-$root/target/ombuds.jar}
work=$(mktemp -d "$(dirname "$office")/bench-backup.XXXXXX")
trap 'rm -rf "$work"' EXIT
db_bytes=$(stat -c %s "$office/ombuds.db")
mb=$(awk -v b="$db_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "office database: $mb MB; load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"

"$java" -jar "$jar" backup-key new --out "$work/ring.key" >/dev/null 2>&1

# Runs a command, prints "<wall s> <cpu s>".
timed() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v c="$(cat "$work/time")" \
    'BEGIN { split(c, a, " "); printf "%.2f %.2f\n", e - s, a[1] + a[2] }'
}

backup_walls=()
restore_walls=()
for i in $(seq 1 "$runs"); do
  read -r wall cpu < <(timed "$java" -jar "$jar" backup --data "$office" --out "$work/b$i.obk" --key "$work/ring.key")
  size=$(stat -c %s "$work/b$i.obk")
  echo "backup  $i: ${wall} s wall, ${cpu} s CPU, $(awk -v b="$db_bytes" -v w="$wall" 'BEGIN { printf "%.1f", b / 1e6 / w }') MB/s (file $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }') MB)"
  backup_walls+=("$wall")
  read -r wall cpu < <(timed "$java" -jar "$jar" restore --from "$work/b$i.obk" --data "$work/r$i" --key "$work/ring.key" --audit-key "$office/audit.key")
  echo "restore $i: ${wall} s wall, ${cpu} s CPU, $(awk -v b="$db_bytes" -v w="$wall" 'BEGIN { printf "%.1f", b / 1e6 / w }') MB/s"
  restore_walls+=("$wall")
  rm -rf "$work/r$i" "$work/b$i.obk"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
bm=$(median "${backup_walls[@]}")
rm_=$(median "${restore_walls[@]}")
echo "median backup:  $bm s = $(awk -v b="$db_bytes" -v w="$bm" 'BEGIN { printf "%.1f", b / 1e6 / w }') MB/s"
echo "median restore: $rm_ s = $(awk -v b="$db_bytes" -v w="$rm_" 'BEGIN { printf "%.1f", b / 1e6 / w }') MB/s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
