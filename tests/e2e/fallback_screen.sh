#!/usr/bin/env bash
# A missing, corrupt, truncated or wrong-version database never crashes the kiosk or leaves a black
# screen: the headless frame is the fallback screen (exit code 5) with readable text on it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$KIOSK_CONTENT_BIN" build "$here/bad_input/good/content" -o "$work/good.db"
cp "$work/good.db" "$work/truncated.db"; truncate -s 3000 "$work/truncated.db"
head -c 20000 /dev/urandom > "$work/garbage.db"
cp "$work/good.db" "$work/corrupt.db"
size=$(stat -c %s "$work/corrupt.db")
dd if=/dev/zero of="$work/corrupt.db" bs=1 seek=4096 count=$((size - 4096)) conv=notrunc status=none
cp "$work/good.db" "$work/version.db"; sqlite3 "$work/version.db" 'PRAGMA user_version=7'
: > "$work/empty.db"
for db in missing truncated garbage corrupt version empty; do
    set +e
    "$KIOSK_BIN" --db "$work/$db.db" --screenshot "$work/$db.png" --size 1280x720 2>"$work/$db.err"
    status=$?
    set -e
    echo "$db: exit $status: $(head -1 "$work/$db.err")"
    [ "$status" -eq 5 ] || { echo "FAIL: $db: expected exit 5 (fallback), got $status"; exit 1; }
    [ -s "$work/$db.png" ] || { echo "FAIL: $db: no screenshot"; exit 1; }
    # Not one colour: the frame must hold text and the emblem (PNG of a flat frame is tiny).
    [ "$(stat -c %s "$work/$db.png")" -gt 20000 ] || { echo "FAIL: $db: frame looks empty"; exit 1; }
done
"$KIOSK_BIN" --db "$work/good.db" --screenshot "$work/good.png" --size 1280x720
echo "ok: every bad database shows the fallback screen"
