#!/usr/bin/env bash
# Fuzzes the content compiler for SECONDS (default 60) with libFuzzer, seeded from content/.
#   tests/fuzz/run.sh [SECONDS]
# Needs clang and libclang-rt-14-dev (see README). Crashes land in build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_content_compiler
corpus=build/fuzz/corpus
mkdir -p "$corpus" build/fuzz/crashes
find content tests/bad_input -name '*.toml' -exec cp -t "$corpus" {} + 2>/dev/null || true
./build/fuzz/tests/fuzz/fuzz_content_compiler "$corpus" -max_total_time="$seconds" -max_len=65536 \
    -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1
