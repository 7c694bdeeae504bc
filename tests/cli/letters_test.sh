#!/usr/bin/env bash
# `ratepayer letters export`: every letter not yet exported goes to one CSV for the print vendor;
# once the file is written the letters are marked and their text (a one-time code) leaves the
# database; a file that cannot be written marks nothing; with no letters no file is written.
# Usage: letters_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export RATEPAYER_LOG_LEVEL=warn
db="sqlite:$work/utility.db"
sql() { sqlite3 "$work/utility.db" "$1"; }

"$ratepayer" generate --db "$db" --accounts 2 >/dev/null || fail "generate"
account="$(sql "SELECT id FROM accounts ORDER BY id LIMIT 1")"
sql "INSERT INTO letters (account_id, kind, recipient, address, language, body, created_at) VALUES
  ($account, 'account-link-code', 'Ana \"Ani\" Ruiz', '2777 Pine Blvd' || char(10) || 'Unit 107' ||
   char(10) || 'Springfield, OR 97477', 'es', 'Su código:' || char(10) || '    K7QP-M3XD', '2026-12-01T10:00:00Z')"

message="$("$ratepayer" letters export --db "$db" --out "$work/no-such-folder/letters.csv" 2>&1)"
[[ $? == 1 && "$message" == *"no letter was marked exported"* ]] || fail "unwritable file: '$message'"
[[ "$(sql "SELECT COUNT(*) FROM letters WHERE exported_at IS NULL")" == 1 ]] ||
  fail "a failed export marked the letter"

"$ratepayer" letters export --db "$db" --out "$work/letters.csv" 2>/dev/null || fail "export"
head -1 "$work/letters.csv" | grep -q '^id,kind,recipient,address_line_1,address_line_2,address_line_3,language,body' ||
  fail "header: $(head -1 "$work/letters.csv")"
grep -q '"Ana ""Ani"" Ruiz","2777 Pine Blvd","Unit 107","Springfield, OR 97477","es"' "$work/letters.csv" ||
  fail "row: $(cat "$work/letters.csv")"
grep -q 'K7QP-M3XD' "$work/letters.csv" || fail "the code is not in the file"
[[ "$(sql "SELECT COUNT(*) FROM letters WHERE exported_at IS NOT NULL AND body = ''")" == 1 ]] ||
  fail "the exported letter kept its text"

message="$("$ratepayer" letters export --db "$db" --out "$work/again.csv" 2>&1)"
[[ $? == 0 && "$message" == *"no letters to print"* && ! -e "$work/again.csv" ]] ||
  fail "a second export: '$message'"

if ((failures > 0)); then exit 1; fi
echo "letters: exported once as CSV, text cleared, an unwritable file marks nothing"
