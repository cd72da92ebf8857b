#!/usr/bin/env bash
# Portal benchmark: the time to open a visitor session (one deliberately slow Argon2id hash of the
# receipt), and the Ombuds' page times (GET /api/v1/cases/{id}, GET /dashboard; p50/p90/p99) quiet
# and while other clients hammer POST /portal/session with wrong receipts; then how long the right
# receipt waits after the flood stops. See src/test/java/org/ombuds/bench/PortalLoad.java.
#
# Builds the test classes if needed (offline), runs in one JVM on 127.0.0.1, removes its scratch
# office at the end.
# Usage: scripts/bench-portal.sh [N [HAMMERS [SESSIONS]]]   (defaults 400, 4, 10)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
ombuds_find_jdk || exit 1
cd "$root"
./mvnw -q -B -o test-compile -Dspotless.check.skip
cp_file=$(mktemp "${TMPDIR:-/tmp}/bench-portal-cp.XXXXXX")
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.ombuds.bench.PortalLoad "$@"
