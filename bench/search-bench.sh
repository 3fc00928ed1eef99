#!/usr/bin/env bash
# Search benchmark (issue 5): 20,000 synthetic sites over the real communes of the shared communes
# file, indexing time, p50/p99 of text, facet and distance queries in-process and over HTTP
# (sequential client, then wrk on loopback). Skips with a message when the communes file is absent.
#
#   bench/search-bench.sh                                  # ../shared/data/france-communes/france_cities.csv, 20000 sites
#   bench/search-bench.sh /path/to/communes.csv 5000
#   bench/search-bench.sh "" 20000 /tmp/search-bench-data  # keeps the data folder; later runs skip the writing
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMUNES=${1:-$ROOT/../shared/data/france-communes/france_cities.csv}
SITES=${2:-20000}
DATA=${3:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT

mvn -q -B -o -pl modules/events -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$ROOT/modules/events/target/test-classes:$ROOT/modules/events/target/classes:$ROOT/platform/target/classes:$ROOT/platform/target/test-classes:$ROOT/platform-api/target/classes:$(cat "$CP_FILE")"
command -v wrk >/dev/null || echo "(wrk not installed: apt-get install wrk for the concurrent HTTP figures)"
java $JAVA_OPTS -cp "$CP" fr.usinesouvertes.events.search.SearchBenchmark "$COMMUNES" "$SITES" ${DATA:+"$DATA"}
