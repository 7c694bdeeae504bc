#!/usr/bin/env bash
# `ratepayer bill-run` end to end, on SQLite and (when RATEPAYER_TEST_POSTGRES_URL is set) on
# PostgreSQL: a generated utility's cycle billed once without interruption; the same cycle in a
# copy killed with SIGKILL after two chunks and run again ends with the same bills, numbers and
# ledger (none twice, no gap); a read date off the schedule changes nothing; `ratepayer late-fees`
# charges the unpaid bills once.
# Usage: bill_run_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
schemas=()
cleanup() {
  for schema in "${schemas[@]}"; do
    psql "$RATEPAYER_TEST_POSTGRES_URL" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

sql() {
  if [[ "$1" == sqlite:* ]]; then sqlite3 "${1#sqlite:}" "$2"; else psql "$1" -tAqc "$2"; fi
}

# dump URL: the bills, sections, lines and ledger a run writes, without times and ids.
dump() {
  sql "$1" "SELECT a.number, b.number, b.status, b.period_start, b.period_end, b.charges_cents,
            b.previous_balance_cents FROM bills b JOIN accounts a ON a.id = b.account_id
            ORDER BY a.number"
  sql "$1" "SELECT s.service_agreement_id, s.period_start, s.usage_milli, s.charges_cents,
            COUNT(l.position) FROM bill_sections s LEFT JOIN bill_lines l ON l.bill_section_id = s.id
            GROUP BY s.id, s.service_agreement_id, s.period_start, s.usage_milli, s.charges_cents
            ORDER BY 1, 2"
  sql "$1" "SELECT account_id, kind, amount_cents, reference FROM ledger_entries
            WHERE kind = 'bill' ORDER BY account_id"
}

new_database() {
  local url
  if [[ "$engine" == sqlite ]]; then
    url="sqlite:$work/$1.db"
  else
    local schema="cli_bill_run_$1_$$"
    schemas+=("$schema")
    psql "$RATEPAYER_TEST_POSTGRES_URL" -qc "CREATE SCHEMA $schema" >/dev/null
    url="$RATEPAYER_TEST_POSTGRES_URL?options=-csearch_path%3D$schema"
  fi
  "$ratepayer" generate --db "$url" --accounts 400 --seed 11 --usage-months 2 --no-bills \
    >/dev/null 2>"$work/generate.err" || { cat "$work/generate.err" >&2; return 1; }
  echo "$url"
}

run_engine() {
  local reference interrupted
  reference="$(new_database reference)" || { fail "$engine: generate"; return; }
  interrupted="$(new_database interrupted)" || { fail "$engine: generate"; return; }
  # Cycle 3 reads on 2026-10-05.
  RATEPAYER_BILL_RUN_CHUNK_ACCOUNTS=4 "$ratepayer" bill-run --db "$reference" --cycle 3 \
    --date 2026-10-05 --json >"$work/reference.json" 2>/dev/null || fail "$engine: reference run"
  RATEPAYER_BILL_RUN_CHUNK_ACCOUNTS=4 RATEPAYER_BILL_RUN_KILL_AFTER_CHUNKS=2 \
    "$ratepayer" bill-run --db "$interrupted" --cycle 3 --date 2026-10-05 --json \
    >/dev/null 2>&1
  [[ $? -eq 137 ]] || fail "$engine: the killed run was not killed"
  local partial
  partial="$(sql "$interrupted" "SELECT COUNT(*) FROM bills")"
  [[ "$partial" -gt 0 ]] || fail "$engine: nothing was committed before the kill"
  RATEPAYER_BILL_RUN_CHUNK_ACCOUNTS=4 "$ratepayer" bill-run --db "$interrupted" --cycle 3 \
    --date 2026-10-05 --json >"$work/resumed.json" 2>/dev/null || fail "$engine: resumed run"
  local bills
  bills="$(sql "$reference" "SELECT COUNT(*) FROM bills")"
  [[ "$bills" -gt 8 && "$partial" -lt "$bills" ]] || fail "$engine: $bills bills, $partial before the kill"
  diff <(dump "$reference") <(dump "$interrupted") >"$work/diff" ||
    { fail "$engine: the resumed run differs"; head -20 "$work/diff"; }
  local numbers
  numbers="$(sql "$interrupted" "SELECT COUNT(DISTINCT number), MIN(number), MAX(number)
                                 FROM bills WHERE status = 'released'")"
  local released
  released="$(sql "$interrupted" "SELECT COUNT(*) FROM bills WHERE status = 'released'")"
  [[ "$numbers" == "$released|1|$released" ]] || fail "$engine: bill numbers $numbers for $released bills"
  grep -q '"status":"done"' "$work/resumed.json" || fail "$engine: the resumed run did not finish"

  local before after
  before="$(dump "$reference" | md5sum)"
  if "$ratepayer" bill-run --db "$reference" --cycle 3 --date 2026-10-06 2>"$work/off.err"; then
    fail "$engine: a read date off the schedule was accepted"
  fi
  grep -q "cycle 3 reads on 2026-10-05 that month, not 2026-10-06" "$work/off.err" ||
    fail "$engine: unclear error: $(cat "$work/off.err")"
  after="$(dump "$reference" | md5sum)"
  [[ "$before" == "$after" ]] || fail "$engine: the refused run changed something"

  # The late-fee job on the billed cycle (nothing paid): some bills charged, none twice.
  "$ratepayer" late-fees --db "$reference" --date 2026-11-23 --json >"$work/fees.json" 2>/dev/null ||
    fail "$engine: late-fees"
  local charged fees
  charged="$(sed -E 's/.*"charged":([0-9]+).*/\1/' "$work/fees.json")"
  [[ "$charged" -gt 0 ]] || fail "$engine: no late fee charged: $(cat "$work/fees.json")"
  "$ratepayer" late-fees --db "$reference" --date 2026-11-24 --json >"$work/again.json" 2>/dev/null
  grep -q '"bills":0' "$work/again.json" || fail "$engine: bills answered twice: $(cat "$work/again.json")"
  fees="$(sql "$reference" "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'late_fee'")"
  [[ "$fees" == "$charged" ]] || fail "$engine: $fees late fee entries for $charged charged"
  if "$ratepayer" late-fees --db "$reference" --date 2026-11-31 2>"$work/fees.err"; then
    fail "$engine: an impossible date was accepted"
  fi
  grep -q "date" "$work/fees.err" || fail "$engine: unclear error: $(cat "$work/fees.err")"
  # A day that has not come would charge bills that are not late yet: refused, nothing charged.
  if "$ratepayer" late-fees --db "$reference" --date 2099-01-01 2>"$work/future.err"; then
    fail "$engine: a date after today was accepted"
  fi
  grep -q "after today" "$work/future.err" || fail "$engine: unclear error: $(cat "$work/future.err")"
  fees="$(sql "$reference" "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'late_fee'")"
  [[ "$fees" == "$charged" ]] || fail "$engine: a refused run charged fees ($fees for $charged)"
}

engine=sqlite
run_engine
if [[ -n "${RATEPAYER_TEST_POSTGRES_URL:-}" ]]; then
  engine=postgresql
  run_engine
fi
[[ $failures -eq 0 ]] && echo "bill run CLI: all checks passed"
exit $((failures > 0))
