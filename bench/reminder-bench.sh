#!/usr/bin/env bash
# The reminder batch beside registrations: 100,000 confirmed registrations over 100 slots on a segment store, then
# registrations over real HTTP (16 clients, JSON API, rate limit off) for 20 s an hour before the 7-day reminders fall
# due, and 20 s right after (the reminders' job queuing the 100,000 reminders, the mail worker sending them to the
# .eml outbox) (ReminderBenchmark). Prints registrations/s and latency without and during the batch, their ratio
# (target ≥ 0.80), and how long the job took to queue every reminder. Run it on a quiet machine.
#
#   bench/reminder-bench.sh        # REGISTRATIONS=100000 SLOTS=100 CLIENTS=16 DURATION=20
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
# shellcheck source=bench/test-classpath.sh
. bench/test-classpath.sh
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java $JAVA_OPTS -Dregistrations="${REGISTRATIONS:-100000}" -Dslots="${SLOTS:-100}" -Dclients="${CLIENTS:-16}" \
    -Dseconds="${DURATION:-20}" \
    fr.usinesouvertes.events.web.ReminderBenchmark "$ROOT/light-modules"
