#!/usr/bin/env bash
# Installs every Debian package that building, testing and running Ratepayer needs.
# Idempotent: when everything is already installed it returns in well under a second.
# Usage: scripts/install-deps.sh [--test]   (--test adds PostgreSQL and Chromium)
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build ccache pkg-config git clang-format
  libboost1.74-dev libsoci-dev libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libhowardhinnant-date-dev tzdata libyaml-cpp-dev libgoogle-perftools-dev libpugixml-dev
  libkainjow-mustache-dev libphonenumber-dev
  libsodium-dev libcurl4-openssl-dev liboath-dev libqrencode-dev libcli11-dev libtomlplusplus-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  nodejs npm brotli gzip curl
)
test_packages=(postgresql-15 postgresql-client-15 python3-aiosmtpd chromium wrk clang-14 libclang-rt-14-dev poppler-utils)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  wanted+=("${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# node/npm may come from outside Debian (a preinstalled toolchain): accept what works.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/#nodejs/}")
  missing=("${missing[@]/#npm/}")
fi
filtered=()
for package in "${missing[@]}"; do [[ -n "$package" ]] && filtered+=("$package"); done

if (( ${#filtered[@]} == 0 )); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "installing: ${filtered[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${filtered[@]}" >/dev/null
