#!/usr/bin/env bash
# Cluster benchmark (issue 6): Delivery API throughput with one node vs two nodes sharing one
# PostgreSQL, registrations per second over HTTP (bench/register.lua: the JSON API, clock fixed inside
# the public sign-up window, rate limit off) with one vs two nodes, spread over the seed's public slots
# (each half of them) and contended on one slot from both nodes (overbooked seats must be 0), in-process
# bookings per second with one vs two nodes, and the visibility delay of a write on node A seen from node B. PostgreSQL is zonky's embedded one (Maven artifacts, no set-up, works as root),
# started by fr.usinesouvertes.webapp.bench.BenchPostgres from the webapp's test class path. Load on
# the Delivery API comes from wrk (Debian package, installed if missing) on loopback. Bookings are
# also driven in-process over SlotBooking by fr.usinesouvertes.webapp.bench.BookingBench.
#
#   bench/cluster-bench.sh                      # builds what is missing first
#   DURATION=30 CONNECTIONS=64 READ_INTERVAL=200 bench/cluster-bench.sh
#
# Both nodes and wrk share this machine's cores: "two nodes" measures scale-out overhead and
# correctness here, not the gain of a second machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/webapp/target/usines-ouvertes.jar"
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BOOKINGS=${BOOKINGS:-2000}
READ_INTERVAL=${READ_INTERVAL:-1000}
PORT_A=${PORT_A:-18131}
PORT_B=${PORT_B:-18132}
JAVA_OPTS=${JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}

echo "start: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d)
# Packages the jar and the test classes (bench helpers) and writes the webapp's test class path; the
# reactor resolves the sibling modules from their target folders, nothing is installed in ~/.m2.
mvn -B -q -o -DskipTests -pl webapp -am package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
CP="$ROOT/webapp/target/test-classes:$(cat "$WORK/cp.txt")"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

java -cp "$CP" fr.usinesouvertes.webapp.bench.BenchPostgres "$WORK/jdbc-url" >"$WORK/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do [ -s "$WORK/jdbc-url" ] && break; sleep 0.5; done
JDBC_URL=$(cat "$WORK/jdbc-url")
echo "PostgreSQL: $JDBC_URL"

start_node() { # name port
  mkdir -p "$WORK/$1"
  java $JAVA_OPTS -jar "$JAR" --port "$2" --host 127.0.0.1 --data "$WORK/$1/data" \
    --light-modules "$ROOT/light-modules" --store document --jdbc-url "$JDBC_URL" \
    --jdbc-user postgres --jdbc-password postgres --cluster-read-interval "$READ_INTERVAL" \
    --clock 2026-02-10T10:00:00+01:00 --registration-rate-limit 0 >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do grep -q "ready at" "$WORK/$1.log" && return 0; sleep 0.5; done
  echo "node $1 did not start:"; tail -20 "$WORK/$1.log"; exit 1
}
PAGE=/.rest/delivery/pages/v1/journees-usines-ouvertes
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }

start_node a "$PORT_A"
wrk -t1 -c8 -d3s "http://127.0.0.1:$PORT_A$PAGE" >/dev/null   # warm-up
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT_A$PAGE" >"$WORK/one.txt"
ONE=$(rps "$WORK/one.txt")

start_node b "$PORT_B"
wrk -t1 -c8 -d3s "http://127.0.0.1:$PORT_B$PAGE" >/dev/null
HALF=$((CONNECTIONS / 2))
wrk -t1 -c"$HALF" -d"${DURATION}s" "http://127.0.0.1:$PORT_A$PAGE" >"$WORK/two-a.txt" &
WA=$!
wrk -t1 -c"$HALF" -d"${DURATION}s" "http://127.0.0.1:$PORT_B$PAGE" >"$WORK/two-b.txt"
wait $WA
TWO=$(awk -v a="$(rps "$WORK/two-a.txt")" -v b="$(rps "$WORK/two-b.txt")" 'BEGIN {printf "%.2f", a + b}')

echo "Delivery API, 1 node : $ONE requests/s ($CONNECTIONS connections, ${DURATION}s)"
echo "Delivery API, 2 nodes: $TWO requests/s (sum of both nodes, $HALF connections each)"

# Registrations over HTTP. Public slots of the seed, largest first: the largest is the contended one,
# the others are dealt alternately to the one-node and the two-node spread runs.
curl -s "http://127.0.0.1:$PORT_A/.rest/delivery/events/v1?limit=100&audience=public" | python3 -c '
import json, sys
slots = sorted(((s["capacity"], s["id"]) for sheet in json.load(sys.stdin)["results"] for s in sheet["slots"]
                if "public" in s["audiences"]), reverse=True)
print(slots[0][1], slots[0][0])
print(",".join(s[1] for s in slots[1::2]), sum(s[0] for s in slots[1::2]))
print(",".join(s[1] for s in slots[2::2]), sum(s[0] for s in slots[2::2]))' >"$WORK/slots.txt"
{ read -r HOT HOT_CAPACITY; read -r SPREAD_ONE CAPACITY_ONE; read -r SPREAD_TWO CAPACITY_TWO; } <"$WORK/slots.txt"
counts() { grep -h COUNTS "$@" | sed 's/.*confirmed=\([0-9]*\) waitlisted=\([0-9]*\) other=\([0-9]*\)/\1 \2 \3/' \
  | awk '{c += $1; w += $2; o += $3} END {printf "confirmed=%d waitlisted=%d other=%d", c, w, o}'; }
confirmed() { echo "$1" | sed 's/confirmed=\([0-9]*\).*/\1/'; }
register() { # out-file port slots connections duration
  CLIENT="$2" SLOTS="$3" wrk -t1 -c"$4" -d"$5" -s "$ROOT/bench/register.lua" "http://127.0.0.1:$2" >"$1"
}
register "$WORK/reg-one.txt" "$PORT_A" "$SPREAD_ONE" "$CONNECTIONS" "${DURATION}s"
REG_ONE=$(rps "$WORK/reg-one.txt")
register "$WORK/reg-two-a.txt" "$PORT_A" "$SPREAD_TWO" "$HALF" "${DURATION}s" &
WA=$!
register "$WORK/reg-two-b.txt" "$PORT_B" "$SPREAD_TWO" "$HALF" "${DURATION}s"
wait $WA
REG_TWO=$(awk -v a="$(rps "$WORK/reg-two-a.txt")" -v b="$(rps "$WORK/reg-two-b.txt")" 'BEGIN {printf "%.2f", a + b}')
register "$WORK/hot-a.txt" "$PORT_A" "$HOT" 100 10s &
WA=$!
register "$WORK/hot-b.txt" "$PORT_B" "$HOT" 100 10s
wait $WA
HOT_COUNTS=$(counts "$WORK/hot-a.txt" "$WORK/hot-b.txt")
HOT_CONFIRMED=$(confirmed "$HOT_COUNTS")
echo "registrations, 1 node : $REG_ONE /s spread ($(counts "$WORK/reg-one.txt"), capacity $CAPACITY_ONE)"
echo "registrations, 2 nodes: $REG_TWO /s spread ($(counts "$WORK/reg-two-a.txt" "$WORK/reg-two-b.txt"), capacity $CAPACITY_TWO)"
echo "registrations, 2 nodes, 200-way contention on one slot: $(awk -v a="$(rps "$WORK/hot-a.txt")" \
  -v b="$(rps "$WORK/hot-b.txt")" 'BEGIN {printf "%.2f", a + b}') /s ($HOT_COUNTS, capacity $HOT_CAPACITY, \
overbooked seats $(( HOT_CONFIRMED > HOT_CAPACITY ? HOT_CONFIRMED - HOT_CAPACITY : 0 )))"
java -DreadInterval="$READ_INTERVAL" -cp "$CP" fr.usinesouvertes.webapp.bench.BookingBench "$JDBC_URL" "$BOOKINGS" \
  2>"$WORK/booking.log" | grep -E "^(bookings|visibility)" || { echo "BookingBench failed:"; tail -20 "$WORK/booking.log"; }
echo "end: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
