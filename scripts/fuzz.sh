#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang 14 with ASan and UBSan) into build/fuzz/ (or
# FUZZ_BUILD_DIR) and runs each for FUZZ_SECONDS (default 20): the tariff parsers seeded with the
# example tariffs in src/rating/testdata/, the meter data parsers (reads CSV, Green Button, JSON
# reads) with the files in src/mdm/testdata/, each with its dictionary. New inputs the fuzzer finds
# are kept in build/fuzz/corpus/ for the next run. Prints one line per target; exits non-zero when
# a target crashes, reports undefined behaviour or breaks a contract it checks (the input that did
# it is saved under build/fuzz/).
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
out="${FUZZ_BUILD_DIR:-build/fuzz}"
compiler="${RATEPAYER_FUZZ_CXX:-clang++-14}"

if ! command -v "$compiler" >/dev/null; then
  echo "fuzz: $compiler is not installed (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
mkdir -p "$out"
if [[ ! -f "$out/build.ninja" ]]; then
  cmake -S tests/fuzz -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$compiler" >"$out/configure.log" 2>&1 ||
    { cat "$out/configure.log" >&2; exit 1; }
fi
ninja -C "$out" -j"${RATEPAYER_BUILD_JOBS:-2}" >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }

failed=0
# Each target with its dictionary and the folder of example inputs that seed it (only read).
targets=(
  "urdb_fuzz tests/fuzz/tariff.dict src/rating/testdata"
  "tariff_format_fuzz tests/fuzz/tariff.dict src/rating/testdata"
  "reads_csv_fuzz tests/fuzz/reads_csv.dict src/mdm/testdata"
  "green_button_fuzz tests/fuzz/green_button.dict src/mdm/testdata"
  "reads_json_fuzz tests/fuzz/reads_json.dict src/mdm/testdata"
)
for entry in "${targets[@]}"; do
  read -r target dict seeds <<<"$entry"
  corpus="$out/corpus/$target"
  log="$out/$target.log"
  mkdir -p "$corpus"
  rm -f "$out/crash-$target-"*
  # The first folder receives new inputs; the examples are only read.
  if "$out/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
       -dict="$dict" -artifact_prefix="$out/crash-$target-" \
       "$corpus" "$seeds" >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    # Keep the corpus minimal: only inputs that add coverage survive to the next run.
    rm -rf "$corpus.min" && mkdir -p "$corpus.min"
    if "$out/$target" -merge=1 -timeout=10 "$corpus.min" "$corpus" >"$out/$target.merge.log" 2>&1; then
      rm -rf "$corpus" && mv "$corpus.min" "$corpus"
    fi
    inputs=$(find "$corpus" -type f | wc -l)
    echo "fuzz $target: ok, ${runs:-0} executions in ${seconds}s, no crash (corpus: $inputs inputs)"
  else
    echo "fuzz $target: FAILED; input saved as $(ls "$out/crash-$target-"* 2>/dev/null | head -1), log $log"
    grep -E 'ERROR|SUMMARY|runtime error|round trip|rejects|contract broken' "$log" | head -5
    failed=1
  fi
done
exit "$failed"
