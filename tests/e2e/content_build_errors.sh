#!/usr/bin/env bash
# kiosk-content build on a content folder with ten different mistakes prints ten file:line:col
# errors, exits non-zero, and leaves an existing database byte-for-byte untouched.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$KIOSK_CONTENT_BIN" build "$here/bad_input/good/content" -o "$work/kiosk.db"
before=$(sha256sum "$work/kiosk.db")
set +e
"$KIOSK_CONTENT_BIN" build "$here/bad_input/ten_mistakes/content" -o "$work/kiosk.db" 2>"$work/errors.txt"
status=$?
set -e
cat "$work/errors.txt"
[ "$status" -ne 0 ] || { echo "FAIL: build with mistakes exited 0"; exit 1; }
count=$(grep -cE '^[^:]+\.toml:[0-9]+:[0-9]+: error: ' "$work/errors.txt" || true)
[ "$count" -eq 10 ] || { echo "FAIL: expected 10 file:line:col errors, got $count"; exit 1; }
for kind in "unknown key 'ordre'" "missing translation 'ja'" "unknown slide 'hp-sisters'" \
    "unknown place 'hai-phong'" "unknown image 'flags/vn.svg'" "bad coordinates" \
    "duplicate event id 'sister-2014'" "invalid UTF-8" "image 'broken.svg' cannot be shown" \
    "date must be YYYY"; do
    grep -qF "$kind" "$work/errors.txt" || { echo "FAIL: no error for: $kind"; exit 1; }
done
[ "$(sha256sum "$work/kiosk.db")" = "$before" ] || { echo "FAIL: the good database was changed"; exit 1; }
ls "$work" | grep -v -e '^kiosk.db$' -e '^errors.txt$' && { echo "FAIL: temporary files left"; exit 1; }
echo "ok: 10 errors, database untouched"
