#!/usr/bin/env bash
# Idle growth: the data folder of a node that serves nothing, measured every INTERVAL seconds for DURATION seconds
# after the start has settled (SETTLE seconds: search indexes, cluster jobs' first leases). Starts the platform with
# bin/usines-ouvertes (its default JVM options unless JAVA_OPTS is set) on a fresh folder with the seed content, the
# nightly collection off (an hour of idling must not depend on it). Bytes, not speed: it may run beside other work.
#
#   bench/idle-bench.sh                  # DURATION=3600 INTERVAL=600
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-"$ROOT/webapp/target/usines-ouvertes.jar"}
DURATION=${DURATION:-3600}
INTERVAL=${INTERVAL:-600}
SETTLE=${SETTLE:-60}
PORT=${PORT:-18127}
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
echo 'idle bench administrator' > "$WORK/admin-password.txt"
USINES_OUVERTES_JAR="$JAR" "$ROOT/bin/usines-ouvertes" --config /dev/null --port "$PORT" --host 127.0.0.1 \
    --data "$WORK/data" --light-modules "$ROOT/light-modules" --revision-gc-at none \
    --admin-login idle-bench@example.org --admin-password-file "$WORK/admin-password.txt" > "$WORK/platform.log" 2>&1 &
PID=$!
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/.health/ready" | grep -q 200; do
  kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
  sleep 0.5
done
sleep "$SETTLE"
bytes() { du -sb "$1" 2>/dev/null | cut -f1; }
echo "# Idle benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION} s idle"
first=$(bytes "$WORK/data/repository"); previous=$first
echo "after start: repository $first bytes, search indexes $(bytes "$WORK/data/search-index") bytes"
elapsed=0
while [ "$elapsed" -lt "$DURATION" ]; do
  sleep "$INTERVAL"; elapsed=$((elapsed + INTERVAL))
  now=$(bytes "$WORK/data/repository")
  echo "+${elapsed} s: repository $now bytes ($((now - previous)) since the last line), search indexes $(bytes "$WORK/data/search-index") bytes"
  previous=$now
done
echo "idle growth: $(( (previous - first) * 3600 / DURATION )) bytes per hour"
