#!/usr/bin/env bash
# The gate's check-in under load: 25 companies, 50 slots, 2,000 bookings on a segment store over real HTTP, then 100
# phones (two per slot, each its own session) checking in every booking of their slot in batches of 10, all at once,
# plus a walk-in each (CheckInBenchmark). Prints the sync latency (p50, p99, max), operations per second, and whether
# every booking counts once. Run it on a quiet machine.
#
#   bench/checkin-bench.sh        # COMPANIES=25 PER_SLOT=40 PHONES_PER_SLOT=2 BATCH=10
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -B -o -pl modules/events -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CLASSES="$ROOT/modules/events/target/test-classes:$ROOT/modules/events/target/classes"
CLASSES="$CLASSES:$ROOT/platform/target/test-classes:$ROOT/platform/target/classes:$ROOT/platform-api/target/classes"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java $JAVA_OPTS -Dcompanies="${COMPANIES:-25}" -DperSlot="${PER_SLOT:-40}" -DphonesPerSlot="${PHONES_PER_SLOT:-2}" \
    -Dbatch="${BATCH:-10}" -cp "$CLASSES:$(cat "$CP_FILE")" \
    fr.usinesouvertes.events.company.CheckInBenchmark "$ROOT/light-modules"
