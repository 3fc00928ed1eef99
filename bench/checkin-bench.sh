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
# shellcheck source=bench/test-classpath.sh
. bench/test-classpath.sh
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java $JAVA_OPTS -Dcompanies="${COMPANIES:-25}" -DperSlot="${PER_SLOT:-40}" -DphonesPerSlot="${PHONES_PER_SLOT:-2}" \
    -Dbatch="${BATCH:-10}" \
    fr.usinesouvertes.events.company.CheckInBenchmark "$ROOT/light-modules"
