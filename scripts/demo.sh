#!/usr/bin/env bash
# Builds, creates a demo utility in var/demo.db (once: 2,000 accounts with 25 months of meter data)
# and serves it on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
mkdir -p var
exec build/ratepayer demo --db "${RATEPAYER_DATABASE_URL:-sqlite:var/demo.db}" \
  --accounts "${DEMO_ACCOUNTS:-2000}" --usage-months "${DEMO_USAGE_MONTHS:-25}"
