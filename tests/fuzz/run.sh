#!/usr/bin/env bash
# Fuzzes with libFuzzer for SECONDS (default 60):
#   tests/fuzz/run.sh [SECONDS] [compiler|store]
# compiler (default): the content compiler, seeded from content/.
# store: the installer and store (open, verify, load, install of arbitrary bytes), seeded with
#   valid packages built by the release kiosk-content (cmake --build --preset release first).
# Needs clang and libclang-rt-14-dev (see README). Crashes land in build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
target=${2:-compiler}
cmake --preset fuzz >/dev/null
mkdir -p build/fuzz/crashes
case "$target" in
compiler)
    cmake --build --preset fuzz --target fuzz_content_compiler
    corpus=build/fuzz/corpus
    mkdir -p "$corpus"
    find content tests/bad_input -name '*.toml' -exec cp -t "$corpus" {} + 2>/dev/null || true
    ./build/fuzz/tests/fuzz/fuzz_content_compiler "$corpus" -max_total_time="$seconds" \
        -max_len=65536 -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1
    ;;
store)
    cmake --build --preset fuzz --target fuzz_store
    corpus=build/fuzz/corpus-store
    mkdir -p "$corpus"
    tool=build/release/kiosk/tools/kiosk-content
    if [ -x "$tool" ]; then
        "$tool" pack tests/bad_input/good/content -o "$corpus/good.kiosk" >/dev/null
        keys=$(mktemp -d)
        "$tool" keygen -o "$keys/k" >/dev/null
        "$tool" pack tests/bad_input/good/content -o "$corpus/signed.kiosk" --sign "$keys/k" >/dev/null
        rm -rf "$keys"
    fi
    ./build/fuzz/tests/fuzz/fuzz_store "$corpus" -max_total_time="$seconds" -max_len=262144 \
        -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1
    ;;
*)
    echo "usage: tests/fuzz/run.sh [SECONDS] [compiler|store]" >&2
    exit 2
    ;;
esac
