#!/usr/bin/env bash
# Bill run benchmark: a utility of BENCH_BILL_ACCOUNTS accounts (100,000) generated with two months
# of 15-minute usage (AMI meters) and monthly register reads, on the demo rate plans (tiered,
# time of use, time of use with demand; water and sewer), then every one of the 20 bill cycles of
# October 2026 billed with `ratepayer bill-run`: each account billed once, everything persisted
# (bills, sections, lines, ledger entries, events). Prints one JSON object: bills, the seconds the
# runs took (inside the process: opening the database excluded) and bills per second.
#
# usage: bench/bill_run_bench.sh DATABASE_URL   (run from the repository root after a build)
set -euo pipefail
url="$1"
accounts="${BENCH_BILL_ACCOUNTS:-100000}"
ratepayer=build/ratepayer

echo "generating $accounts accounts with 2 months of usage (no bills) ..." >&2
"$ratepayer" generate --db "$url" --accounts "$accounts" --usage-months 2 --no-bills >/dev/null

total_ms=0
bills=0
held=0
problems=0
while read -r cycle read_date _; do
  [[ "$cycle" =~ ^[0-9]+$ ]] || continue
  report=$("$ratepayer" bill-run --db "$url" --cycle "$cycle" --date "$read_date" --json)
  ms=$(sed -E 's/.*"milliseconds":([0-9]+).*/\1/' <<<"$report")
  released=$(sed -E 's/.*"released":([0-9]+).*/\1/' <<<"$report")
  on_hold=$(sed -E 's/.*"held":([0-9]+).*/\1/' <<<"$report")
  not_billed=$(sed -E 's/.*"problems":([0-9]+).*/\1/' <<<"$report")
  total_ms=$((total_ms + ms))
  bills=$((bills + released + on_hold))
  held=$((held + on_hold))
  problems=$((problems + not_billed))
  echo "  cycle $cycle ($read_date): $((released + on_hold)) bills in ${ms} ms" >&2
done < <("$ratepayer" bill-schedule --db "$url" --month 2026-10)

awk -v bills="$bills" -v ms="$total_ms" -v held="$held" -v problems="$problems" \
    -v accounts="$accounts" 'BEGIN {
  printf "{\"accounts\": %d, \"bills\": %d, \"held\": %d, \"not_billed\": %d, \"seconds\": %.2f, \"bills_per_second\": %d}\n",
         accounts, bills, held, problems, ms / 1000, (ms > 0 ? bills * 1000 / ms : 0)
}'
