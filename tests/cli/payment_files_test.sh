#!/usr/bin/env bash
# The back office's bank files from the command line: `ratepayer lockbox import` posts what it
# matches, holds the rest in suspense, and a second import of the same file posts nothing;
# `ratepayer ach export` with nothing to send writes no file; a malformed file is named by line
# and changes nothing.
# Usage: payment_files_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
db="sqlite:$work/utility.db"
export RATEPAYER_PAYMENTS_VAULT_KEY_FILE="$work/keys/vault.key"
export RATEPAYER_LOG_LEVEL=warn

"$ratepayer" generate --db "$db" --accounts 3 >/dev/null || fail "generate"
account="$(sqlite3 "$work/utility.db" "SELECT number FROM accounts ORDER BY id LIMIT 1")"
payments() { sqlite3 "$work/utility.db" "SELECT COUNT(*) FROM payments"; }

cat >"$work/lockbox.bai" <<BAI
01,021000021,RATEPAYER,261124,0615,1,80,10,2/
02,RATEPAYER,021000021,1,261123,2400,,2/
03,4410012345,USD/
16,115,6000,0,LBX001,$account,BATCH 1 ITEM 1/
16,115,1500,0,LBX002,,NO STUB/
49,7500,4/
98,7500,1,6/
99,7500,1,8/
BAI
report="$("$ratepayer" lockbox import --db "$db" --json "$work/lockbox.bai")" || fail "import"
[[ "$report" == *'"posted":1'* && "$report" == *'"suspense":1'* ]] || fail "report: $report"
[[ "$(payments)" == 1 ]] || fail "one payment posted, found $(payments)"
again="$("$ratepayer" lockbox import --db "$db" --json "$work/lockbox.bai")" || fail "re-import"
[[ "$again" == *'"already_imported":true'* ]] || fail "re-import report: $again"
[[ "$(payments)" == 1 ]] || fail "re-import posted again: $(payments) payments"

sed 's/^49,7500/49,7501/' "$work/lockbox.bai" >"$work/broken.bai"
sed -i 's/LBX00/LBY00/' "$work/broken.bai"
message="$("$ratepayer" lockbox import --db "$db" "$work/broken.bai" 2>&1)"
status=$?
[[ $status == 1 && "$message" == *"line 6"* ]] || fail "broken file: exit $status, '$message'"
[[ "$(payments)" == 1 ]] || fail "a broken file posted something"

out="$("$ratepayer" ach export --db "$db" --out "$work/debits.ach" 2>&1)" || fail "ach export"
[[ "$out" == *"no bank payments to send"* && ! -e "$work/debits.ach" ]] || fail "export: $out"
[[ "$(stat -c %a "$work/keys/vault.key")" == 600 ]] || fail "the vault key is not mode 0600"
printf '6bad\n' >"$work/returns.ach"
message="$("$ratepayer" ach returns --db "$db" "$work/returns.ach" 2>&1)"
status=$?
[[ $status == 1 && "$message" == *"line 1"* ]] || fail "bad return file: exit $status, '$message'"

if ((failures > 0)); then exit 1; fi
echo "payment files: lockbox import, re-import and a broken file; ACH export and returns"
