#!/usr/bin/env bash
# The payment crash test: 16 clients pay concurrently (8,000 payments, each with its own
# Idempotency-Key, retried until acknowledged, one in ten asked again after its answer) while the
# server is killed with SIGKILL every 0.25 s (at least 3 times, at most 8) and restarted on the same
# database (SQLite). Afterwards every payment
# the server acknowledged exists exactly once, posted, with exactly one ledger entry; no ledger
# entry lacks its payment; no payment is left pending; every account's payment entries sum to its
# posted payments. Prints the figures as JSON.
# Usage: payment_crash_test.sh path/to/ratepayer path/to/payment_crash_load
set -uo pipefail
ratepayer="$1"
load="$2"
work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill -9 "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL $*"; tail -5 "$work/server.log" 2>/dev/null; exit 1; }

db_file="$work/crash.db"
db="sqlite:$db_file"
"$ratepayer" generate --db "$db" --accounts 40 --seed 5 >/dev/null 2>"$work/generate.err" ||
  fail "generate: $(cat "$work/generate.err")"
sqlite3 "$db_file" "SELECT number FROM accounts" >"$work/accounts.txt"
# Below Linux's ephemeral range (32768-60999): a restart must not find its port taken by one of
# the load's own outgoing connections made while the server was down.
port=$((20000 + RANDOM % 12000))

# The load pays as an integration with an API key that may take payments, and nothing else.
staff_key="$("$ratepayer" api-key add --db "$db" --name "crash load" --permission payments.take \
  2>"$work/key.err")" || fail "api-key add: $(cat "$work/key.err")"
staff_key_id="$(sqlite3 "$db_file" "SELECT id FROM api_keys WHERE name = 'crash load'")"

start() {
  RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
  RATEPAYER_LOG_LEVEL=warn "$ratepayer" serve --db "$db" --port "$port" \
    >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  fail "the server did not start on port $port"
}

start
token="$(curl -s -X POST "http://127.0.0.1:$port/api/v1/payment-methods/test-tokens" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $staff_key" \
  -d '{"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"}}' |
  sed -E 's/.*"token":"([^"]+)".*/\1/')"
[[ "$token" == tok_test_* ]] || fail "no test token: $token"

started=$(date +%s%N)
"$load" "$port" "$token" "$work/accounts.txt" 16 500 "$staff_key" >"$work/acknowledged.txt" 2>"$work/load.err" &
load_pid=$!
kills=0
while kill -0 "$load_pid" 2>/dev/null && ((kills < 8)); do
  sleep 0.25
  kill -0 "$load_pid" 2>/dev/null || break
  kill -9 "$server" 2>/dev/null && kills=$((kills + 1))
  wait "$server" 2>/dev/null
  start
done
wait "$load_pid"
load_status=$?
milliseconds=$((($(date +%s%N) - started) / 1000000))
[[ $load_status -eq 0 ]] || fail "the load failed: $(tail -5 "$work/load.err")"
((kills >= 3)) || fail "the load ended after $kills kills; the test needs at least 3"

acknowledged=$(wc -l <"$work/acknowledged.txt")
[[ "$acknowledged" -eq 8000 ]] || fail "$acknowledged of 8000 payments acknowledged"
kill -9 "$server" 2>/dev/null
wait "$server" 2>/dev/null
server=""

sqlite3 "$db_file" <<SQL >"$work/check.txt" || fail "the checks did not run"
CREATE TEMP TABLE acknowledged (key TEXT, confirmation TEXT, account TEXT, cents INTEGER);
.separator " "
.import $work/acknowledged.txt acknowledged
SELECT 'missing_or_changed', COUNT(*) FROM acknowledged a
  WHERE (SELECT COUNT(*) FROM payments p JOIN accounts c ON c.id = p.account_id
         WHERE p.idempotency_key = 'client:account:' || a.account || '/api_key:$staff_key_id:' || a.key
           AND p.confirmation = a.confirmation
           AND p.status = 'posted' AND p.amount_cents = a.cents AND c.number = a.account) <> 1;
SELECT 'posted_without_one_entry', COUNT(*) FROM payments p WHERE p.status = 'posted'
  AND (SELECT COUNT(*) FROM ledger_entries le WHERE le.kind = 'payment'
       AND le.reference = p.confirmation AND le.amount_cents = -p.amount_cents) <> 1;
SELECT 'entries_without_payment', COUNT(*) FROM ledger_entries le WHERE le.kind = 'payment'
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.confirmation = le.reference
                  AND p.status = 'posted');
SELECT 'pending', COUNT(*) FROM payments WHERE status = 'pending';
SELECT 'accounts_off', COUNT(*) FROM accounts c
  WHERE (SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries le
         WHERE le.account_id = c.id AND le.kind = 'payment')
     <> -(SELECT COALESCE(SUM(amount_cents), 0) FROM payments p
          WHERE p.account_id = c.id AND p.status = 'posted');
SELECT 'payments', COUNT(*) FROM payments;
SQL
for check in missing_or_changed posted_without_one_entry entries_without_payment pending accounts_off; do
  grep -qx "$check 0" "$work/check.txt" || fail "$check: $(grep "^$check" "$work/check.txt")"
done
grep -qx "payments 8000" "$work/check.txt" || fail "$(grep "^payments" "$work/check.txt") rows for 8000 payments"
figures="$(tail -1 "$work/load.err")"
echo "{\"kills\": $kills, \"milliseconds\": $milliseconds, \"load\": $figures}"
echo "payment crash test: every acknowledged payment exists exactly once"
