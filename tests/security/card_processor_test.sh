#!/usr/bin/env bash
# The test card processor runs only when the configuration names it, says so, and takes only the
# tokens it signed:
#  * a server with no card processor configured answers /healthz "card_processor": "none",
#    has no test-token route and refuses a card payment (503 card-payments-unavailable);
#  * with payments.card_processor = test, /healthz and the log name the test double; a token it
#    issued pays, and a forged or edited one is refused (422) and writes nothing;
#  * a token survives a restart (its key comes from the vault key);
#  * no secret is on the server's command line.
# Usage: card_processor_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
server=""
stop() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; server=""; }
trap 'stop; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
db="sqlite:$work/utility.db"
export RATEPAYER_PAYMENTS_VAULT_KEY_FILE="$work/vault.key"
export RATEPAYER_LOG_LEVEL=info
port=$((20000 + RANDOM % 12000))
base="http://127.0.0.1:$port"

"$ratepayer" generate --db "$db" --accounts 2 >/dev/null || fail "generate"
account="$(sqlite3 "$work/utility.db" "SELECT number FROM accounts ORDER BY id LIMIT 1")"
staff="$("$ratepayer" api-key add --db "$db" --name "card test" --permission payments.take \
  2>/dev/null)" || fail "api-key add"
payments() { sqlite3 "$work/utility.db" "SELECT COUNT(*) FROM payments"; }

start() {  # start LOG [ENV...]
  local log="$1"
  shift
  env "$@" "$ratepayer" serve --db "$db" --port "$port" >"$work/$log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && return 0; sleep 0.1; done
  fail "server did not start: $(cat "$work/$log")"
}
post() {  # post PATH BODY [KEY]
  curl -s -o "$work/body" -w '%{http_code}' -X POST "$base$1" -H "Authorization: Bearer $staff" \
    -H 'Content-Type: application/json' ${3:+-H "Idempotency-Key: $3"} -d "$2"
}
card='{"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2035, "cvc": "123"}}'
pay() {  # pay TOKEN KEY
  post "/api/v1/accounts/$account/payments" \
    "{\"amount\": \"5.00\", \"payment_method\": {\"token\": \"$1\"}}" "$2"
}

# No card processor configured: nothing fake is taken.
start none.log
health="$(curl -s "$base/healthz")"
[[ "$health" == *'"card_processor":"none"'* ]] || fail "healthz without a processor: $health"
code="$(post /api/v1/payment-methods/test-tokens "$card")"
[[ "$code" == 404 ]] || fail "test tokens without the test processor: $code $(cat "$work/body")"
code="$(pay tok_test_approve_card_visa_4242_0123456789abcdef k-none)"
[[ "$code" == 503 && "$(cat "$work/body")" == *card-payments-unavailable* ]] ||
  fail "a card payment without a processor: $code $(cat "$work/body")"
grep -q "no card processor configured" "$work/none.log" || fail "the log does not say: no processor"
if ps -o args= -p "$server" | grep -q "rpk_"; then fail "an API key is on the command line"; fi
stop

# The test processor, named.
start test.log RATEPAYER_PAYMENTS_CARD_PROCESSOR=test
health="$(curl -s "$base/healthz")"
[[ "$health" == *'"card_processor":"test"'* && "$health" == *'test cards only'* ]] ||
  fail "healthz with the test processor: $health"
grep -q "TEST card processor" "$work/test.log" || fail "the log does not name the test processor"
code="$(post /api/v1/payment-methods/test-tokens "$card")"
[[ "$code" == 201 ]] || fail "a test token: $code $(cat "$work/body")"
token="$(sed -E 's/.*"token":"([^"]+)".*/\1/' "$work/body")"
for forged in tok_test_approve_card_visa_4242_forged \
  tok_test_approve_card_visa_4242_0123456789abcdef "${token%?}0" \
  "$(printf '%s' "$token" | sed 's/^tok_test_approve/tok_test_decline/')"; do
  [[ "$forged" == "$token" ]] && continue
  code="$(pay "$forged" "k-$RANDOM")"
  [[ "$code" == 422 ]] || fail "a forged token ($forged): $code $(cat "$work/body")"
done
[[ "$(payments)" == 0 ]] || fail "forged tokens wrote $(payments) payments"
stop

# After a restart the same token still pays.
start again.log RATEPAYER_PAYMENTS_CARD_PROCESSOR=test
code="$(pay "$token" k-real)"
[[ "$code" == 201 ]] || fail "the issued token after a restart: $code $(cat "$work/body")"
[[ "$(payments)" == 1 ]] || fail "one payment expected, found $(payments)"
stop

if "$ratepayer" serve --staff-token "$staff" --port 0 --db "$db" >/dev/null 2>&1; then
  fail "serve accepted --staff-token"
fi

if ((failures > 0)); then exit 1; fi
echo "card processor: none refuses, test is named and takes only its own signed tokens"
