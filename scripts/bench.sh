#!/usr/bin/env bash
# The benchmarks: prints one JSON document of figures on stdout (progress on stderr).
#  1. `ratepayer generate --accounts N` (default 100,000) into a fresh SQLite file: seconds, bytes.
#  2. The account summary endpoint under load: wrk, 64 connections, 2 threads, on loopback, over
#     all N accounts: requests/s and latency percentiles. wrk shares the 2 cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts="${BENCH_ACCOUNTS:-100000}"
duration="${BENCH_SECONDS:-15}"
port="${BENCH_PORT:-18181}"
token="bench-staff-token-0123456789"

scripts/build.sh --test >&2
work="$(mktemp -d /tmp/ratepayer-bench.XXXXXX)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "generating $accounts accounts ..." >&2
generated="$(build/ratepayer generate --db "sqlite:$work/bench.db" --accounts "$accounts")"

echo "serving and loading the summary endpoint for ${duration}s ..." >&2
build/ratepayer serve --db "sqlite:$work/bench.db" --port "$port" --staff-token "$token" \
  2>"$work/server.log" &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port"
BENCH_ACCOUNTS="$accounts" BENCH_STAFF_TOKEN="$token" \
  wrk -t2 -c64 -d"${duration}s" --latency -s bench/summary_load.lua "$url" >"$work/wrk.out" 2>"$work/wrk.err"
cat "$work/wrk.out" >&2
line="$(grep '^BENCH ' "$work/wrk.err")"
field() { echo "$line" | grep -oE "$1=[0-9]+" | cut -d= -f2; }

node -e '
const [generated, requests, durationUs, p50, p99, errors, accounts] = process.argv.slice(1);
const g = JSON.parse(generated);
const seconds = Number(durationUs) / 1e6;
console.log(JSON.stringify({
  machine: { cores: require("os").cpus().length },
  generate: { accounts: g.accounts, seconds: Number(g.seconds.toFixed(2)),
              database_bytes: g.database_bytes, engine: "sqlite" },
  summary_endpoint: { route: "GET /api/v1/accounts/{number}/summary", accounts_spread: Number(accounts),
                      connections: 64, wrk_threads: 2, seconds,
                      requests: Number(requests), requests_per_second: Math.round(Number(requests) / seconds),
                      p50_ms: Number(p50) / 1000, p99_ms: Number(p99) / 1000, errors: Number(errors),
                      targets: { requests_per_second: 20000, p99_ms: 10 } },
}, null, 2));
' "$generated" "$(field requests)" "$(field duration_us)" "$(field p50_us)" "$(field p99_us)" "$(field errors)" "$accounts"
