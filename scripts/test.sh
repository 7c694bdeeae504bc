#!/usr/bin/env bash
# Everything: unit and integration tests on SQLite and on a PostgreSQL server started here (own
# data folder, own port, loopback only), the web unit tests, and the browser tests against a real
# server. Stops what it started. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

scripts/build.sh --test || exit 1
(cd tests/e2e && { [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]] || npm ci --no-audit --no-fund --loglevel=error; }) || exit 1

work="$(mktemp -d /tmp/ratepayer-test.XXXXXX)"
server_pid=""
smtp_pid=""
sms_pid=""
pg_port="${RATEPAYER_TEST_PG_PORT:-55432}"
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null && wait "$smtp_pid" 2>/dev/null
  [[ -n "$sms_pid" ]] && kill "$sms_pid" 2>/dev/null && wait "$sms_pid" 2>/dev/null
  scripts/test-postgres.sh stop "$pg_port"
  rm -rf "$work"
}
trap cleanup EXIT

export RATEPAYER_TEST_POSTGRES_URL
RATEPAYER_TEST_POSTGRES_URL="$(scripts/test-postgres.sh start "$pg_port")" || exit 1
echo "PostgreSQL for tests: $RATEPAYER_TEST_POSTGRES_URL"

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

echo "== C++ unit and integration tests (SQLite and PostgreSQL)"
(cd build && ctest -j2 --output-on-failure --timeout 300) | tee "$work/ctest.log"
ctest_total=$(grep -oE 'out of [0-9]+' "$work/ctest.log" | grep -oE '[0-9]+' | tail -1)
ctest_failed=$(grep -oE '[0-9]+ tests failed' "$work/ctest.log" | grep -oE '^[0-9]+' | tail -1)
if [[ -z "$ctest_total" ]]; then ctest_total=0; ctest_failed=1; fi
count $((ctest_total - ctest_failed)) "$ctest_failed"

node_counts() {  # reads node --test output; prints "passed failed"
  local pass fail
  pass=$(grep -E '^# pass [0-9]+' "$1" | grep -oE '[0-9]+' | tail -1)
  fail=$(grep -E '^# fail [0-9]+' "$1" | grep -oE '[0-9]+' | tail -1)
  echo "${pass:-0} ${fail:-1}"
}

echo "== fuzzing the tariff parsers (short run; longer: FUZZ_SECONDS=600 scripts/fuzz.sh)"
FUZZ_SECONDS="${FUZZ_SECONDS:-10}" scripts/fuzz.sh 2>&1 | tee "$work/fuzz.log"
fuzz_ok=$(grep -c '^fuzz .*: ok,' "$work/fuzz.log")
fuzz_failed=$(grep -c '^fuzz .*: FAILED' "$work/fuzz.log")
if (( fuzz_ok + fuzz_failed == 0 )); then fuzz_failed=1; fi  # the fuzz build itself failed
count "$fuzz_ok" "$fuzz_failed"

echo "== web unit tests"
(cd web && npm test --silent) 2>&1 | tee "$work/web.log"
count $(node_counts "$work/web.log")

echo "== browser tests against a real server"
generated="$(build/ratepayer generate --db "sqlite:$work/e2e.db" --accounts 200 --usage-months 24 --as-of today)" || count 0 1
account="$(node -e 'const r = JSON.parse(process.argv[1]); console.log(r.sample_account_numbers[0])' "$generated")"
second_account="$(node -e 'const r = JSON.parse(process.argv[1]); console.log(r.sample_account_numbers[1])' "$generated")"
# The browser tests act as staff with an API key of their own, as an integration would.
staff_key="$(build/ratepayer api-key add --db "sqlite:$work/e2e.db" --name "browser tests" \
  --role administrator 2>/dev/null)" || count 0 1
port=$((pg_port + 1))
# A real SMTP server on loopback: the portal's sign-up email is read from what it captures.
mkfifo "$work/smtp-in"
/usr/bin/python3 tests/smtp/capture_smtp.py "$work/mail" <"$work/smtp-in" >"$work/smtp.out" &
smtp_pid=$!
exec 9>"$work/smtp-in"  # held open until this script exits; the server stops when it closes
for _ in $(seq 50); do grep -q listening "$work/smtp.out" 2>/dev/null && break; sleep 0.1; done
smtp_port="$(sed -E 's/listening //' "$work/smtp.out")"
# An SMS provider on loopback speaking the same Messages API as the real one: texts are read from
# what it takes.
sms_account=AC00000000000000000000000000e2e0
sms_token=e2e-sms-token
mkfifo "$work/sms-in"
/usr/bin/python3 tests/sms/fake_sms_provider.py "$work/texts" "$sms_account" "$sms_token" \
  <"$work/sms-in" >"$work/sms.out" &
sms_pid=$!
exec 8>"$work/sms-in"  # held open until this script exits, as the SMTP server's
for _ in $(seq 50); do grep -q listening "$work/sms.out" 2>/dev/null && break; sleep 0.1; done
sms_port="$(sed -E 's/listening //' "$work/sms.out")"
RATEPAYER_HTTP_STATIC_ROOT="$root/web/dist" RATEPAYER_LOG_LEVEL=warn \
  RATEPAYER_EMAIL_SMTP_URL="smtp://127.0.0.1:$smtp_port" RATEPAYER_EMAIL_FROM=billing@e2e.example \
  RATEPAYER_PORTAL_PUBLIC_URL="http://127.0.0.1:$port" \
  RATEPAYER_SMS_API_URL="http://127.0.0.1:$sms_port" RATEPAYER_SMS_ACCOUNT="$sms_account" \
  RATEPAYER_SMS_TOKEN="$sms_token" RATEPAYER_SMS_FROM=+15415550100 \
  RATEPAYER_PAYMENTS_CARD_PROCESSOR=test RATEPAYER_HTTP_TRUSTED_PROXIES=127.0.0.1 \
  build/ratepayer serve --db "sqlite:$work/e2e.db" --port "$port" &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
# The staff console's tests sign in as a staff user (enrolled here over the API, as the enrolment
# page would) and enrol a second one in the browser from the link `ratepayer staff add` prints.
staff_add() {  # staff_add EMAIL NAME ROLE: the enrolment link
  RATEPAYER_PORTAL_PUBLIC_URL="http://127.0.0.1:$port" build/ratepayer staff add \
    --db "sqlite:$work/e2e.db" --email "$1" --name "$2" --role "$3" 2>/dev/null
}
staff_email=e2e.admin@utility.example
staff_password="e2e staff passphrase 7"
staff_secret="$(node tests/e2e/enrol_staff.mjs "$(staff_add "$staff_email" "E2E Administrator" administrator)" \
  "$staff_password")" || count 0 1
enrol_link="$(staff_add bea.clerk@utility.example "Bea Clerk" cashier)" || count 0 1
# One browser test file at a time: they share one server and one database.
(cd tests/e2e && RATEPAYER_BASE_URL="http://127.0.0.1:$port" RATEPAYER_STAFF_KEY="$staff_key" \
   RATEPAYER_STAFF_EMAIL="$staff_email" RATEPAYER_STAFF_PASSWORD="$staff_password" \
   RATEPAYER_STAFF_TOTP_SECRET="$staff_secret" RATEPAYER_STAFF_ENROL_LINK="$enrol_link" \
   RATEPAYER_E2E_ACCOUNT="$account" RATEPAYER_E2E_SECOND_ACCOUNT="$second_account" RATEPAYER_E2E_MAIL_DIR="$work/mail" \
   RATEPAYER_E2E_TEXT_DIR="$work/texts" \
   RATEPAYER_E2E_DB="$work/e2e.db" RATEPAYER_E2E_USAGE_MONTHS=24 \
   RATEPAYER_E2E_ARTIFACTS="$root/build/e2e-artifacts" node --test --test-concurrency=1) 2>&1 | tee "$work/e2e.log"
count $(node_counts "$work/e2e.log")

echo
echo "tests: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
