#!/usr/bin/env bash
# Schools outreach benchmark (issue 20): 66,000 establishments written in the official Annuaire de l'éducation format
# over the real communes of the shared communes file, imported into a platform on a segment store; then ~2,000 sites on
# communes: the full matching (each site's schools within 45 minutes, target < 30 s) and one factory's list (500 sites
# at random, target < 50 ms) (SchoolsBenchmark). Prints the figures. Skips with a message when the communes file is
# absent. Run it on a quiet machine.
#
#   bench/schools-bench.sh                                   # ../shared/data/france-communes/france_cities.csv 66000 2000
#   bench/schools-bench.sh /path/to/communes.csv 66000 2000
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMUNES=${1:-$ROOT/../shared/data/france-communes/france_cities.csv}
SCHOOLS=${2:-66000}
SITES=${3:-2000}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
# shellcheck source=bench/test-classpath.sh
. bench/test-classpath.sh
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java $JAVA_OPTS fr.usinesouvertes.events.schools.SchoolsBenchmark "$COMMUNES" "$SCHOOLS" "$SITES"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
