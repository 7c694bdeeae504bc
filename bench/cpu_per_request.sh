#!/usr/bin/env bash
# Serves DATABASE_URL, runs wrk with the given arguments against it, and prints the server's CPU
# time per request next to wrk's requests/s and p99. CPU per request is steadier than requests/s
# on a machine whose speed drifts. Example (after `ratepayer generate --db sqlite:/tmp/b.db`):
#   bench/cpu_per_request.sh sqlite:/tmp/b.db -s bench/account_load.lua
#   bench/cpu_per_request.sh sqlite:/tmp/b.db /healthz
set -euo pipefail
cd "$(dirname "$0")/.."
database="$1"
shift
port="${BENCH_PORT:-18182}"
token="$(build/ratepayer api-key add --db "$database" --name "cpu bench" --permission accounts.read \
  2>/dev/null)"
target=()
if [[ "${1:-}" == "-s" ]]; then target=(-s "$2" "http://127.0.0.1:$port"); else target=("http://127.0.0.1:$port$1"); fi

RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
  build/ratepayer serve --db "$database" --port "$port" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
out=$(BENCH_ACCOUNTS="${BENCH_ACCOUNTS:-100000}" BENCH_STAFF_TOKEN="$token" \
      wrk -t2 -c64 -d"${BENCH_SECONDS:-6}s" --latency "${target[@]}" 2>&1)
after=$(ticks)
requests=$(echo "$out" | grep -oE '^\s+[0-9]+ requests' | grep -oE '[0-9]+')
echo "cpu_us_per_request=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))" \
     "requests_per_second=$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
     "p99=$(echo "$out" | awk '/ 99%/ {print $2}')"
