#!/usr/bin/env bash
# The editors' live preview through the real binaries: `kiosk --watch DIR` on a copy of the
# bundled content, headless (--screenshot is rewritten after each rebuild), then in a window
# under Xvfb.
#  1. the first build is shown (home);
#  2. an English slide title is edited (written as editors do: a swap file, a temporary file,
#     a rename): one rebuild, the edited slide is shown, and its text column is the one a fresh
#     `kiosk-content build` + `kiosk --screenshot` of the same content draws;
#  3. a swap file alone changes nothing (no rebuild);
#  4. a broken edit: the file:line:col error on stderr and, on screen, the error panel over the
#     last good build (whose top half is unchanged);
#  5. the fix: rebuilt, the panel is gone;
#  6. in a window under Xvfb: an edit reaches the screen.
# The save-to-screen latencies are printed (measured here and by the kiosk); none is asserted.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d); kpid=; xpid=
cleanup() { for p in $kpid $xpid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/assets"
cp -r "$root/content" "$work/content"
cp -r "$root/assets/images" "$work/assets/images"
slides="$work/content/slides/hpk-water.toml"
slide=wastewater-ngoc-hai
export KIOSK_CONFIG=/nonexistent
size=1280x720

# PNG pixels without any library: stdlib zlib, 8-bit RGB or RGBA, not interlaced.
cat >"$work/png.py" <<'PY'
import struct, sys, zlib
def read(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 3 if color == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    return w, h, bpp, rows
def region(img, x0, y0, x1, y1):
    w, h, bpp, rows = img
    return [rows[y][x * bpp + k] for y in range(int(y0 * h), int(y1 * h))
            for x in range(int(x0 * w), int(x1 * w)) for k in range(3)]
def diff(a, b, box):
    ra, rb = region(read(a), *box), region(read(b), *box)
    return sum(abs(p - q) for p, q in zip(ra, rb)) / len(ra)
def pixel(path, fx, fy):
    w, h, bpp, rows = read(path)
    x, y = int(fx * w), int(fy * h)
    return tuple(rows[y][x * bpp:x * bpp + 3])
cmd = sys.argv[1]
if cmd == "diff":  # a.png b.png x0 y0 x1 y1 (fractions): mean absolute difference per channel
    print(f"{diff(sys.argv[2], sys.argv[3], [float(v) for v in sys.argv[4:8]]):.2f}")
elif cmd == "rule":  # a.png: where (0..1 from the top) the error panel's red rule is, or "none"
    w, h, bpp, rows = read(sys.argv[2])
    x = w // 2 * bpp
    red = [y for y in range(h) if rows[y][x] > 180 and rows[y][x + 1] < 90 and rows[y][x + 2] < 90
           and rows[y][x + 4 * bpp] > 180 and rows[y][x + 4 * bpp + 1] < 90]
    print(f"{red[0] / h:.3f}" if red else "none")
PY
png() { python3 "$work/png.py" "$@"; }
now_ms() { date +%s%3N; }
# Waits until the log has more than $2 lines matching $1 (at most 20 s); prints the newest one.
wait_line() {
    for _ in $(seq 1 400); do
        if [ "$(count "$1")" -gt "$2" ]; then grep -- "$1" "$log" | tail -1; return 0; fi
        sleep 0.05
    done
    { echo "FAIL: no new '$1' line in the log:"; cat "$log"; } >&2; exit 1
}
count() { local n; n=$(grep -c -- "$1" "$log" 2>/dev/null) || true; echo "${n:-0}"; }
# An editor's save: a swap file, the new text in a temporary file, a rename over the file. The
# time of the rename (ms since the epoch) is left in $work/saved_at.
save() { # file python-expression-of-text
    local file=$1 expr=$2
    : >"$(dirname "$file")/.$(basename "$file").swp"
    python3 - "$file" "$expr" <<'PY'
import os, sys, time
path, expr = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
new = eval(expr, {"text": text})
assert new != text, "the edit changed nothing"
open(path + ".tmp", "w", encoding="utf-8").write(new)
os.replace(path + ".tmp", path)
print(time.time_ns() // 1000000, file=open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(path))), "saved_at"), "w"))
PY
    rm -f "$(dirname "$file")/.$(basename "$file").swp"
}

# 1. Headless: the first build.
log="$work/kiosk.log"
"$KIOSK_BIN" --watch "$work/content" --screenshot "$work/shot.png" --size $size --lang en \
    2>"$log" & kpid=$!
wait_line "watch: rebuilt in" 0
[ -s "$work/shot.png" ] || { echo "FAIL: no screenshot after the first build"; exit 1; }

# 2. A title edited.
rebuilt=$(count "watch: rebuilt in")
save "$slides" 'text.replace("en = \"Ngoc Hai fish port, Do Son\"", "en = \"Watched: a new title for Ngoc Hai\"")'
line=$(wait_line "watch: rebuilt in" "$rebuilt")
t1=$(now_ms)
echo "title edit: $line"
shows() { case "$1" in *"showing slide:$slide (on screen"*) ;; *) echo "FAIL: not the edited slide: $1"; exit 1;; esac; }
shows "$line"
echo "title edit: rename to log line measured here: $((t1 - $(cat "$work/saved_at"))) ms (polled every 50 ms)"
sleep 0.5
[ "$(count "watch: rebuilt in")" -eq $((rebuilt + 1)) ] \
    || { echo "FAIL: one save was not exactly one rebuild"; grep "watch:" "$log"; exit 1; }
cp "$work/shot.png" "$work/edited.png"
# The same content built and drawn the ordinary way.
"$KIOSK_CONTENT_BIN" build "$work/content" -o "$work/fresh.kiosk" >/dev/null
"$KIOSK_BIN" --db "$work/fresh.kiosk" --screen "slide:$slide" --lang en --size $size \
    --screenshot "$work/fresh.png" 2>/dev/null
# The old title, drawn the ordinary way, to show the text column does tell them apart.
"$KIOSK_CONTENT_BIN" build "$root/content" -o "$work/old.kiosk" >/dev/null
"$KIOSK_BIN" --db "$work/old.kiosk" --screen "slide:$slide" --lang en --size $size \
    --screenshot "$work/old.png" 2>/dev/null
text_column="0.52 0.12 0.98 0.45"
same=$(png diff "$work/edited.png" "$work/fresh.png" $text_column)
other=$(png diff "$work/edited.png" "$work/old.png" $text_column)
echo "title column: $same from a fresh build of the edit, $other from the old title"
python3 -c "import sys; sys.exit(0 if $same < 1.0 and $other > 3 * $same + 2 else 1)" \
    || { echo "FAIL: the watched screen does not show the edited title"; exit 1; }

# 3. A swap file alone is not a save.
rebuilt=$(count "watch: rebuilt in")
: >"$work/content/slides/.hpk-water.toml.swp"; : >"$work/content/slides/4913"
sleep 1
rm -f "$work/content/slides/.hpk-water.toml.swp" "$work/content/slides/4913"
sleep 0.5
[ "$(count "watch: rebuilt in")" -eq "$rebuilt" ] \
    || { echo "FAIL: a swap file started a rebuild"; exit 1; }

# 4. A broken edit: the English title removed from the slide's text.
errors=$(count "content error")
save "$slides" 'text.replace(", en = \"Watched: a new title for Ngoc Hai\"", "")'
line=$(wait_line "content error" "$errors")
t1=$(now_ms)
echo "broken edit: $line"
echo "broken edit: rename to log line measured here: $((t1 - $(cat "$work/saved_at"))) ms (polled every 50 ms)"
grep -E "hpk-water\.toml:[0-9]+:[0-9]+: error: " "$log" | tail -3
grep -qE "hpk-water\.toml:[0-9]+:[0-9]+: error: .*\ben\b" "$log" \
    || { echo "FAIL: no file:line:col error naming the missing en text on stderr"; exit 1; }
cp "$work/shot.png" "$work/error.png"
rule=$(png rule "$work/error.png")
echo "error panel: its red rule at $rule of the screen height"
[ "$rule" != none ] || { echo "FAIL: no error panel on screen"; exit 1; }
top=$(png diff "$work/error.png" "$work/edited.png" 0.52 0.1 0.98 "$(python3 -c "print($rule - 0.02)")")
echo "error panel: above it, the text column differs from the last good build by $top"
python3 -c "import sys; sys.exit(0 if $top < 1.0 else 1)" \
    || { echo "FAIL: the last good build is not on screen above the panel"; exit 1; }

# 5. Fixed: rebuilt, no panel.
rebuilt=$(count "watch: rebuilt in")
save "$slides" 'text.replace("ja = \"ドーソンのゴックハイ漁港\" }", "ja = \"ドーソンのゴックハイ漁港\", en = \"Fixed: Ngoc Hai fish port\" }")'
line=$(wait_line "watch: rebuilt in" "$rebuilt")
echo "fixed: $line"
shows "$line"
[ "$(png rule "$work/shot.png")" = none ] || { echo "FAIL: the error panel stayed after the fix"; exit 1; }
kill -TERM "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=

# 6. A window under Xvfb.
export SDL_VIDEODRIVER=x11
source "$(dirname "$0")/../support/xvfb.sh"
start_xvfb 1280x720
log="$work/window.log"
"$KIOSK_BIN" --watch "$work/content" --size $size 2>"$log" & kpid=$!
wait_line "watch: rebuilt in" 0
save "$slides" 'text.replace("Fixed: Ngoc Hai fish port", "In a window: Ngoc Hai fish port")'
line=$(wait_line "watch: rebuilt in" 1)
t1=$(now_ms)
echo "window: $line"
shows "$line"
echo "window: rename to log line measured here: $((t1 - $(cat "$work/saved_at"))) ms (polled every 50 ms)"
kill -TERM "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=
[ -n "${KEEP_SHOTS:-}" ] && cp "$work"/edited.png "$work"/error.png "$work"/fresh.png "$KEEP_SHOTS"/
echo "ok: the edited slide and the error panel reach the screen after each save"
