#!/usr/bin/env bash
# Registration pages benchmark: GET of a registration form (rendered inside the site's frame since the
# registration pages use ModulePages) next to the home page, over HTTP with wrk: requests per second, p50/p99,
# and the platform's CPU time per page, which hardly moves with what else runs on the machine.
#
#   bench/registration-pages-bench.sh                 # JAR=other.jar to compare two builds, DURATION=10
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-"$ROOT/webapp/target/usines-ouvertes.jar"}
DURATION=${DURATION:-10}
PORT=${PORT:-18125}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}
SLOT=10ad318e-073f-5998-8b92-ce2941155cdc  # a seed slot (Colas, Santes) open to the public

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"
java $JAVA_OPTS -jar "$JAR" --config /dev/null --port "$PORT" --host 127.0.0.1 --data "$WORK/data" \
     --light-modules "$ROOT/light-modules" --clock 2026-02-10T10:00:00+01:00 > "$WORK/platform.log" 2>&1 &
PID=$!
until curl -s -o /dev/null -w '%{http_code}' "$BASE/inscription/$SLOT/grand-public" 2>/dev/null | grep -q 200; do
  kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
  sleep 0.2
done

echo "# Registration pages benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(basename "$JAR"), JAVA_OPTS=$JAVA_OPTS"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() { # name path connections
  local out="$WORK/wrk.txt" ticks_before requests
  wrk -t2 -c"$3" -d5s "$BASE$2" > /dev/null  # warm-up, not counted
  ticks_before=$(cpu_ticks)
  wrk -t2 -c"$3" -d"${DURATION}s" --latency "$BASE$2" > "$out"
  requests=$(awk '/requests in/ {print $1}' "$out")
  printf '%-34s : %8s pages/s  p50 %-8s p99 %-8s server CPU %s ms per page (%s pages)\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1=="50%" {print $2}' "$out")" "$(awk '$1=="99%" {print $2}' "$out")" \
    "$(awk -v t=$(( $(cpu_ticks) - ticks_before )) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')" \
    "$requests"
  grep -q "Non-2xx" "$out" && echo "  wrk: $(grep 'Non-2xx' "$out" | xargs)" || true
}
run "registration form (fr)" "/inscription/$SLOT/grand-public" 8
run "registration form (en, school)" "/en/inscription/$SLOT/scolaire" 8
run "home page (reference)" "/" 8
