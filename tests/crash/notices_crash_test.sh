#!/usr/bin/env bash
# The notices crash test: bill runs record a few hundred bill-ready events, and the server, which
# decides the notices and hands their emails to a real SMTP server on loopback (a slow one: it
# answers each message 40 ms after keeping it), is killed with SIGKILL in the middle of sending a
# batch, five times, and restarted on the same database (SQLite). Then the claims a killed server held
# run out (their 5 minutes are skipped by moving next_attempt_at to now, as the clock would) and
# the server runs until the outbox is empty. Afterwards:
#   - every bill-ready event on an account with an email on file has exactly one notice;
#   - every such notice's email was marked sent, and the SMTP server received it;
#   - an email received more than once (handed over by a server killed before it marked it sent:
#     delivery is at least once) carried the same Message-ID each time, so mail clients show one.
# Prints the figures as JSON.
# Usage: notices_crash_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
server=""
smtp=""
cleanup() {
  [[ -n "$server" ]] && kill -9 "$server" 2>/dev/null
  [[ -n "$smtp" ]] && kill "$smtp" 2>/dev/null
  exec 9>&- 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL $*"; tail -5 "$work/server.log" 2>/dev/null; exit 1; }

db_file="$work/crash.db"
db="sqlite:$db_file"
"$ratepayer" generate --db "$db" --accounts 240 --seed 9 --usage-months 2 --no-bills \
  --as-of 2026-11-01 >/dev/null 2>"$work/generate.err" || fail "generate: $(cat "$work/generate.err")"

mkdir -p "$work/mail"
mkfifo "$work/smtp-in"
/usr/bin/python3 "$here/../smtp/capture_smtp.py" "$work/mail" 0 40 <"$work/smtp-in" >"$work/smtp.out" 2>&1 &
smtp=$!
exec 9>"$work/smtp-in"  # the capture server stops when this closes
for _ in $(seq 100); do grep -q listening "$work/smtp.out" 2>/dev/null && break; sleep 0.1; done
smtp_port="$(sed -nE 's/^listening ([0-9]+).*/\1/p' "$work/smtp.out")"
[[ -n "$smtp_port" ]] || fail "the SMTP capture server did not start: $(cat "$work/smtp.out")"
port=$((20000 + RANDOM % 12000))

start() {
  RATEPAYER_EMAIL_SMTP_URL="smtp://127.0.0.1:$smtp_port" RATEPAYER_EMAIL_FROM=billing@crash.example \
  RATEPAYER_PORTAL_PUBLIC_URL="http://127.0.0.1:$port" RATEPAYER_LOG_LEVEL=warn \
    "$ratepayer" serve --db "$db" --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  fail "the server did not start"
}
start

# Every cycle of October 2026 billed, beside the server.
"$ratepayer" bill-schedule --db "$db" --month 2026-10 | while read -r cycle read_date _; do
  [[ "$cycle" =~ ^[0-9]+$ ]] || continue
  "$ratepayer" bill-run --db "$db" --cycle "$cycle" --date "$read_date" --json >/dev/null 2>&1 ||
    fail "bill run of cycle $cycle"
done
bill_events="$(sqlite3 "$db_file" "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready'")"
[[ "$bill_events" -gt 100 ]] || fail "only $bill_events bills were made"

# Killed in the middle of sending a batch: the mail server has taken some of its emails, and the
# batch is not marked sent yet.
kills=0
mid_dispatch=0
received_count() { find "$work/mail" -name '*.eml' | wc -l; }
for _ in 1 2 3 4 5; do
  before="$(received_count)"
  for _ in $(seq 400); do
    [[ "$(received_count)" -gt "$before" ]] && break
    sleep 0.02
  done
  sleep 0.1
  unsent="$(sqlite3 "$db_file" "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")"
  [[ "$unsent" -gt 0 ]] && mid_dispatch=$((mid_dispatch + 1))
  kill -9 "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  kills=$((kills + 1))
  start
done
[[ "$mid_dispatch" -gt 0 ]] || fail "no kill came while emails were still waiting"

# One more kill now that every event exists; the claims it held run out; the last server sends.
sleep 0.5
kill -9 "$server" 2>/dev/null
wait "$server" 2>/dev/null
kills=$((kills + 1))
sqlite3 "$db_file" "UPDATE email_outbox SET next_attempt_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                    WHERE sent_at IS NULL AND next_attempt_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
start
expected_sql="SELECT COUNT(*) FROM account_events e JOIN accounts a ON a.id = e.account_id
  JOIN persons p ON p.id = a.person_id WHERE e.kind = 'bill.ready' AND p.email LIKE '%@%'"
expected="$(sqlite3 "$db_file" "$expected_sql")"
for _ in $(seq 600); do
  decided="$(sqlite3 "$db_file" "SELECT COUNT(*) FROM notices WHERE kind = 'bill.ready' AND channel = 'email'")"
  unsent="$(sqlite3 "$db_file" "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")"
  [[ "$decided" -ge "$expected" && "$unsent" -eq 0 ]] && break
  sleep 0.2
done
[[ "$unsent" -eq 0 ]] || fail "$unsent emails were never sent"

missing="$(sqlite3 "$db_file" "$expected_sql AND NOT EXISTS (SELECT 1 FROM notices n
  WHERE n.event_id = e.id AND n.channel = 'email')")"
doubled="$(sqlite3 "$db_file" "SELECT COUNT(*) FROM (SELECT event_id FROM notices
  WHERE channel = 'email' GROUP BY event_id, recipient HAVING COUNT(*) > 1)")"
[[ "$missing" -eq 0 ]] || fail "$missing bill-ready events have no notice"
[[ "$doubled" -eq 0 ]] || fail "$doubled events have more than one notice per recipient"
[[ "$decided" -eq "$expected" ]] || fail "$decided notices for $expected events"

# Every notice's email reached the SMTP server, by its Message-ID.
sqlite3 "$db_file" "SELECT o.message_key FROM notices n JOIN email_outbox o ON o.id = n.email_id
  WHERE n.kind = 'bill.ready'" | sort >"$work/expected_ids"
grep -h '^Message-ID: <' "$work/mail"/*.eml | sed -E 's/^Message-ID: <([^@]+)@.*/\1/' | tr -d '\r' |
  sort >"$work/received_ids"
received="$(wc -l <"$work/received_ids")"
distinct="$(sort -u "$work/received_ids" | wc -l)"
not_received="$(comm -23 "$work/expected_ids" <(sort -u "$work/received_ids") | wc -l)"
[[ "$not_received" -eq 0 ]] || fail "$not_received notices never reached the mail server"
blank_ids="$(grep -c '^$' "$work/expected_ids")"
[[ "$blank_ids" -eq 0 ]] || fail "$blank_ids notices have no Message-ID of their own"
printf '{"kills": %d, "kills_mid_dispatch": %d, "bill_ready_events": %d, "notices": %d, "emails_received": %d, "distinct_message_ids": %d, "received_twice_same_id": %d}\n' \
  "$kills" "$mid_dispatch" "$bill_events" "$decided" "$received" "$distinct" "$((received - distinct))"
