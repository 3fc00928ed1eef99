#!/usr/bin/env bash
# Directory benchmark (issue 5): the site with 20,000 synthetic sites over the real communes of the shared
# communes file; search p50/p99 in-process and over HTTP, then the rendered directory page (/usines) with
# wrk on loopback: unfiltered, filtered, near a postal code, and a different search at every request
# (bench/directory.lua). Skips with a message when the communes file is absent.
#
#   bench/directory-bench.sh                               # ../shared/data/france-communes/france_cities.csv, 20000 sites
#   bench/directory-bench.sh /path/to/communes.csv 5000
#   DURATION=30s JAVA_OPTS=-Xmx256m bench/directory-bench.sh
#   bench/directory-bench.sh "" 20000 /tmp/directory-bench-data   # keeps the data folder; later runs skip the writing
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMUNES=${1:-$ROOT/../shared/data/france-communes/france_cities.csv}
SITES=${2:-20000}
DATA=${3:-}
DURATION=${DURATION:-15s}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT

command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }
mvn -q -B -o -pl modules/events -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$ROOT/modules/events/target/test-classes:$ROOT/modules/events/target/classes:$ROOT/platform/target/classes:$ROOT/platform/target/test-classes:$ROOT/platform-api/target/classes:$(cat "$CP_FILE")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java $JAVA_OPTS -cp "$CP" fr.usinesouvertes.events.directory.DirectoryBenchmark "$COMMUNES" "$SITES" \
    "$ROOT/light-modules" "$ROOT/bench/directory.lua" "$DURATION" "$DATA"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
