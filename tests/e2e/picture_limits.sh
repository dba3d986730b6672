#!/usr/bin/env bash
# Pictures that would crash or blank the kiosk are refused where content enters, and the kiosk
# never trusts the file either: through the real kiosk-content and kiosk binaries.
#  1. pack refuses a 1x2000 SVG, a drawing that points at file:///etc/passwd and a damaged JPEG
#     with file:line:col errors, all in one run, and writes no file;
#  2. a photo made here (one of our drawings rendered by `kiosk-content render`, encoded as JPEG
#     by ffmpeg) with focus and credit packs, and its slide shows it with the credit line;
#  3. a database whose picture was swapped for the 1x2000 SVG after it was built still shows
#     the slide (no crash, no fallback screen) without the picture, and says so in the log.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$here/bad_input/good" "$work/good"
images="$work/good/assets/images"
mkdir -p "$images/photos"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="2000"><rect width="1" height="2000" fill="red"/></svg>' >"$images/tall.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="file:///etc/passwd" width="100" height="100"/></svg>' >"$images/passwd.svg"

# A test photo made by the project: the partnership drawing rendered, then encoded as JPEG.
"$KIOSK_CONTENT_BIN" render "$here/../assets/images/partnerships/haiphong-kitakyushu.svg" \
    -o "$work/drawing.png" --size 1600x1200 --matte d8e8f0 >/dev/null
ffmpeg -loglevel error -y -i "$work/drawing.png" -q:v 3 "$images/photos/bridge.jpg"
head -c 4000 "$images/photos/bridge.jpg" >"$images/photos/damaged.jpg"

slide() { # id image [extra lines]
    printf '\n[[slide]]\nid = "%s"\ntopic = "hpk-overview"\norder = 9\nimage = "%s"\nsource = "000"\n%s\ntitle = { vi = "Ảnh", ja = "写真", en = "Photo" }\nbody = { vi = "Thử.", ja = "テスト。", en = "A test." }\n' "$1" "$2" "${3:-}"
}
credit='focus = [0.7, 0.4]
credit = { vi = "Ảnh: dự án kiosk", ja = "写真：キオスク制作", en = "Photo: the kiosk project" }'
bad="$work/bad"; cp -r "$work/good" "$bad"
{ slide tall tall.svg; slide passwd passwd.svg; slide damaged photos/damaged.jpg "$credit"; } >>"$bad/content/slides.toml"
set +e
"$KIOSK_CONTENT_BIN" pack "$bad/content" -o "$work/bad.kiosk" 2>"$work/bad.err"
status=$?
set -e
cat "$work/bad.err"
[ "$status" -ne 0 ] || { echo "FAIL: pack accepted the bad pictures"; exit 1; }
[ ! -e "$work/bad.kiosk" ] || { echo "FAIL: pack wrote a file"; exit 1; }
for what in "image 'tall.svg' cannot be shown: an SVG of 1x2000 px: aspect ratio 2000:1" \
    "image 'passwd.svg' cannot be shown: the SVG has an <image> element" \
    "image 'photos/damaged.jpg' cannot be shown"; do
    grep -E '^[^:]+slides\.toml:[0-9]+:[0-9]+: error: ' "$work/bad.err" | grep -qF "$what" \
        || { echo "FAIL: no file:line:col error for: $what"; exit 1; }
done

{ slide photo photos/bridge.jpg "$credit"; } >>"$work/good/content/slides.toml"
"$KIOSK_CONTENT_BIN" pack "$work/good/content" -o "$work/good.kiosk" | tee "$work/pack.out"
grep -q "drew [0-9]* pictures at [0-9]* sizes the screens use: 0 failed" "$work/pack.out" \
    || { echo "FAIL: pack did not draw the pictures at the screens' sizes"; exit 1; }
size=$(sqlite3 "$work/good.kiosk" "SELECT length(bytes) FROM image WHERE id = 'photos/bridge.jpg'")
[ "$size" -gt 10000 ] || { echo "FAIL: the photo is not stored in the database"; exit 1; }
for lang in vi ja en; do
    "$KIOSK_BIN" --db "$work/good.kiosk" --screen slide:photo --lang $lang --size 1280x720 \
        --screenshot "$work/photo-$lang.png" 2>"$work/photo.err" \
        || { cat "$work/photo.err"; echo "FAIL: the photo slide did not render ($lang)"; exit 1; }
done

# The kiosk opens its own files without the checksum pass: swap the picture in behind its back.
cp "$work/good.kiosk" "$work/swapped.kiosk"
sqlite3 "$work/swapped.kiosk" "UPDATE image SET bytes = readfile('$images/tall.svg') WHERE id = 'photos/bridge.jpg'"
set +e
"$KIOSK_BIN" --db "$work/swapped.kiosk" --screen slide:photo --size 1280x720 \
    --screenshot "$work/swapped.png" 2>"$work/swapped.err"
status=$?
set -e
cat "$work/swapped.err"
[ "$status" -eq 0 ] || { echo "FAIL: the kiosk exited $status on a swapped picture"; exit 1; }
[ -s "$work/swapped.png" ] || { echo "FAIL: no screenshot"; exit 1; }
grep -q "image photos/bridge.jpg at .*aspect ratio 2000:1.*the screen shows without it" \
    "$work/swapped.err" || { echo "FAIL: the refused picture was not logged"; exit 1; }
[ -z "${KIOSK_KEEP_SHOTS:-}" ] || cp "$work"/photo-*.png "$work/swapped.png" "$KIOSK_KEEP_SHOTS"
echo "ok: bad pictures refused with file:line, photo slide drawn, swapped picture survived"
