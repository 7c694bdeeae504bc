#!/usr/bin/env bash
# Payment benchmark: BENCH_PAYMENT_CLIENTS (200) concurrent customers on loopback, each paying by
# card (POST /payments, a new Idempotency-Key each time, durable before the answer) and then
# reading the balance (GET /summary), for BENCH_PAYMENT_SECONDS (20), against a SQLite utility of
# BENCH_PAYMENT_ACCOUNTS (20,000) accounts with 2 months of 15-minute data, while the server bills
# October's cycles over the staff API (a bill run in progress throughout). Prints the client's JSON
# (payments/s, p50/p99 of the POST and of POST + GET, refusals) with the bill runs' progress:
#  1. at BENCH_PAYMENT_RATE (2,000) payments a second (the goal: all answered, POST p99 <= 20 ms);
#  2. as fast as the server answers: its capacity C (payments/s);
#  3. GET /healthz as fast as answered: the machine's speed H, so C/H compares across machines;
#  4. at 1.5 x C (overload): accepted payments keep their p99, the rest are refused (503) at once,
#     and each refused one, sent again once the load is over, posts exactly once;
# then the ledger check: the payments in the database are exactly those acknowledged.
# usage: bench/payment_bench.sh   (from the repository root, after a build)
set -euo pipefail
ratepayer=build/ratepayer
client=build/bench/payment_bench
accounts="${BENCH_PAYMENT_ACCOUNTS:-20000}"
clients="${BENCH_PAYMENT_CLIENTS:-200}"
seconds="${BENCH_PAYMENT_SECONDS:-20}"
port="${BENCH_PAYMENT_PORT:-18282}"
work="$(mktemp -d /tmp/ratepayer-payment-bench.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "generating $accounts accounts with 2 months of usage ..." >&2
"$ratepayer" generate --db "sqlite:$work/pay.db" --accounts "$accounts" --usage-months 2 \
  --no-bills >/dev/null
sqlite3 "$work/pay.db" "SELECT number FROM accounts" >"$work/accounts.txt"
staff="$("$ratepayer" api-key add --db "sqlite:$work/pay.db" --name "payment bench" \
  --role administrator 2>/dev/null)"
RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
  RATEPAYER_LOG_LEVEL=warn "$ratepayer" serve --db "sqlite:$work/pay.db" --port "$port" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
card="$(curl -s -X POST "http://127.0.0.1:$port/api/v1/payment-methods/test-tokens" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $staff" \
  -d '{"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"}}' |
  sed -E 's/.*"token":"([^"]+)".*/\1/')"

# A bill run in progress throughout: October's cycles, one after another, over the staff API.
# (BENCH_BILL_RUN=0 leaves it out, to see the payment path alone.)
(
  [[ "${BENCH_BILL_RUN:-1}" == 0 ]] && exit 0
  while read -r cycle read_date _; do
    [[ "$cycle" =~ ^[0-9]+$ ]] || continue
    # Past capacity the server refuses the start of a run too (503, Retry-After: 1): ask again.
    until curl -s -X POST "http://127.0.0.1:$port/api/v1/staff/bill-runs" -H "Authorization: Bearer $staff" \
      -H 'Content-Type: application/json' -d "{\"cycle\": $cycle, \"read_date\": \"$read_date\"}" \
      >"$work/run-$cycle.json" && grep -q '"id":' "$work/run-$cycle.json"; do sleep 1; done
    id="$(sed -E 's/.*"id":([0-9]+).*/\1/' "$work/run-$cycle.json")"
    until curl -s -H "Authorization: Bearer $staff" "http://127.0.0.1:$port/api/v1/staff/bill-runs/$id" |
      grep -q '"billing_now":false'; do sleep 0.2; done
  done < <("$ratepayer" bill-schedule --db "sqlite:$work/pay.db" --month 2026-10)
) &
billing=$!
sleep 1
# First at the goal's rate (open loop, BENCH_PAYMENT_RATE a second in all, latency counted from
# when each payment was due) while the bill runs go on; then as fast as the server answers (closed
# loop: its capacity; the bill runs may have finished by then: the bill counts say how far).
before="$(sqlite3 "$work/pay.db" "SELECT COUNT(*) FROM payments")"
"$client" "$port" "$staff" "$card" "$work/accounts.txt" "$clients" "$seconds" \
  "${BENCH_PAYMENT_RATE:-2000}" >"$work/result.json" || true
bills_during_paced="$(sqlite3 "$work/pay.db" "SELECT COUNT(*) FROM bills")"
"$client" "$port" "$staff" "$card" "$work/accounts.txt" "$clients" "$seconds" \
  >"$work/capacity.json" || true
capacity="$(sed -E 's/.*"payments_per_second": ([0-9]+).*/\1/' "$work/capacity.json")"
"$client" "$port" - - healthz 64 5 >"$work/healthz.json"
healthz="$(sed -E 's/.*"healthz_per_second": ([0-9]+).*/\1/' "$work/healthz.json")"
overload=$((capacity * 3 / 2))
"$client" "$port" "$staff" "$card" "$work/accounts.txt" "$clients" "$seconds" "$overload" \
  >"$work/overload.json" || true
bills="$(sqlite3 "$work/pay.db" "SELECT COUNT(*) FROM bills")"
kill "$billing" 2>/dev/null || true
wait "$billing" 2>/dev/null || true
after="$(sqlite3 "$work/pay.db" "SELECT COUNT(*) FROM payments")"
acknowledged=0
for run in "$work/result.json" "$work/capacity.json" "$work/overload.json"; do
  acknowledged=$((acknowledged + $(sed -E 's/.*"payments": ([0-9]+).*/\1/' "$run") + \
    $(sed -E 's/.*"refused_then_posted": ([0-9]+).*/\1/' "$run")))
done
echo "{\"bills_after_paced_run\": $bills_during_paced, \"bills_after_all\": $bills}"
echo "{\"run\": \"paced at the goal\", \"result\": $(cat "$work/result.json")}"
echo "{\"run\": \"capacity\", \"result\": $(cat "$work/capacity.json")}"
cat "$work/healthz.json"
echo "{\"run\": \"overload at 1.5 x capacity\", \"result\": $(cat "$work/overload.json")}"
echo "{\"capacity_per_second\": $capacity, \"healthz_per_second\": $healthz, \"capacity_to_healthz\": $(awk "BEGIN {printf \"%.4f\", $capacity / $healthz}"), \"payments_in_ledger\": $((after - before)), \"payments_acknowledged\": $acknowledged, \"lost_or_doubled\": $((after - before - acknowledged))}"
