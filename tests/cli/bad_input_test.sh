#!/usr/bin/env bash
# The ratepayer executable's answers to bad input: each is one clear line on stderr and a
# non-zero exit, and a failed migration leaves the schema as it was.
# Usage: bad_input_test.sh path/to/ratepayer
set -uo pipefail
ratepayer="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# expect_failure NAME EXPECTED_EXIT EXPECTED_TEXT -- COMMAND...
expect_failure() {
  local name="$1" expected_exit="$2" expected_text="$3"
  shift 4
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  local lines
  lines=$(grep -c . "$work/err")
  if [[ $code -ne $expected_exit ]]; then
    echo "FAIL $name: exit $code, expected $expected_exit"; failures=$((failures + 1)); return
  fi
  if ! grep -qF -- "$expected_text" "$work/err"; then
    echo "FAIL $name: stderr lacks '$expected_text':"; cat "$work/err"; failures=$((failures + 1)); return
  fi
  if [[ $expected_exit -eq 1 && $lines -ne 1 ]]; then
    echo "FAIL $name: expected one line on stderr, got $lines:"; cat "$work/err"; failures=$((failures + 1)); return
  fi
  echo "ok   $name: $(head -1 "$work/err")"
}

printf '[http]\nport = "eighty"\n' >"$work/wrong_type.toml"
printf '[http\nport = 8080\n' >"$work/malformed.toml"
printf '[http]\nprot = 8080\n' >"$work/typo.toml"

expect_failure "malformed config" 1 "malformed.toml" -- \
  "$ratepayer" migrate --config "$work/malformed.toml" --db "sqlite:$work/a.db"
expect_failure "misspelled setting" 1 "did you mean http.port" -- \
  "$ratepayer" migrate --config "$work/typo.toml" --db "sqlite:$work/a.db"
expect_failure "wrongly typed setting" 1 "http.port" -- \
  "$ratepayer" migrate --config "$work/wrong_type.toml" --db "sqlite:$work/a.db"
expect_failure "missing config file" 1 "no-such.toml" -- \
  "$ratepayer" migrate --config "$work/no-such.toml"
expect_failure "unopenable database" 1 "sqlite:/proc/ratepayer/x.db" -- \
  "$ratepayer" migrate --db sqlite:/proc/ratepayer/x.db
expect_failure "unknown database scheme" 1 "not a database URL: use sqlite:PATH" -- \
  "$ratepayer" migrate --db mysql://localhost/cis
expect_failure "bad environment value" 1 "RATEPAYER_HTTP_PORT" -- \
  env RATEPAYER_HTTP_PORT=abc "$ratepayer" serve --db "sqlite:$work/a.db"
expect_failure "zero accounts" 2 "accounts" -- \
  "$ratepayer" generate --db "sqlite:$work/a.db" --accounts 0

# The example configuration the error messages point to exists and loads.
if "$ratepayer" config --example >"$work/example.toml" &&
   "$ratepayer" migrate --config "$work/example.toml" --db "sqlite:$work/example.db" >/dev/null 2>&1; then
  echo "ok   config --example prints a file that loads"
else
  echo "FAIL config --example"; failures=$((failures + 1))
fi

# A database with a table in the way: the first migration fails, and nothing it did remains.
sqlite3 "$work/conflict.db" "CREATE TABLE persons (legacy TEXT);"
expect_failure "failing migration" 1 "migration 0001_foundation failed" -- \
  "$ratepayer" migrate --db "sqlite:$work/conflict.db"
tables="$(sqlite3 "$work/conflict.db" "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")"
if [[ "$tables" != "persons" ]]; then
  echo "FAIL failing migration left tables behind: $tables"; failures=$((failures + 1))
else
  echo "ok   failing migration left the schema as it was ($tables)"
fi

# And the same command succeeds on a clean database, twice (the second time there is nothing to do).
if "$ratepayer" migrate --db "sqlite:$work/clean.db" >/dev/null 2>&1 &&
   "$ratepayer" migrate --db "sqlite:$work/clean.db" >/dev/null 2>&1; then
  echo "ok   migrate on a clean database, twice"
else
  echo "FAIL migrate on a clean database"; failures=$((failures + 1))
fi

exit $((failures > 0))
