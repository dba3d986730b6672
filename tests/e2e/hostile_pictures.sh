#!/usr/bin/env bash
# Hostile pictures in packages made by hand (issue 13.1): the installer draws every picture at
# every size the kiosk draws it, under the time and memory limits, and refuses what would blow
# them, naming the picture and the size; the installed content is untouched.
#  1. a drawing with a 61-step filter over the whole picture: drawn fine at 640 px (the old
#     installer's one size), ~800 MB and many seconds at a 4K slide's picture box. Packed with
#     `build`, which draws nothing, so the file is valid in every other way;
#  2. extreme aspect ratios (1x2000 and 2000x1) put into a built package with sqlite3, and the
#     checksum sealed again as the compiler would;
#  3. the same filter drawing dropped into a running kiosk's inbox: refused on the worker thread
#     with the same reason, the old content stays on screen.
# The installer's peak memory (RSS) and time are printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); xpid=; kpid=
cleanup() { for p in $kpid $xpid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
export KIOSK_CONFIG=/nonexistent
good=$here/bad_input/good
state=$work/state
"$KIOSK_CONTENT_BIN" pack "$good/content" --assets "$good/assets" -o "$work/good.kiosk" >/dev/null
"$KIOSK_CONTENT_BIN" install "$work/good.kiosk" --state "$state" >/dev/null
before=$(sha256sum <"$state/current.kiosk")
image=$(sqlite3 "$work/good.kiosk" "SELECT image FROM slide WHERE image != '' ORDER BY id LIMIT 1")
[ -n "$image" ] || fail "the good content has no slide picture"

# refused FILE EXPECTED...: install exits 1 naming each EXPECTED, current.kiosk untouched.
refused() {
    local file=$1 status=0; shift
    /usr/bin/time -f "%M %e" -o "$work/time.txt" "$KIOSK_CONTENT_BIN" install "$file" \
        --state "$state" 2>"$work/err.txt" >/dev/null || status=$?
    [ "$status" -eq 1 ] || fail "install $(basename "$file") exited $status: $(cat "$work/err.txt")"
    for what in "$@"; do
        grep -qF -- "$what" "$work/err.txt" || fail "install $(basename "$file"): no '$what' in: $(cat "$work/err.txt")"
    done
    [ "$(sha256sum <"$state/current.kiosk")" = "$before" ] || fail "install $file changed current"
    read -r rss seconds < <(tail -1 "$work/time.txt")
    echo "ok: $(basename "$file") refused in ${seconds} s, peak RSS $((rss / 1024)) MB:"
    grep -o "image .*" "$work/err.txt" | head -c 400; echo
}

# 1. The filter drawing, built (not packed) into an otherwise valid package.
filter_svg() {
    python3 - <<'PY'
prims = "".join(f"<feOffset in='SourceGraphic' dx='{i % 5}' result='r{i}'/>" for i in range(60))
merge = "<feMerge>" + "".join(f"<feMergeNode in='r{i}'/>" for i in range(60)) + "</feMerge>"
print(f"<svg xmlns='http://www.w3.org/2000/svg' width='100' height='90'><filter id='f' x='0' "
      f"y='0' width='1' height='1'>{prims}{merge}</filter><rect width='100' height='90' "
      f"fill='#8ac' filter='url(#f)'/></svg>")
PY
}
cp -r "$good" "$work/hostile"
filter_svg >"$work/hostile/assets/images/$image"
"$KIOSK_CONTENT_BIN" render "$work/hostile/assets/images/$image" -o "$work/640.png" --size 640x640 \
    >/dev/null || fail "the filter drawing does not draw at 640 px, so it tests nothing"
"$KIOSK_CONTENT_BIN" build "$work/hostile/content" --assets "$work/hostile/assets" \
    -o "$work/filter.kiosk" >/dev/null
refused "$work/filter.kiosk" "image $image cannot be drawn at " "(a size the screens draw it at)"
grep -qE "filter and mask layers would take about [0-9]+ MB, over the 256 MB budget|over 5000 ms" \
    "$work/err.txt" || fail "the reason is neither the memory nor the time limit"

# 2. Extreme aspect ratios, sealed by hand (the checksum recomputed as kiosk/store/schema.cpp does).
seal() { # FILE: recompute meta.checksum
    python3 - "$1" <<'PY'
import hashlib, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
h = hashlib.blake2b(digest_size=32)
for table in ["meta", "source", "partnership", "topic", "slide", "place", "link", "event",
              "chart", "chart_point", "image", "video"]:  # kiosk/store/schema.h CONTENT_TABLES
    h.update(table.encode() + b"\0")
    for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
        if table == "meta" and row[0] == "checksum":
            continue
        for v in row:
            if v is None: h.update(bytes([5]))
            elif isinstance(v, int): h.update(bytes([1]) + struct.pack("<q", v))
            elif isinstance(v, float): h.update(bytes([2]) + struct.pack("<d", v))
            elif isinstance(v, str):
                b = v.encode(); h.update(bytes([3]) + struct.pack("<Q", len(b)) + b)
            else:
                h.update(bytes([4]) + struct.pack("<Q", len(v)) + bytes(v))
db.execute("UPDATE meta SET value = ? WHERE key = 'checksum'", (h.hexdigest(),))
db.commit()
PY
}
for size in "1 2000" "2000 1"; do
    set -- $size
    cp "$work/good.kiosk" "$work/aspect-$1x$2.kiosk"
    svg="<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$1\" height=\"$2\"><rect width=\"$1\" height=\"$2\" fill=\"red\"/></svg>"
    sqlite3 "$work/aspect-$1x$2.kiosk" "UPDATE image SET bytes = CAST('$svg' AS BLOB) WHERE id = '$image'"
    seal "$work/aspect-$1x$2.kiosk"
    refused "$work/aspect-$1x$2.kiosk" "image $image" "aspect ratio 2000:1 is over 8:1"
done
# The seal is right: the same file resealed without a change installs.
cp "$work/good.kiosk" "$work/resealed.kiosk"; seal "$work/resealed.kiosk"
"$KIOSK_CONTENT_BIN" install "$work/resealed.kiosk" --state "$work/other-state" >/dev/null \
    || fail "a resealed good package was refused: the seal is wrong, not the pictures"

# 3. Through a running kiosk's inbox (under Xvfb).
export DISPLAY=:$((80 + RANDOM % 20)) SDL_VIDEODRIVER=x11
Xvfb "$DISPLAY" -screen 0 640x360x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$state/inbox"
printf '[content]\nstate = "%s"\ninbox = "%s/inbox"\n' "$state" "$state" >"$work/kiosk.toml"
KIOSK_CONFIG=$work/kiosk.toml "$KIOSK_BIN" --db "$state/current.kiosk" --size 640x360 --windowed \
    >"$work/kiosk.log" 2>&1 & kpid=$!
sleep 2
cp "$work/filter.kiosk" "$work/.drop"; touch -d '-1 minute' "$work/.drop"
mv "$work/.drop" "$state/inbox/filter.kiosk"
for _ in $(seq 1 120); do [ -e "$state/inbox/rejected/filter.kiosk" ] && break; sleep 1; done
kill -0 "$kpid" || { cat "$work/kiosk.log"; fail "the kiosk died"; }
[ -e "$state/inbox/rejected/filter.kiosk" ] || { cat "$work/kiosk.log"; fail "the inbox did not refuse it"; }
grep -F "image $image cannot be drawn at " "$work/kiosk.log" | head -c 400; echo
grep -qF "image $image cannot be drawn at " "$work/kiosk.log" || { cat "$work/kiosk.log"; fail "the refusal does not name the picture"; }
[ "$(sha256sum <"$state/current.kiosk")" = "$before" ] || fail "the inbox changed current"
kill -TERM "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=
echo "ok: hostile pictures refused by kiosk-content install and the inbox, naming the picture and the size"
