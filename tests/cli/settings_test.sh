#!/usr/bin/env bash
# The utility's settings have one home, the database: `ratepayer settings` lists them, `settings
# set` checks a value before writing it and records who changed it, the time zone cannot change
# once bills exist, and the configuration file refuses a [utility] section with a pointer here.
# Usage: settings_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export RATEPAYER_LOG_LEVEL=warn
db="sqlite:$work/utility.db"
setting() { sqlite3 "$work/$1" "SELECT value FROM utility_settings WHERE key = '$2'"; }

"$ratepayer" generate --db "$db" --accounts 3 --time-zone America/Denver --utility-name "Cedar Water" \
  >/dev/null || fail "generate"
listed="$("$ratepayer" settings --db "$db")" || fail "settings"
[[ "$listed" == *"name = Cedar Water"* && "$listed" == *"time_zone = America/Denver"* ]] ||
  fail "settings lists: $listed"
[[ "$listed" == *"bill_due_days  (not set: 21 applies)"* ]] || fail "an unset setting is said as such, with what applies"

"$ratepayer" settings set --db "$db" bill_due_days 25 2>/dev/null || fail "set bill_due_days"
[[ "$(setting utility.db bill_due_days)" == 25 ]] || fail "bill_due_days not written"
actor="$(sqlite3 "$work/utility.db" "SELECT actor FROM account_events WHERE kind = 'utility.setting_changed' ORDER BY id DESC LIMIT 1")"
[[ "$actor" == "cli:$(id -un)" ]] || fail "recorded as '$actor', not the machine's user"

message="$("$ratepayer" settings set --db "$db" bill_due_days 500 2>&1)"
status=$?
[[ $status == 1 && "$message" == *"bill_due_days"* && "$message" == *"1 to 90"* ]] ||
  fail "a bad value: exit $status, '$message'"
[[ "$(setting utility.db bill_due_days)" == 25 ]] || fail "a bad value changed the setting"
message="$("$ratepayer" settings set --db "$db" bill_due_dayz 5 2>&1)"
[[ $? == 1 && "$message" == *"no setting is named bill_due_dayz"* ]] || fail "an unknown key: '$message'"

"$ratepayer" settings set --db "$db" time_zone America/Chicago 2>/dev/null || fail "time zone, no bills"
[[ "$(setting utility.db time_zone)" == America/Chicago ]] || fail "time zone not written"

# Once bills exist the zone is fixed.
"$ratepayer" generate --db "sqlite:$work/billed.db" --accounts 20 --usage-months 2 >/dev/null ||
  fail "generate with bills"
message="$("$ratepayer" settings set --db "sqlite:$work/billed.db" time_zone America/New_York 2>&1)"
status=$?
[[ $status == 1 && "$message" == *"cannot change once bills exist"* ]] ||
  fail "time zone with bills: exit $status, '$message'"
[[ "$(setting billed.db time_zone)" == America/Los_Angeles ]] || fail "the zone changed with bills"

# The configuration holds no utility setting.
printf '[utility]\ntime_zone = "America/Denver"\n' >"$work/old.toml"
message="$("$ratepayer" migrate --config "$work/old.toml" --db "$db" 2>&1)"
[[ $? == 1 && "$message" == *"ratepayer settings set time_zone"* ]] || fail "[utility]: '$message'"
message="$(RATEPAYER_UTILITY_NAME=x "$ratepayer" migrate --db "$db" 2>&1)"
[[ $? == 1 && "$message" == *"a utility setting"* ]] || fail "RATEPAYER_UTILITY_NAME: '$message'"
"$ratepayer" config >/dev/null 2>&1
[[ $? == 2 ]] || fail "config without --example printed something"

if ((failures > 0)); then exit 1; fi
echo "settings: listed, checked when set, recorded, the zone fixed once billed, none in the file"
