#!/usr/bin/env bash
# Service order benchmark: against a SQLite utility of BENCH_ORDERS_ACCOUNTS (20,000) accounts,
#  1. BENCH_ORDERS_CLIENTS (200) concurrent staff clients asking for orders (POST
#     /service-orders, a new Idempotency-Key each) for BENCH_ORDERS_SECONDS (20), together at
#     BENCH_ORDERS_RATE (300) orders a second: p50/p99 of one creation, counted from when it was
#     due (the goal: p99 at most 20 ms at 200 clients); then as fast as answered (the capacity;
#     over it the server refuses at once with 503 overloaded, counted);
#  2. the dispatcher's board: 5,000 of those orders scheduled into tomorrow's windows (and the
#     rest left unscheduled), GET /api/v1/staff/service-orders for tomorrow 50 times (the goal:
#     5,000 open orders in 300 ms or less).
# usage: bench/orders_bench.sh   (from the repository root, after a build)
set -euo pipefail
ratepayer=build/ratepayer
client=build/bench/orders_bench
accounts="${BENCH_ORDERS_ACCOUNTS:-20000}"
clients="${BENCH_ORDERS_CLIENTS:-200}"
seconds="${BENCH_ORDERS_SECONDS:-20}"
port="${BENCH_ORDERS_PORT:-18283}"
work="$(mktemp -d /tmp/ratepayer-orders-bench.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "generating $accounts accounts ..." >&2
"$ratepayer" generate --db "sqlite:$work/orders.db" --accounts "$accounts" >/dev/null
sqlite3 "$work/orders.db" "SELECT number FROM accounts" >"$work/accounts.txt"
staff="$("$ratepayer" api-key add --db "sqlite:$work/orders.db" --name "orders bench" \
  --role administrator 2>/dev/null)"
RATEPAYER_LOG_LEVEL=warn "$ratepayer" serve --db "sqlite:$work/orders.db" --port "$port" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

rate="${BENCH_ORDERS_RATE:-300}"
echo "creating orders: $clients clients at $rate a second for $seconds s ..." >&2
"$client" "$port" "$staff" create "$work/accounts.txt" "$clients" "$seconds" "$rate"
# The notices keep up: three seconds after the last order, every order's event is decided.
sleep 3
sqlite3 "$work/orders.db" "
  SELECT '{\"order_events\": ' || COUNT(*) ||
         ', \"undecided_after_3_s\": ' || SUM(d.event_id IS NULL AND e.id > (SELECT last_event_id FROM event_cursors WHERE name = 'notices')) ||
         ', \"order_notices_queued\": ' ||
         (SELECT COUNT(*) FROM notices n JOIN account_events x ON x.id = n.event_id
          WHERE x.kind = 'order.received') || '}'
  FROM account_events e LEFT JOIN notice_decisions d ON d.event_id = e.id
  WHERE e.kind = 'order.received';"

# The board: 5,000 open orders in tomorrow's three 4-hour windows, twelve crews.
tomorrow="$(date -u -d tomorrow +%Y-%m-%d)"
sqlite3 "$work/orders.db" "
  UPDATE service_orders SET status = 'scheduled',
    window_start = '${tomorrow}T' || printf('%02d', 8 + (id % 3) * 5) || ':00:00Z',
    window_end = '${tomorrow}T' || printf('%02d', 12 + (id % 3) * 5) || ':00:00Z',
    crew = 'Crew ' || (id % 12 + 1)
  WHERE id IN (SELECT id FROM service_orders ORDER BY id LIMIT 5000);"
scheduled="$(sqlite3 "$work/orders.db" "SELECT COUNT(*) FROM service_orders WHERE window_start LIKE '${tomorrow}%'")"
echo "board: $scheduled open orders scheduled for $tomorrow ..." >&2
"$client" "$port" "$staff" board \
  "/api/v1/staff/service-orders?from=${tomorrow}T00:00:00Z&to=${tomorrow}T23:59:59Z&limit=5000" 50

echo "creating orders: $clients clients as fast as answered for $seconds s ..." >&2
"$client" "$port" "$staff" create "$work/accounts.txt" "$clients" "$seconds"
