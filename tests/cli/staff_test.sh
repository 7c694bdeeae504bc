#!/usr/bin/env bash
# The command line's staff side, as an operator uses it on a new install: `staff add` prints the
# first administrator's one-time enrolment link; `api-key add` prints a key once (only its digest
# is stored) and refuses an unknown permission or role by name; `api-key list`, `rotate`, `revoke`;
# each of these is in the audit trail; `audit checkpoint` signs and exports a checkpoint that
# `audit verify --checkpoints` checks (an altered one refused); `audit verify` says the trail is intact, and names the
# record a database administrator changed behind the server (exit 1); `staff demo-code` refuses on
# a database that is not a demo's.
# Usage: staff_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export RATEPAYER_LOG_LEVEL=warn RATEPAYER_PORTAL_PUBLIC_URL=https://portal.utility.example
db="sqlite:$work/utility.db"
sql() { sqlite3 "$work/utility.db" "$1"; }

"$ratepayer" migrate --db "$db" >/dev/null 2>&1 || fail "migrate"
link="$("$ratepayer" staff add --db "$db" --email Ana@Utility.example --name "Ana Ruiz" \
  --role administrator 2>/dev/null)"
[[ "$link" =~ ^https://portal\.utility\.example/staff\.html#/enrol/[A-Za-z0-9_-]{43}$ ]] ||
  fail "the enrolment link: '$link'"
[[ "$(sql "SELECT email || ' ' || status FROM staff_users")" == "ana@utility.example active" ]] ||
  fail "the user: $(sql "SELECT * FROM staff_users")"
message="$("$ratepayer" staff add --db "$db" --email ana@utility.example --name Ana --role cashier 2>&1)"
[[ $? == 1 && "$message" == *"already a staff user"* ]] || fail "a second Ana: '$message'"
message="$("$ratepayer" staff add --db "$db" --email bo@utility.example --name Bo --role boss 2>&1)"
[[ $? == 1 && "$message" == *"no role 'boss'"* ]] || fail "an unknown role: '$message'"

key="$("$ratepayer" api-key add --db "$db" --name "AMI head-end" --permission meter_data.ingest 2>/dev/null)"
[[ "$key" =~ ^rpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$ ]] || fail "the key: '$key'"
secret="${key:21}"
[[ "$(sql "SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE '%$secret%' OR public_id || secret_hash LIKE '%$secret%'")" == 0 ]] ||
  fail "the secret is stored"
message="$("$ratepayer" api-key add --db "$db" --name typo --permission meter.ingest 2>&1)"
[[ $? == 1 && "$message" == *"no permission 'meter.ingest'"* ]] || fail "an unknown permission: '$message'"
"$ratepayer" api-key list --db "$db" 2>/dev/null | grep -q "AMI head-end" || fail "the list"
id="$(sql "SELECT id FROM api_keys WHERE name = 'AMI head-end'")"
new_key="$("$ratepayer" api-key rotate --db "$db" "$id" --overlap-hours 1 2>/dev/null)"
[[ "$new_key" == rpk_* && "$new_key" != "$key" ]] || fail "rotate: '$new_key'"
"$ratepayer" api-key revoke --db "$db" "$id" 2>/dev/null || fail "revoke"
message="$("$ratepayer" api-key revoke --db "$db" "$id" 2>&1)"
[[ $? == 1 && "$message" == *"no API key $id in use"* ]] || fail "revoke twice: '$message'"

[[ "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_records ORDER BY id)")" == \
   "staff_user.added api_key.created api_key.rotated api_key.revoked" ]] ||
  fail "the audit trail: $(sql "SELECT id, actor, action FROM audit_records")"
message="$("$ratepayer" audit verify --db "$db" 2>&1)"
[[ $? == 0 && "$message" == *"intact: 4 records"* ]] || fail "verify: '$message'"

# A signed checkpoint: stored, appended to the configured file, printed; the key file owner-only.
export RATEPAYER_AUDIT_SIGNING_KEY_FILE="$work/keys/audit-signing.key"
export RATEPAYER_AUDIT_CHECKPOINT_FILE="$work/checkpoints.txt"
line="$("$ratepayer" audit checkpoint --db "$db" 2>/dev/null)"
[[ "$line" =~ ^ratepayer-audit-checkpoint\ v1\ [0-9T:Z-]{20}\ 4\ [0-9a-f]{64}\ ([0-9a-f]{64})\ [0-9a-f]{128}$ ]] ||
  fail "the checkpoint: '$line'"
public_key="${BASH_REMATCH[1]:-none}"
[[ "$(cat "$work/checkpoints.txt")" == "$line" ]] || fail "the checkpoint file: $(cat "$work/checkpoints.txt")"
[[ "$(stat -c %a "$work/keys/audit-signing.key")" == 600 ]] || fail "the key file is not owner-only"
message="$("$ratepayer" audit verify --db "$db" --checkpoints "$work/checkpoints.txt" --public-key "$public_key" 2>&1)"
[[ $? == 0 && "$message" == *"intact: 4 records and 2 checkpoints"* ]] || fail "verify with checkpoints: '$message'"
# A checkpoint line altered to vouch for another record is refused by its signature.
echo "${line/ 4 / 3 }" >"$work/altered.txt"
message="$("$ratepayer" audit verify --db "$db" --checkpoints "$work/altered.txt" 2>&1)"
[[ $? == 1 && "$message" == *"signature that does not hold"* ]] || fail "an altered checkpoint: '$message'"
message="$("$ratepayer" audit verify --db "$db" --checkpoints "$work/nowhere.txt" 2>&1)"
[[ $? == 1 && "$message" == *"cannot read"* ]] || fail "a missing checkpoint file: '$message'"

# Retention: nothing is old enough to prune yet; a retention below its floor is refused by name.
message="$("$ratepayer" audit prune --db "$db" 2>&1)"
[[ $? == 0 && "$message" == "pruned 0 access records older than 365 days and 0 other records older than 7 years" ]] ||
  fail "prune: '$message'"
message="$(RATEPAYER_AUDIT_KEEP_ACCESS_DAYS=30 "$ratepayer" audit prune --db "$db" 2>&1)"
[[ $? != 0 && "$message" == *"at least 90"* ]] || fail "a retention of 30 days: '$message'"

# A database administrator changes a record behind the server (the guard dropped first).
sql "DROP TRIGGER audit_records_no_update; UPDATE audit_records SET actor = 'staff:9' WHERE id = 2"
message="$("$ratepayer" audit verify --db "$db" 2>&1)"
[[ $? == 1 && "$message" == *"audit record 2 was changed"* ]] || fail "tampered: '$message'"

message="$("$ratepayer" staff demo-code --db "$db" 2>&1)"
[[ $? == 1 && "$message" == *"no demo administrator"* ]] || fail "demo-code outside the demo: '$message'"

if ((failures > 0)); then exit 1; fi
