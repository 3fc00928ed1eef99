#!/usr/bin/env bash
# Platform benchmark: first start and restart to the first HTTP 200, resident memory after start and after
# load, Delivery API throughput and latency for one node and for a query returning 100 nodes, and the
# rendered home page. Starts the built jar with bin/usines-ouvertes (its JVM options, or JAVA_OPTS when set) on a
# fresh data folder; load comes from wrk on loopback.
#
#   bench/platform-bench.sh            # builds the jar first if missing
#   DURATION=30 CONNECTIONS=64 bench/platform-bench.sh
#   CDS=off bench/platform-bench.sh    # without the class-data archive the build makes beside the jar
#
# Figures depend on the machine; run it twice and report ranges.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-"$ROOT/webapp/target/usines-ouvertes.jar"}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18123}
OPTIONS=${JAVA_OPTS:-"$(sed -n 's/^: "${JAVA_OPTS:=\(.*\)}"$/\1/p' "$ROOT/bin/usines-ouvertes") (bin/usines-ouvertes)"}

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/light-modules"
cp -r "$ROOT"/light-modules/* "$WORK/light-modules/" 2>/dev/null || true
python3 "$ROOT/bench/generate-bench-module.py" "$WORK/light-modules/bench" 150
printf 'port: %s\nhost: 127.0.0.1\n' "$PORT" > "$WORK/platform.yaml"

BASE="http://127.0.0.1:$PORT"
ONE_NODE="$BASE/.rest/delivery/bench/v1/page-042"
PAGE="$BASE/usines-vitrines/colas"
HUNDRED="$BASE/.rest/delivery/bench/v1?limit=100&orderBy=title%20asc"

start_platform() { # sets PID and START_MS: launch to first HTTP 200
  local start_ns
  start_ns=$(date +%s%N)
  USINES_OUVERTES_JAR="$JAR" USINES_OUVERTES_CDS="${CDS:-${JAR%.jar}.jsa}" "$ROOT/bin/usines-ouvertes" --config "$WORK/platform.yaml" --data "$WORK/data" \
       --light-modules "$WORK/light-modules" > "$WORK/platform.log" 2>&1 &
  PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "$ONE_NODE" 2>/dev/null | grep -q 200; do
    kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
    sleep 0.02
  done
  START_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
start_platform
first_ms=$START_MS
kill $PID; wait $PID 2>/dev/null || true
start_platform
cold_ms=$START_MS
rss_kb() { ps -o rss= -p "$PID" | tr -d ' '; }
rss_start=$(rss_kb)

echo "# Platform benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# JVM options: $OPTIONS  wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s per run (after a 5 s warm-up)"
echo "first start to HTTP 200       : ${first_ms} ms (empty data folder: includes the bootstrap import; with the build's class-data archive unless CDS=off)"
echo "restart to first HTTP 200     : ${cold_ms} ms (new JVM on an existing data folder, with the class-data archive)"
echo "RSS after start               : $((rss_start / 1024)) MB"
count=$(curl -s "$HUNDRED" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))')
echo "100-node query returns       : $count nodes"

run() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$2" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" > "$WORK/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/wrk.txt" | tr '\n' ' ' || true)
  printf '%-28s : %8s req/s   p50 %-8s p99 %-8s %s\n' "$1" "$rps" "$p50" "$p99" "$errors"
}
run "Delivery, one node" "$ONE_NODE"
run "Delivery, 100-node query" "$HUNDRED"
for page in "$BASE/" "$PAGE"; do
  if curl -s -o /dev/null -w '%{http_code}' "$page" | grep -q 200; then
    run "Rendered ${page#$BASE}" "$page"
  fi
done
rss_part() { awk -v k="$1:" '$1==k {print int($2/1024)}' "/proc/$PID/status"; }
echo "RSS after load                : $(( $(rss_kb) / 1024 )) MB (anonymous $(rss_part RssAnon) MB, mapped files $(rss_part RssFile) MB)"
