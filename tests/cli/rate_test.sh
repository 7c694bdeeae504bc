#!/usr/bin/env bash
# `ratepayer rate` end to end: a hand-checked bill as JSON, local-month proration, and bad input.
# Usage: rate_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

# January 2026, 1 kWh every hour, in UTC: 744 kWh.
awk 'BEGIN { print "interval_start,kwh";
  for (d = 1; d <= 31; d++) for (h = 0; h < 24; h++) printf "2026-01-%02dT%02d:00:00Z,1\n", d, h }' \
  >"$work/january.csv"

# 744 kWh x 0.10 = 74.40, plus the 10.00 customer charge: 84.40.
out="$("$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/january.csv" --json)"
if [[ "$out" == *'"period":{"start":"2026-01-01","end":"2026-02-01"}'* && "$out" == *'"amount":"74.40"'* &&
      "$out" == *'"total":"84.40"}],"total":"84.40"}'* ]]; then
  echo "ok   a UTC month: 744 kWh x 0.10 + 10.00 = 84.40"
else
  fail "a UTC month: $out"
fi

# The same data in Los Angeles covers Jan 1-30 whole (local days start at 08:00Z): 720 kWh, and
# the customer charge prorated 30/31 days: 10.00 x 30 / 31 = 9.677... -> 9.68. Total 81.68.
out="$("$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/january.csv" --tz America/Los_Angeles --json)"
if [[ "$out" == *'"end":"2026-01-31"'* && "$out" == *'"amount":"72.00"'* && "$out" == *'"amount":"9.68"'* &&
      "$out" == *'"total":"81.68"}'* ]]; then
  echo "ok   local days in America/Los_Angeles: 720 kWh and a prorated charge = 81.68"
else
  fail "local days in America/Los_Angeles: $out"
fi

# The readable table names the total.
if "$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/january.csv" | grep -q "84.40"; then
  echo "ok   the table shows the total"
else
  fail "the table"
fi

# Bad input: exit 2 and one line naming what was wrong.
expect_error() {
  local name="$1" text="$2"
  shift 2
  "$@" >/dev/null 2>"$work/err"
  local code=$?
  if [[ $code -eq 2 && $(grep -c . "$work/err") -eq 1 ]] && grep -qF -- "$text" "$work/err"; then
    echo "ok   $name: $(cat "$work/err")"
  else
    fail "$name: exit $code: $(cat "$work/err")"
  fi
}
sed '100d' "$work/january.csv" >"$work/gap.csv"
expect_error "a gap in the usage" "line 100" \
  "$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/gap.csv"
expect_error "a missing tariff file" "no-such.json" \
  "$ratepayer" rate --tariff "$work/no-such.json" --usage "$work/january.csv"
printf '{"format":"ratepayer-tariff/1","name":"x","unit":"kWh","versions":[{"effective":"2025-13-01"}]}' >"$work/bad.json"
expect_error "a bad tariff date" "effective" \
  "$ratepayer" rate --tariff "$work/bad.json" --usage "$work/january.csv"
expect_error "an unknown time zone" "Mars/Olympus" \
  "$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/january.csv" --tz Mars/Olympus
printf 'interval_start,gal\n2026-01-01T00:00:00Z,1\n2026-01-01T01:00:00Z,1\n' >"$work/water.csv"
expect_error "usage in another unit" "gal" \
  "$ratepayer" rate --tariff "$here/data/flat_rate.json" --usage "$work/water.csv"

exit $((failures > 0))
