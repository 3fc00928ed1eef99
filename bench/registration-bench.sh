#!/usr/bin/env bash
# Registration benchmark (issue 3): registrations per second over HTTP (JSON API, rate limit off) under
# 200-way contention on one slot and spread over the seed's public slots, with the count of overbooked
# seats, which must be 0. Uses the site's seed event sheets and a fixed clock inside the public sign-up
# window. E-mails leave through the durable mail queue after the answer; the script then waits until
# every acknowledged registration has its .eml in the outbox and prints how long the queue took to drain.
#
# Measured warm: a first spread run (WARMUP seconds, not reported) lets the JIT compile the registration
# path, as on a server that has been running; a fresh JVM needs several thousand registrations for that
# and would otherwise be measured mostly interpreted. So that the warm-up and the spread run still
# confirm (the costlier path: the e-mail carries the .ics) instead of filling the waiting lists, the
# platform runs on a copy of the light modules whose slot capacities are multiplied by CAPACITY_SCALE,
# except the contention run's slot, which keeps its seed capacity and fills.
#
#   bench/registration-bench.sh          # DURATION=20 to change the spread run's length, WARMUP=0 for a cold run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-"$ROOT/webapp/target/usines-ouvertes.jar"}  # JAR=other.jar to compare two builds
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-20}
CAPACITY_SCALE=${CAPACITY_SCALE:-100}
PORT=${PORT:-18124}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"
# The seed with larger slots, but for the public slot of largest capacity (the contention run's).
cp -r "$ROOT/light-modules" "$WORK/light-modules"
python3 - "$WORK/light-modules/usines-ouvertes/bootstrap/events.2026.yaml" "$CAPACITY_SCALE" <<'PY'
import re, sys
path, scale = sys.argv[1], int(sys.argv[2])
lines = open(path, encoding="utf-8").read().split("\n")
slots, uuid = [], None  # (line of the capacity, capacity, public?)
for i, line in enumerate(lines):
    if "'jcr:uuid'" in line:
        uuid = i
    elif line.strip().startswith("'capacity':"):
        slots.append([i, int(line.split(":")[1]), False])
    elif line.strip().startswith("'audiences':") and slots and slots[-1][0] > uuid:
        slots[-1][2] = "'public'" in line
hot = max((s for s in slots if s[2]), key=lambda s: s[1])
for i, capacity, _ in slots:
    if i != hot[0]:
        lines[i] = re.sub(r"\d+", str(capacity * scale), lines[i])
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
java $JAVA_OPTS -jar "$JAR" --config /dev/null --port "$PORT" --host 127.0.0.1 --data "$WORK/data" \
     --light-modules "$WORK/light-modules" --clock 2026-02-10T10:00:00+01:00 --registration-rate-limit 0 \
     > "$WORK/platform.log" 2>&1 &
PID=$!
until curl -s -o /dev/null -w '%{http_code}' "$BASE/.rest/delivery/events/v1" 2>/dev/null | grep -q 200; do
  kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
  sleep 0.1
done

# Public slots of the seed, smallest first (the contention run's, unscaled): "id capacity" per line.
curl -s "$BASE/.rest/delivery/events/v1?limit=100&audience=public" | python3 -c '
import json, sys
slots = [(s["capacity"], s["id"]) for sheet in json.load(sys.stdin)["results"] for s in sheet["slots"]
         if "public" in s["audiences"]]
for capacity, slot in sorted(slots):
    print(slot, capacity)' > "$WORK/slots.txt"
read -r HOT HOT_CAPACITY < "$WORK/slots.txt"
SPREAD=$(tail -n +2 "$WORK/slots.txt" | cut -d' ' -f1 | paste -sd, -)
SPREAD_CAPACITY=$(tail -n +2 "$WORK/slots.txt" | awk '{s += $2} END {print s}')

echo "# Registration benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, JAVA_OPTS=$JAVA_OPTS, warm-up ${WARMUP} s, spread slots' capacity ×$CAPACITY_SCALE"
outbox_count() { { find "$WORK/data/outbox" -name '*.eml' 2>/dev/null || true; } | wc -l; }
# Waits until the outbox stops growing (the mail queue drained), at most two minutes.
settle_outbox() {
  local before=-1 now waited=0
  while now=$(outbox_count); [ "$now" != "$before" ] && [ $waited -lt 120 ]; do before=$now; sleep 1; waited=$((waited + 1)); done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() { # name connections duration slots capacity
  RUN=$((${RUN:-0} + 1))
  local out="$WORK/wrk-$RUN.txt"
  settle_outbox
  local mails_before ticks_before
  mails_before=$(outbox_count)
  ticks_before=$(cpu_ticks)
  SLOTS="$4" wrk -t2 -c"$2" -d"$3" --latency -s "$ROOT/bench/register.lua" "$BASE" > "$out"
  settle_outbox
  # The platform's CPU time (user + system) per registration it completed, its e-mail included: unlike
  # registrations per second, this hardly moves with what else runs on the machine; 2 cores divided by
  # it bound what a quiet machine can do.
  local done_server cpu_ms
  done_server=$(( $(outbox_count) - mails_before ))
  cpu_ms=$(awk -v t=$(( $(cpu_ticks) - ticks_before )) -v hz="$(getconf CLK_TCK)" -v n="$done_server" \
    'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')
  local rps p50 p99 counts confirmed
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  counts=$(grep COUNTS "$out" | cut -d' ' -f2-)
  confirmed=$(echo "$counts" | sed 's/.*confirmed=\([0-9]*\).*/\1/')
  grep -q "Socket errors" "$out" && echo "  wrk: $(grep 'Socket errors' "$out" | xargs)" 
  printf '%-38s : %8s registrations/s  p50 %-8s p99 %-8s %s, capacity %s, overbooked seats %s\n' \
    "$1" "$rps" "$p50" "$p99" "$counts" "$5" "$(( confirmed > $5 ? confirmed - $5 : 0 ))"
  printf '%-38s   server CPU %s ms per registration (%s completed server-side, e-mail included; %s cores / that = %s registrations/s at most)\n' \
    "" "$cpu_ms" "$done_server" "$(nproc)" "$(awk -v c="$cpu_ms" -v n="$(nproc)" 'BEGIN {printf "%.0f", (c > 0) ? n * 1000 / c : 0}')"
}
if [ "$WARMUP" -gt 0 ]; then
  SLOTS="$SPREAD" wrk -t2 -c32 -d"${WARMUP}s" -s "$ROOT/bench/register.lua" "$BASE" > "$WORK/wrk-warmup.txt"
  echo "warm-up: $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-warmup.txt") registrations/s for ${WARMUP} s (not counted below; $(grep COUNTS "$WORK/wrk-warmup.txt" | cut -d' ' -f2-))"
fi
run "200-way contention on one slot" 200 10s "$HOT" "$HOT_CAPACITY"
run "spread over $(echo "$SPREAD" | tr ',' '\n' | wc -l) public slots" 32 "${DURATION}s" "$SPREAD" "$SPREAD_CAPACITY"
# Every acknowledged registration (201) queued one e-mail: wait for the outbox to hold them all.
EXPECTED=$(grep -h COUNTS "$WORK"/wrk-*.txt | sed 's/.*confirmed=\([0-9]*\) waitlisted=\([0-9]*\).*/\1 \2/' \
  | awk '{s += $1 + $2} END {print s}')
START=$(date +%s.%N)
while [ "$(outbox_count)" -lt "$EXPECTED" ] && [ "$(echo "$(date +%s.%N) - $START < 300" | bc)" = 1 ]; do sleep 0.2; done
printf 'mails in the outbox: %s of %s acknowledged registrations, queue drained %.1f s after the last run\n' \
  "$(outbox_count)" "$EXPECTED" "$(echo "$(date +%s.%N) - $START" | bc)"
