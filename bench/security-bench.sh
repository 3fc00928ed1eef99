#!/usr/bin/env bash
# Back-office benchmark (issue 4): login latency (Oak's PBKDF2 check), the back-office dashboard with a
# session cookie (signature, revocation and account checked on each request), and what a session
# cookie costs on the public Delivery API. Starts the built jar on a fresh data folder with an
# administrator created by the 'accounts create-admin' command; load comes from wrk on loopback.
#
#   bench/security-bench.sh            # builds the jar first if missing
#   DURATION=30 CONNECTIONS=64 bench/security-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/webapp/target/usines-ouvertes.jar"
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18124}
LOGINS=${LOGINS:-20}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}

command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }; rm -rf "$WORK"' EXIT
printf 'une phrase de passe de banc\n' > "$WORK/password"
java -jar "$JAR" accounts create-admin --login bench@example.fr --password-file "$WORK/password" \
     --data "$WORK/data" > /dev/null
java $JAVA_OPTS -jar "$JAR" --port "$PORT" --host 127.0.0.1 --data "$WORK/data" \
     --light-modules "$ROOT/light-modules" --login-rate-limit 0 > "$WORK/platform.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
until curl -s -o /dev/null -w '%{http_code}' "$BASE/admin/login" 2>/dev/null | grep -q 200; do
  kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
  sleep 0.1
done

login() { # prints the time of the POST in ms; leaves the session cookie in $WORK/jar
  rm -f "$WORK/jar"
  local csrf
  csrf=$(curl -s -c "$WORK/jar" -b "$WORK/jar" "$BASE/admin/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$WORK/jar" -b "$WORK/jar" -w '%{time_total}\n' \
       --data-urlencode "_csrf=$csrf" --data-urlencode "login=bench@example.fr" \
       --data-urlencode "password=une phrase de passe de banc" "$BASE/admin/login" | awk '{printf "%.1f\n", $1 * 1000}'
}
for _ in 1 2 3; do login > /dev/null; done # warm-up
times=$(for _ in $(seq "$LOGINS"); do login; done | sort -n)
median=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
max=$(echo "$times" | tail -1)
COOKIE="uo_session=$(awk '$6 == "uo_session" {print $7}' "$WORK/jar")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/admin/")" = 200 ] || { echo "login failed"; exit 1; }

run() { # label, url, [cookie]
  local args=(-t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency)
  [ -n "${3:-}" ] && args+=(-H "Cookie: $3")
  wrk "${args[@]}" -d 5s "$2" > /dev/null
  wrk "${args[@]}" "$2" | awk -v label="$1" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%-48s %9.0f req/s  p50 %-8s p99 %-8s%s\n", label, rps, p50, p99, (bad ? "  NON-2xx: " bad : "")}'
}
DELIVERY="$BASE/.rest/delivery/pages/v1/journees-usines-ouvertes"
echo "# Back-office benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "# JAVA_OPTS=$JAVA_OPTS  wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s per run (after 5 s warm-up)"
echo "login (POST /admin/login, one at a time, $LOGINS runs) : median ${median} ms, max ${max} ms"
run "dashboard /admin/ with a session cookie" "$BASE/admin/" "$COOKIE"
run "login page /admin/login, no cookie" "$BASE/admin/login"
run "Delivery API, no cookie" "$DELIVERY"
run "Delivery API, with a session cookie" "$DELIVERY" "$COOKIE"
