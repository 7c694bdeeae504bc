#!/usr/bin/env bash
# Builds the server (build/ratepayer) and the web front end (web/dist). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh "$@"

if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# Two cores: two compile jobs. Beast and SOCI stay in their own folders to keep this fast.
ninja -C build -j"${RATEPAYER_BUILD_JOBS:-2}"

# npm ci only when the lock file changed since the last install.
install_npm() {
  local folder="$1"
  if [[ ! -f "$folder/node_modules/.package-lock.json" ||
        "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]]; then
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
install_npm web
if [[ ! -f web/dist/staff.html || -n "$(find web/src web/*.html web/vite.config.ts -newer web/dist/staff.html -print -quit)" ]]; then
  (cd web && npm run build --silent >/dev/null)
fi
echo "built build/ratepayer and web/dist"
