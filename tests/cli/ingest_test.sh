#!/usr/bin/env bash
# `ratepayer ingest` end to end, on SQLite and (when RATEPAYER_TEST_POSTGRES_URL is set) on
# PostgreSQL: a reads file ingested once; the same file killed with SIGKILL after a few chunks and
# run again ends with exactly the rows of the uninterrupted run; a third run is a no-op; a file
# that is not a reads file changes nothing.
# Usage: ingest_test.sh path/to/ratepayer path/to/make_reads_csv
set -uo pipefail
ratepayer="$1"
make_reads_csv="$2"
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

# sql URL QUERY: one query's rows, '|'-separated.
sql() {
  if [[ "$1" == sqlite:* ]]; then
    sqlite3 "${1#sqlite:}" "$2"
  else
    psql "$1" -tAqc "$2"
  fi
}

# dump URL: every meter-data row that an ingest writes, without times and generated ids.
dump() {
  sql "$1" "SELECT channel_id, utc_day, vals, quality, version FROM interval_days ORDER BY 1, 2"
  sql "$1" "SELECT channel_id, utc_day, version, reason FROM interval_day_history ORDER BY 1, 2, 3"
  sql "$1" "SELECT line, reason, text FROM read_rejects ORDER BY 1, 2"
  sql "$1" "SELECT channel_id, utc_day, first_slot, last_slot, rule, evidence, status
            FROM vee_exceptions ORDER BY 1, 2, 3, 5"
  sql "$1" "SELECT accepted, estimated, exceptions, rejected, status FROM ingests ORDER BY id"
}

# new_database NAME: a fresh, generated utility; prints its URL.
new_database() {
  local url
  if [[ "$engine" == sqlite ]]; then
    url="sqlite:$work/$1.db"
  else
    local schema="cli_ingest_$1_$$"
    schemas+=("$schema")
    psql "$RATEPAYER_TEST_POSTGRES_URL" -qc "CREATE SCHEMA $schema" >/dev/null
    url="$RATEPAYER_TEST_POSTGRES_URL?options=-csearch_path%3D$schema"
  fi
  "$ratepayer" generate --db "$url" --accounts 60 --seed 7 >/dev/null 2>"$work/generate.err" ||
    { cat "$work/generate.err" >&2; return 1; }
  echo "$url"
}

run_engine() {
  local reference interrupted
  reference="$(new_database reference)" || { fail "$engine: generate"; return; }
  interrupted="$(new_database interrupted)" || { fail "$engine: generate"; return; }
  if [[ ! -f "$work/reads.csv" ]]; then
    "$make_reads_csv" "$reference" 40 12 2026-10-01 "$work/reads.csv" >/dev/null ||
      { fail "$engine: make_reads_csv"; return; }
    printf 'E404,kWh,2026-10-02T00:00:00Z,1.000,A\nE404,kWh,not-a-time,1,A\n' >>"$work/reads.csv"
  fi
  export RATEPAYER_INGEST_CHUNK_DAYS=16

  "$ratepayer" ingest --db "$reference" "$work/reads.csv" >"$work/reference.out" 2>&1 ||
    { fail "$engine: reference ingest"; cat "$work/reference.out"; return; }
  grep -q "rejected 2" "$work/reference.out" || fail "$engine: reference report: $(cat "$work/reference.out")"
  dump "$reference" >"$work/reference.dump"

  RATEPAYER_INGEST_KILL_AFTER_CHUNKS=3 "$ratepayer" ingest --db "$interrupted" "$work/reads.csv" \
    >"$work/killed.out" 2>&1 &
  wait $!
  local code=$?
  [[ $code -eq 137 ]] || fail "$engine: the killed ingest exited $code, expected 137 (SIGKILL)"
  local running days
  running="$(sql "$interrupted" "SELECT COUNT(*) FROM ingests WHERE status = 'running'")"
  days="$(sql "$interrupted" "SELECT COUNT(*) FROM interval_days")"
  local all_days
  all_days="$(sql "$reference" "SELECT COUNT(*) FROM interval_days")"
  [[ "$running" == 1 && "$days" -gt 0 && "$days" -lt "$all_days" ]] ||
    fail "$engine: after the kill: $running running ingests and $days of $all_days days"

  "$ratepayer" ingest --db "$interrupted" "$work/reads.csv" >"$work/resumed.out" 2>&1 ||
    { fail "$engine: resumed ingest"; cat "$work/resumed.out"; return; }
  grep -q "resumed an interrupted ingest" "$work/resumed.out" ||
    fail "$engine: resumed report: $(cat "$work/resumed.out")"
  dump "$interrupted" >"$work/resumed.dump"
  if cmp -s "$work/reference.dump" "$work/resumed.dump"; then
    echo "ok   $engine: killed after 3 chunks and run again = one uninterrupted run ($(wc -l <"$work/reference.dump") rows compared)"
  else
    fail "$engine: the resumed ingest differs from one run:"
    diff "$work/reference.dump" "$work/resumed.dump" | head -20
  fi

  "$ratepayer" ingest --db "$interrupted" "$work/reads.csv" >"$work/again.out" 2>&1 ||
    fail "$engine: third run"
  grep -q "already ingested" "$work/again.out" || fail "$engine: third run report: $(cat "$work/again.out")"
  dump "$interrupted" >"$work/again.dump"
  cmp -s "$work/resumed.dump" "$work/again.dump" && echo "ok   $engine: the same file again changes nothing" ||
    fail "$engine: the third run changed something"

  printf 'this,is,not\na reads file\n' >"$work/garbage.csv"
  "$ratepayer" ingest --db "$interrupted" "$work/garbage.csv" >"$work/garbage.out" 2>"$work/garbage.err"
  code=$?
  local ingests
  ingests="$(sql "$interrupted" "SELECT COUNT(*) FROM ingests")"
  if [[ $code -eq 1 && "$ingests" == 1 ]] && grep -q "header" "$work/garbage.err"; then
    echo "ok   $engine: a file that is not a reads file: $(cat "$work/garbage.err")"
  else
    fail "$engine: garbage file: exit $code, $ingests ingests, stderr $(cat "$work/garbage.err")"
  fi
}

engine=sqlite run_engine
if [[ -n "${RATEPAYER_TEST_POSTGRES_URL:-}" ]]; then
  engine=postgresql run_engine
fi
exit $((failures > 0))
