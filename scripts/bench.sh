#!/usr/bin/env bash
# The benchmarks: prints one JSON document of figures on stdout (progress on stderr).
#  1. `ratepayer generate --accounts N` (default 100,000) into a fresh SQLite file: seconds, bytes.
#  2. The account summary endpoint under load: wrk, 64 connections, 2 threads, on loopback, over
#     all N accounts: requests/s and latency percentiles. wrk shares the 2 cores with the server.
#  3. The same two on PostgreSQL (a server started here on loopback, stopped afterwards).
#  4. The rate engine: one account-month of 15-minute data on a TOU + tiers + TOU demand tariff,
#     rated repeatedly on one core (bench/rating_bench.cc).
#  5. The reads CSV parser alone on one core (bench/reads_csv_bench.cc).
#  6. Meter data ingest + VEE: a reads CSV of 15-minute data for BENCH_INGEST_METERS meters
#     (10,000) x BENCH_INGEST_DAYS days (30) = 28.8M values (bench/make_reads_csv.cc), ingested by
#     `ratepayer ingest` into a utility of 12,500 generated accounts, on SQLite and on PostgreSQL:
#     values/s, seconds, peak resident memory (the mapped file's pages included).
#  7. The usage API for a 24-month daily chart: 2,000 accounts with 25 months of generated usage
#     (SQLite), GET /usage?from=2024-11-01&to=2026-11-01&resolution=day over all of them, one
#     request at a time and 8 at once: latency percentiles.
#  8. Bill runs: BENCH_BILL_ACCOUNTS (100,000) accounts with 2 months of 15-minute data on the
#     demo plans (tiered, time of use, demand), the 20 cycles of October 2026 billed, on SQLite and
#     on PostgreSQL (bench/bill_run_bench.sh): bills/s.
#  9. Payments: 200 concurrent clients paying and then reading the balance on loopback while the
#     server bills a cycle after another, SQLite (bench/payment_bench.sh): payments/s, p50/p99.
# 10. Lighthouse on the portal, mobile preset with simulated slow 4G, signed out and signed in
#     (bench/lighthouse_bench.sh): performance score and LCP per page.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts="${BENCH_ACCOUNTS:-100000}"
duration="${BENCH_SECONDS:-15}"
port="${BENCH_PORT:-18181}"

scripts/build.sh --test >&2
work="$(mktemp -d /tmp/ratepayer-bench.XXXXXX)"
server_pid=""
pg_port="${BENCH_PG_PORT:-55442}"
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null
  wait 2>/dev/null
  scripts/test-postgres.sh stop "$pg_port" >&2
  rm -rf "$work"
}
trap cleanup EXIT

# load_summary DATABASE_URL NAME: serves the database and loads the summary endpoint; leaves the
# wrk figures in $work/NAME.bench ("BENCH requests=... p99_us=...").
load_summary() {
  token="$(build/ratepayer api-key add --db "$1" --name "summary bench" --permission accounts.read \
    2>/dev/null)"
  RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
    build/ratepayer serve --db "$1" --port "$port" 2>"$work/$2.server.log" &
  server_pid=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  BENCH_ACCOUNTS="$accounts" BENCH_STAFF_TOKEN="$token" \
    wrk -t2 -c64 -d"${duration}s" --latency -s bench/account_load.lua "http://127.0.0.1:$port" \
    >"$work/$2.wrk" 2>"$work/$2.err"
  cat "$work/$2.wrk" >&2
  grep '^BENCH ' "$work/$2.err" >"$work/$2.bench"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=""
}

echo "rating account-months ..." >&2
rating="$(build/bench/rating_bench)"
echo "parsing a reads CSV ..." >&2
reads_csv="$(build/bench/reads_csv_bench)"
ingest_meters="${BENCH_INGEST_METERS:-10000}"
ingest_days="${BENCH_INGEST_DAYS:-30}"
# ingest_bench DATABASE_URL NAME: a fresh utility, then the reads file ingested; JSON in $work/NAME.ingest
ingest_bench() {
  build/ratepayer generate --db "$1" --accounts 12500 >/dev/null
  if [[ ! -f "$work/reads.csv" ]]; then
    build/bench/make_reads_csv "$1" "$ingest_meters" "$ingest_days" 2026-10-01 "$work/reads.csv" >&2
  fi
  build/ratepayer ingest --json --db "$1" "$work/reads.csv" >"$work/$2.ingest"
}
echo "ingesting ${ingest_meters} meters x ${ingest_days} days of 15-minute reads into SQLite ..." >&2
ingest_bench "sqlite:$work/ingest.db" sqlite
rm -f "$work/ingest.db"*
echo "generating $accounts accounts in SQLite ..." >&2
generated="$(build/ratepayer generate --db "sqlite:$work/bench.db" --accounts "$accounts")"
echo "loading the summary endpoint on SQLite for ${duration}s ..." >&2
load_summary "sqlite:$work/bench.db" sqlite

echo "generating 2,000 accounts with 25 months of usage for the usage API ..." >&2
build/ratepayer generate --db "sqlite:$work/usage.db" --accounts 2000 --usage-months 25 >/dev/null
token="$(build/ratepayer api-key add --db "sqlite:$work/usage.db" --name "usage bench" \
  --permission accounts.read 2>/dev/null)"
RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
  build/ratepayer serve --db "sqlite:$work/usage.db" --port "$port" \
  2>"$work/usage.server.log" &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for connections in 1 8; do
  echo "loading the 24-month daily usage query, $connections connection(s) ..." >&2
  BENCH_ACCOUNTS=2000 BENCH_STAFF_TOKEN="$token" \
    BENCH_ROUTE="usage?from=2024-11-01&to=2026-11-01&resolution=day" \
    wrk -t1 -c"$connections" -d"${duration}s" --latency -s bench/account_load.lua \
    "http://127.0.0.1:$port" >"$work/usage$connections.wrk" 2>"$work/usage$connections.err"
  grep '^BENCH ' "$work/usage$connections.err" >"$work/usage$connections.bench"
done
kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=""
rm -f "$work/usage.db"*

echo "bill runs on SQLite ..." >&2
bench/bill_run_bench.sh "sqlite:$work/bills.db" >"$work/sqlite.bill_run"
echo "payments: 200 clients with a bill run in progress ..." >&2
bench/payment_bench.sh >"$work/sqlite.payments"
rm -f "$work/bills.db"*
echo "Lighthouse on the portal (mobile, simulated slow 4G) ..." >&2
bench/lighthouse_bench.sh >"$work/lighthouse"

pg_url="$(scripts/test-postgres.sh start "$pg_port")"
echo "bill runs on PostgreSQL ..." >&2
psql "$pg_url" -qc "CREATE SCHEMA bill_run_bench" >/dev/null
bench/bill_run_bench.sh "$pg_url?options=-csearch_path%3Dbill_run_bench" >"$work/postgresql.bill_run"
psql "$pg_url" -qc "DROP SCHEMA bill_run_bench CASCADE" >/dev/null
echo "ingesting the same reads into PostgreSQL ..." >&2
psql "$pg_url" -qc "CREATE SCHEMA ingest_bench" >/dev/null
ingest_bench "$pg_url?options=-csearch_path%3Dingest_bench" postgresql
psql "$pg_url" -qc "DROP SCHEMA ingest_bench CASCADE" >/dev/null
rm -f "$work/reads.csv"
echo "generating $accounts accounts in PostgreSQL ..." >&2
pg_generated="$(build/ratepayer generate --db "$pg_url" --accounts "$accounts")"
pg_bytes="$(psql "$pg_url" -tAc "SELECT pg_database_size(current_database())")"
echo "loading the summary endpoint on PostgreSQL for ${duration}s ..." >&2
load_summary "$pg_url" postgresql

node -e '
const fs = require("fs");
const [work, generated, pgGenerated, pgBytes, accounts, rating, readsCsv] = process.argv.slice(1);
const figures = (name) => Object.fromEntries(fs.readFileSync(`${work}/${name}.bench`, "utf8")
  .trim().split(" ").slice(1).map((pair) => pair.split("=")).map(([k, v]) => [k, Number(v)]));
const load = (name) => {
  const f = figures(name);
  const seconds = f.duration_us / 1e6;
  return { route: "GET /api/v1/accounts/{number}/summary", accounts_spread: Number(accounts),
           connections: 64, wrk_threads: 2, seconds, requests: f.requests,
           requests_per_second: Math.round(f.requests / seconds),
           p50_ms: f.p50_us / 1000, p99_ms: f.p99_us / 1000, errors: f.errors };
};
const ingest = (name) => {
  const r = JSON.parse(fs.readFileSync(`${work}/${name}.ingest`, "utf8"));
  const values = r.accepted + r.rejected;
  return { values, accepted: r.accepted, rejected: r.rejected, estimated: r.estimated,
           exceptions: r.exceptions, seconds: Number(r.seconds.toFixed(2)),
           values_per_second: Math.round(values / r.seconds),
           peak_resident_mb: Math.round(r.peak_resident_bytes / 1048576) };
};
const usage = (connections) => {
  const f = figures(`usage${connections}`);
  return { connections, requests_per_second: Math.round(f.requests / (f.duration_us / 1e6)),
           p50_ms: f.p50_us / 1000, p99_ms: f.p99_us / 1000, errors: f.errors };
};
const generate = (report, bytes) => ({ accounts: report.accounts,
  seconds: Number(report.seconds.toFixed(2)), database_bytes: Number(bytes) });
const lines = (path) => fs.readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const billRun = (name) => JSON.parse(fs.readFileSync(`${work}/${name}.bill_run`, "utf8"));
const g = JSON.parse(generated);
console.log(JSON.stringify({
  machine: { cores: require("os").cpus().length },
  targets: { summary_requests_per_second: 20000, summary_p99_ms: 10,
             rating_account_months_per_second_per_core: 100000,
             ingest_values_per_second: { sqlite: 2000000, postgresql: 1000000 },
             bill_run_bills_per_second: 5000,
             payments_per_second: 2000, payment_p99_ms: 20,
             portal_lighthouse_score: 95, portal_lcp_ms: 1500 },
  portal_lighthouse: lines(`${work}/lighthouse`),
  rating: JSON.parse(rating),
  reads_csv_parse: JSON.parse(readsCsv),
  sqlite: { generate: generate(g, g.database_bytes), summary_endpoint: load("sqlite"),
            ingest: ingest("sqlite"), bill_run: billRun("sqlite"),
            payments: lines(`${work}/sqlite.payments`),
            usage_24_months_daily: { route: "GET /api/v1/accounts/{number}/usage?resolution=day",
                                     accounts: 2000, one_at_a_time: usage(1), eight_at_once: usage(8) } },
  postgresql: { generate: generate(JSON.parse(pgGenerated), pgBytes),
                summary_endpoint: load("postgresql"), ingest: ingest("postgresql"),
                bill_run: billRun("postgresql") },
}, null, 2));
' "$work" "$generated" "$pg_generated" "$pg_bytes" "$accounts" "$rating" "$reads_csv"
