#!/usr/bin/env bash
# Long lists in the back office's content apps: N items (default 20,000) in a segment store, then the time of one page
# of the listing — sorted, searched, far pages, right after an edit (ContentListBenchmark, in-process).
#
#   bench/content-list-bench.sh          # N=20000
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-20000}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -B -o -pl platform -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java $JAVA_OPTS -cp "$ROOT/platform/target/test-classes:$ROOT/platform/target/classes:$ROOT/platform-api/target/classes:$(cat "$CP_FILE")" \
    fr.usinesouvertes.platform.admin.authoring.content.ContentListBenchmark "$N"
