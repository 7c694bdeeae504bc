#!/usr/bin/env bash
# Usage watch benchmark (notify/usage_alerts.h): a utility of BENCH_WATCH_ACCOUNTS accounts
# (100,000) generated with four months of usage and billed by the real bill runs (so each service
# has at least two bills before its latest to compare with), one account in five with a high-usage
# threshold and some recently read water meters leaking (ratepayer generate); then `ratepayer watch-usage` for as_of, twice: the
# first run records what it finds, the second finds it recorded already (what every later day
# costs). Prints each run's JSON report (accounts read, water and gas meters judged, thresholds,
# alerts recorded, milliseconds) and the metered service points.
#
# usage: bench/usage_watch_bench.sh DATABASE_URL   (run from the repository root after a build)
set -euo pipefail
url="$1"
accounts="${BENCH_WATCH_ACCOUNTS:-100000}"
as_of="${BENCH_WATCH_AS_OF:-2026-11-01}"
ratepayer=build/ratepayer

echo "generating $accounts accounts with 4 months of usage, billed, as of $as_of ..." >&2
started=$(date +%s)
"$ratepayer" generate --db "$url" --accounts "$accounts" --usage-months 4 --as-of "$as_of" >/dev/null
echo "  generated in $(( $(date +%s) - started )) s" >&2

for run in first second; do
  echo "$run run:" >&2
  "$ratepayer" watch-usage --db "$url" --date "$as_of" --json
done
