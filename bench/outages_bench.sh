#!/usr/bin/env bash
# Storm benchmark (issue 22): a SQLite utility of BENCH_OUTAGES_ACCOUNTS (100,000) accounts on
# their generated electric network; for BENCH_OUTAGES_SECONDS (60) at once: last gasps from the
# AMI meters under random feeders making up BENCH_OUTAGES_GASP_PERCENT (10) of the homes, reports
# at BENCH_OUTAGES_REPORT_RATE (83: the issue's 50,000 in 10 minutes) a second through a phone
# system's key, and status lookups at BENCH_OUTAGES_STATUS_RATE (2,000) a second from
# BENCH_OUTAGES_STATUS_CLIENTS (32) clients; card payments at BENCH_OUTAGES_PAYMENT_RATE (100) a
# second, alone for BENCH_OUTAGES_QUIET_SECONDS (20) first and then through the storm.
# bench/outages_bench.cc prints the figures.
# usage: bench/outages_bench.sh   (from the repository root, after a build)
set -euo pipefail
ratepayer="${BENCH_RATEPAYER:-build/ratepayer}"
client=build/bench/outages_bench
accounts="${BENCH_OUTAGES_ACCOUNTS:-100000}"
seconds="${BENCH_OUTAGES_SECONDS:-60}"
port="${BENCH_OUTAGES_PORT:-18284}"
work="$(mktemp -d /tmp/ratepayer-outages-bench.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "generating $accounts accounts and their network ..." >&2
"$ratepayer" generate --db "sqlite:$work/storm.db" --accounts "$accounts" >/dev/null
sqlite3 -separator ' ' "$work/storm.db" "
  SELECT a.number, sp.premise_id, CASE WHEN m.kind = 'ami' THEN m.serial ELSE '-' END, t.feeder_id
  FROM accounts a
  JOIN service_agreements sa ON sa.account_id = a.id AND sa.end_date IS NULL
  JOIN service_points sp ON sp.id = sa.service_point_id AND sp.commodity = 'electric'
  JOIN meters m ON m.service_point_id = sp.id AND m.removed_on IS NULL
  JOIN transformers t ON t.id = sp.transformer_id" >"$work/homes.txt"
key="$("$ratepayer" api-key add --db "sqlite:$work/storm.db" --name "phone system and head-end" \
  --role administrator 2>/dev/null)"
RATEPAYER_LOG_LEVEL=warn RATEPAYER_PAYMENTS_CARD_PROCESSOR=test "$ratepayer" serve --db "sqlite:$work/storm.db" --port "$port" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
# The first status snapshot.
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/outages/status?premise=1" >/dev/null && break
  sleep 0.2
done
card="$(curl -s -X POST "http://127.0.0.1:$port/api/v1/payment-methods/test-tokens" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
  -d '{"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"}}' |
  sed -E 's/.*"token":"([^"]+)".*/\1/')"
echo "payments alone, then the storm: $seconds s ..." >&2
"$client" "$port" "$key" "$work/homes.txt" "$seconds" "${BENCH_OUTAGES_REPORT_RATE:-83}" \
  "${BENCH_OUTAGES_STATUS_RATE:-2000}" "${BENCH_OUTAGES_STATUS_CLIENTS:-32}" \
  "${BENCH_OUTAGES_GASP_PERCENT:-10}" "$card" "${BENCH_OUTAGES_PAYMENT_RATE:-100}" \
  "${BENCH_OUTAGES_QUIET_SECONDS:-20}"
sqlite3 "$work/storm.db" "SELECT json_object('open_outages', COUNT(*), 'customers_out',
  SUM(customers_out)) FROM outages WHERE status NOT IN ('restored', 'merged', 'cancelled')"
