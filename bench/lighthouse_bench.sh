#!/usr/bin/env bash
# Lighthouse against the portal: the mobile preset (a Moto G-class phone, simulated slow 4G:
# 150 ms round trips, 1.6 Mbit/s down, 4x CPU slowdown), performance only, in Debian's chromium.
# Serves a demo utility (BENCH_LIGHTHOUSE_ACCOUNTS, default 2,000 accounts with 25 months of
# usage, as `make demo` makes), signs a customer up through the real sign-up (the email is written
# to a folder) and audits the sign-in page signed out and the dashboard, usage and bill pages
# signed in. Prints one JSON object per page: score (0-100), LCP, FCP, TBT (ms) and CLS.
# Goal (issue 7): score >= 95 and LCP <= 1.5 s. BENCH_LIGHTHOUSE_REPORTS=DIR keeps the full
# Lighthouse JSON reports there (the LCP element, the request chain, the main-thread work);
# BENCH_LIGHTHOUSE_PAGES="usage bill" audits only those pages.
# usage: bench/lighthouse_bench.sh   (from the repository root, after a build)
set -euo pipefail
accounts="${BENCH_LIGHTHOUSE_ACCOUNTS:-2000}"
months="${BENCH_LIGHTHOUSE_MONTHS:-25}"
port="${BENCH_LIGHTHOUSE_PORT:-18383}"
pages="${BENCH_LIGHTHOUSE_PAGES:-sign-in dashboard usage bill}"
work="$(mktemp -d /tmp/ratepayer-lighthouse.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

(cd bench/lighthouse && { [[ -f node_modules/.package-lock.json ]] || npm install --no-audit --no-fund --loglevel=error >&2; })
echo "generating $accounts accounts with $months months of usage ..." >&2
build/ratepayer generate --db "sqlite:$work/demo.db" --accounts "$accounts" --usage-months "$months" --as-of today \
  >"$work/generated.json"
account="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).sample_account_numbers[0])' "$work/generated.json")"
staff="$(build/ratepayer api-key add --db "sqlite:$work/demo.db" --name "lighthouse bench" \
  --permission accounts.read 2>/dev/null)"
base="http://127.0.0.1:$port"
RATEPAYER_LOG_LEVEL=warn RATEPAYER_HTTP_STATIC_ROOT=web/dist RATEPAYER_EMAIL_FOLDER="$work/mail" \
  RATEPAYER_PORTAL_PUBLIC_URL="$base" \
  RATEPAYER_PAYMENTS_CARD_PROCESSOR=test \
  build/ratepayer serve --db "sqlite:$work/demo.db" --port "$port" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# A customer, signed up as one would: service address and ZIP, the emailed link, a password.
address="$(curl -s -H "Authorization: Bearer $staff" "$base/api/v1/staff/accounts/$account")"
street="$(node -e 'console.log(JSON.parse(process.argv[1]).service_address.line1)' "$address")"
zip="$(node -e 'console.log(JSON.parse(process.argv[1]).service_address.zip)' "$address")"
curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\": \"bench@example.com\", \"street\": \"$street\", \"zip\": \"$zip\"}" >/dev/null
for _ in $(seq 50); do ls "$work/mail"/*.eml >/dev/null 2>&1 && break; sleep 0.1; done
token="$(grep -ho 'verify?token=[A-Za-z0-9_-]*' "$work/mail"/*.eml | head -1 | cut -d= -f2)"
cookie="$(curl -s -D - -o /dev/null -X POST "$base/api/v1/auth/verify" \
  -H 'Content-Type: application/json' \
  -d "{\"token\": \"$token\", \"password\": \"river lamp oboe forty\"}" |
  grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')"
bill="$(curl -s -H "Authorization: Bearer $staff" "$base/api/v1/accounts/$account/bills?limit=1" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const b=JSON.parse(s);console.log((b.bills||b.items||[])[0]?.number??"")})')"

audit() {  # audit NAME PATH [COOKIE]
  local headers="{}"
  [[ -n "${3:-}" ]] && headers="{\"Cookie\": \"$3\"}"
  CHROME_PATH=/usr/bin/chromium bench/lighthouse/node_modules/.bin/lighthouse "$base$2" \
    --quiet --only-categories=performance --output=json --output-path="$work/$1.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --extra-headers="$headers" >&2
  [[ -n "${BENCH_LIGHTHOUSE_REPORTS:-}" ]] && mkdir -p "$BENCH_LIGHTHOUSE_REPORTS" &&
    cp "$work/$1.json" "$BENCH_LIGHTHOUSE_REPORTS/"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
    const a = r.audits;
    console.log(JSON.stringify({
      page: process.argv[2], url: r.finalDisplayedUrl,
      performance_score: Math.round(r.categories.performance.score * 100),
      lcp_ms: Math.round(a["largest-contentful-paint"].numericValue),
      fcp_ms: Math.round(a["first-contentful-paint"].numericValue),
      tbt_ms: Math.round(a["total-blocking-time"].numericValue),
      cls: Number(a["cumulative-layout-shift"].numericValue.toFixed(3)),
      throttling: r.configSettings.throttlingMethod + ", rtt " + r.configSettings.throttling.rttMs +
        " ms, " + r.configSettings.throttling.throughputKbps + " kbit/s",
    }));' "$work/$1.json" "$1"
}

wanted() { [[ " $pages " == *" $1 "* ]]; }
if wanted sign-in; then audit sign-in /sign-in; fi
if wanted dashboard; then audit dashboard / "$cookie"; fi
if wanted usage; then audit usage /usage "$cookie"; fi
if wanted bill && [[ -n "$bill" ]]; then audit bill "/bills/$bill" "$cookie"; fi
