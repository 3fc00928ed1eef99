#!/usr/bin/env bash
# Storage benchmark: the repository's size after N registrations (JSON API, rate limit off), then the time of an
# online backup (the running platform writes it, asked through its control socket), of the revision garbage
# collection of the stopped folder ('repository gc': size before and after), of a restore into a fresh folder, and of
# a start on the restored folder. Registrations go to the seed's public slots, their capacities multiplied by
# CAPACITY_SCALE so that every one is confirmed and mailed (the outbox holds one .eml per registration).
#
# Before stopping, one online collection is asked for from the back office's Storage page, as an administrator would,
# followed by the reclaim of the generation Oak kept for readers of the state before it (revision-gc-reclaim-after,
# 5 s here instead of 600). The stopped folder's offline collection after that gives the live content's size, which the
# store after the online collection is compared with (target: at most twice).
#
#   bench/storage-bench.sh              # N=5000 registrations; N=24313 for the figure of docs/storage.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-"$ROOT/webapp/target/usines-ouvertes.jar"}
N=${N:-5000}
CONCURRENCY=${CONCURRENCY:-8}
CAPACITY_SCALE=${CAPACITY_SCALE:-1000}
PORT=${PORT:-18125}
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}

[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
PID=
stop_platform() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; PID=; }
trap 'stop_platform; [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT  # KEEP=1 keeps the folders and logs
BASE="http://127.0.0.1:$PORT"
cp -r "$ROOT/light-modules" "$WORK/light-modules"
python3 - "$WORK/light-modules/usines-ouvertes/bootstrap/events.2026.yaml" "$CAPACITY_SCALE" <<'PY'
import re, sys
path, scale = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8").read()
text = re.sub(r"('capacity':\s*)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) * scale), text)
open(path, "w", encoding="utf-8").write(text)
PY

ADMIN=bench-admin@example.org
echo 'storage bench administrator' > "$WORK/admin-password.txt"
start_platform() { # data folder
  java $JAVA_OPTS -jar "$JAR" --config /dev/null --port "$PORT" --host 127.0.0.1 --data "$1" \
       --light-modules "$WORK/light-modules" --clock 2026-02-10T10:00:00+01:00 --registration-rate-limit 0 \
       --revision-gc-at none --revision-gc-reclaim-after 5 --login-rate-limit 0 --admin-login "$ADMIN" --admin-password-file "$WORK/admin-password.txt" \
       > "$WORK/platform.log" 2>&1 &
  PID=$!
  local started=$(date +%s.%N)
  until curl -s -o /dev/null -w '%{http_code}' "$BASE/.rest/delivery/events/v1" 2>/dev/null | grep -q 200; do
    kill -0 $PID 2>/dev/null || { echo "platform died:"; cat "$WORK/platform.log"; exit 1; }
    sleep 0.1
  done
  STARTED_IN=$(echo "$(date +%s.%N) - $started" | bc)
}
mb() { du -sb "$1" | awk '{printf "%.1f MB", $1 / 1e6}'; }
timed() { local start=$(date +%s.%N); "$@"; ELAPSED=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)"); }

echo "# Storage benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, JAVA_OPTS=$JAVA_OPTS"
start_platform "$WORK/data"
echo "empty repository after the first start (seed imported): $(mb "$WORK/data/repository")"
curl -s "$BASE/.rest/delivery/events/v1?limit=100&audience=public" | python3 -c '
import json, sys
print(",".join(s["id"] for sheet in json.load(sys.stdin)["results"] for s in sheet["slots"] if "public" in s["audiences"]))' \
  > "$WORK/slots.txt"

# N registrations, CONCURRENCY at a time, each one person with its own e-mail address.
python3 - "$BASE" "$N" "$CONCURRENCY" "$(cat "$WORK/slots.txt")" <<'PY'
import json, sys, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor
base, n, concurrency, slots = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
def register(i):
    body = json.dumps({"slot": slots[i % len(slots)], "audience": "public", "persons": 1, "name": "Visiteur Test",
                       "email": f"storage-bench-{i}@example.org", "consent": True}).encode()
    request = urllib.request.Request(base + "/.rest/registrations/v1", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code
start = time.time()
with ThreadPoolExecutor(concurrency) as pool:
    statuses = list(pool.map(register, range(n)))
took = time.time() - start
print(f"{n} registrations in {took:.1f} s ({n / took:.0f}/s): "
      + ", ".join(f"{statuses.count(s)} × {s}" for s in sorted(set(statuses))))
PY
# the durable mail queue sends after the answer: wait until the outbox stops growing
before=-1; while now=$(find "$WORK/data/outbox" -name '*.eml' | wc -l); [ "$now" != "$before" ]; do before=$now; sleep 2; done
echo "after $N registrations: repository $(mb "$WORK/data/repository"), outbox $(mb "$WORK/data/outbox") ($now e-mails)"

# Online collections, started from the back office (login, then the Storage page's button), polled until each ends.
python3 - "$BASE" "$ADMIN" "$(cat "$WORK/admin-password.txt")" <<'PY'
import html, http.cookiejar, re, sys, time, urllib.parse, urllib.request
base, login, password = sys.argv[1:4]
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def page(path, form=None):
    data = None
    if form is not None:
        form["_csrf"] = page.csrf
        data = urllib.parse.urlencode(form).encode()
    text = browser.open(base + path, data).read().decode()
    found = re.search(r'name="_csrf" value="([^"]+)"', text)
    page.csrf = found.group(1) if found else getattr(page, "csrf", None)
    return text
page("/admin/login")
page("/admin/login", {"login": login, "password": password})
page("/admin/storage/?lang=en")
start = time.time()
page("/admin/storage/revision-gc?lang=en", {})
time.sleep(0.5)
summary = reclaimed = None
while reclaimed is None:
    text = page("/admin/storage/?lang=en")
    found = re.search(r"Latest collection on this node</dt>\s*<dd>(.*?)</dd>", text, re.S)
    if found and "Collection running" not in text:
        summary = summary or (time.time() - start, found.group(1))
        done = re.search(r"Then previous generation reclaimed</dt><dd>(.*?)</dd>", text, re.S)
        if done:
            reclaimed = done.group(1)
        elif "failed" in found.group(1) or "not completed" in found.group(1) or time.time() - start > 1800:
            reclaimed = "(none)"
    time.sleep(0.5)
clean = lambda text: html.unescape(re.sub(r"\s+", " ", text)).strip()
print(f"online revision GC from the back office: {summary[0]:.1f} s — {clean(summary[1])}")
print(f"then, 5 s later, the previous generation reclaimed: {clean(reclaimed)}")
PY

timed java $JAVA_OPTS -jar "$JAR" --config /dev/null backup --data "$WORK/data" --to "$WORK/backup" > "$WORK/backup.log" 2>&1
echo "online backup (platform running): ${ELAPSED} s, command included — $(tail -1 "$WORK/backup.log")"
ONLINE_BYTES=$(du -sb "$WORK/data/repository" | cut -f1)
stop_platform

timed java $JAVA_OPTS -jar "$JAR" --config /dev/null repository gc --data "$WORK/data" > "$WORK/gc.log" 2>&1
online_bytes=$ONLINE_BYTES
echo "revision GC of the stopped folder: ${ELAPSED} s, command included — $(tail -1 "$WORK/gc.log"); on disk now $(mb "$WORK/data/repository")"
echo "after the online collection the store was $(awk -v a="$online_bytes" -v b="$(du -sb "$WORK/data/repository" | cut -f1)" 'BEGIN {printf "%.2f", a / b}')× the live content (the stopped folder's collection; target at most 2×)"
grep -iE 'cancel|skipped by|fail|not enough|warning' "$WORK/gc.log" | sed 's/^/  gc: /' || true

timed java $JAVA_OPTS -jar "$JAR" --config /dev/null restore --from "$WORK/backup" --data "$WORK/restored" > "$WORK/restore.log" 2>&1
echo "restore into a fresh folder: ${ELAPSED} s, command included — $(tail -1 "$WORK/restore.log")"
start_platform "$WORK/restored"
echo "start on the restored folder to the first HTTP 200: $(printf '%.1f' "$STARTED_IN") s (search indexes rebuilt)"
stop_platform
