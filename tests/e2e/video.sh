#!/usr/bin/env bash
# Video through the real kiosk-content and kiosk binaries, on clips made here (never downloaded):
# two of the project's drawings panned across by kiosk/tools/video/make-clip.sh (H.264 MP4 and
# VP9 WebM), and broken files made with ffmpeg from lavfi's test pattern.
#  1. pack refuses a truncated MP4, an MPEG-4 part 2 clip, a PNG named .mp4 and a 4096x2160 clip,
#     each with a file:line:col error at the slide's `video` line, and writes no file;
#  2. the good clips pack (one looped, one played once);
#  3. screenshots of the video slide (vi, ja, en at 1920x1080 and 1080x1920): the frame at 2 s
#     differs from the one at 0 s, and the same --at gives the same picture every run;
#  4. a database whose video bytes were swapped for random bytes, or cut to a third, shows the
#     poster and the text (no fallback screen), both the same picture, and logs why.
# KIOSK_KEEP_SHOTS=DIR keeps the screenshots.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$here/bad_input/good" "$work/good"
# Each slide's poster is a drawing of its own (neighbouring slides may not share a picture).
for pair in signing:partnerships/haiphong-kitakyushu hanoi:partnerships/hanoi-kanagawa \
    cut:scenes/port old:scenes/festival png:scenes/fireworks dci:scenes/eco-park; do
    cp "$root/assets/images/${pair#*:}.svg" "$work/good/assets/images/poster-${pair%%:*}.svg"
done
videos="$work/good/assets/videos"; mkdir -p "$videos"
export KIOSK_CONTENT_BIN
make_clip="$root/kiosk/tools/video/make-clip.sh"
"$make_clip" "$root/assets/images/partnerships/haiphong-kitakyushu.svg" "$videos/bridge.mp4" 960x540 3
"$make_clip" "$root/assets/images/partnerships/hanoi-kanagawa.svg" "$videos/hanoi.webm" 640x360 2
lavfi() { ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=$1:rate=30:duration=$2" "${@:3}"; }
lavfi 640x360 2 -c:v mpeg4 "$videos/mpeg4.mp4"
lavfi 4096x2160 0.2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$videos/dci.mp4"
head -c "$(( $(stat -c %s "$videos/bridge.mp4") / 2 ))" "$videos/bridge.mp4" >"$videos/truncated.mp4"
"$KIOSK_CONTENT_BIN" render "$root/assets/images/partnerships/haiphong-kitakyushu.svg" \
    -o "$videos/picture.mp4" --size 320x200 >/dev/null

slide() { # id video [extra lines]
    printf '\n[[slide]]\nid = "%s"\ntopic = "hpk-overview"\norder = 9\nimage = "poster-%s.svg"\nvideo = "%s"\n%s\nsource = "000"\ntitle = { vi = "Lễ ký kết", ja = "調印式", en = "The signing" }\nbody = { vi = "Một đoạn phim của dự án.", ja = "プロジェクトの動画です。", en = "A clip made by the project." }\n' "$1" "$1" "$2" "${3:-}"
}
bad="$work/bad"; cp -r "$work/good" "$bad"
{ slide cut truncated.mp4; slide old mpeg4.mp4; slide png picture.mp4; slide dci dci.mp4; } >>"$bad/content/slides.toml"
set +e
"$KIOSK_CONTENT_BIN" pack "$bad/content" -o "$work/bad.kiosk" 2>"$work/bad.err"
status=$?
set -e
cat "$work/bad.err"
[ "$status" -ne 0 ] || { echo "FAIL: pack accepted the broken videos"; exit 1; }
[ ! -e "$work/bad.kiosk" ] || { echo "FAIL: pack wrote a file"; exit 1; }
for what in "video 'truncated.mp4' cannot be played: it is damaged or truncated" \
    "video 'mpeg4.mp4' cannot be played: codec mpeg4 is not supported: H.264 (MP4) or VP9 (WebM) only" \
    "video 'picture.mp4' cannot be played: not an MP4 or WebM file" \
    "video 'dci.mp4' cannot be played: 4096x2160 is too large: at most 3840x2160"; do
    # The line of the slide's `video = ...` key, column 9 (its value).
    grep -E '^[^:]+slides\.toml:[0-9]+:9: error: ' "$work/bad.err" | grep -qF "$what" \
        || { echo "FAIL: no file:line:col error for: $what"; exit 1; }
done
line=$(grep -n 'video = "mpeg4.mp4"' "$bad/content/slides.toml" | cut -d: -f1)
grep -qF "slides.toml:$line:9: error: video 'mpeg4.mp4'" "$work/bad.err" \
    || { echo "FAIL: the mpeg4 error does not name line $line"; exit 1; }

{ slide signing bridge.mp4; slide hanoi hanoi.webm "video_loop = false"; } >>"$work/good/content/slides.toml"
"$KIOSK_CONTENT_BIN" pack "$work/good/content" -o "$work/good.kiosk"
[ "$(sqlite3 "$work/good.kiosk" "SELECT group_concat(id || ':' || codec || ':' || width, ' ') FROM video")" \
    = "bridge.mp4:h264:960 hanoi.webm:vp9:640" ] || { echo "FAIL: videos not stored"; exit 1; }

shot() { # db lang size at png
    "$KIOSK_BIN" --db "$1" --screen slide:signing --lang "$2" --size "$3" --at "$4" \
        --screenshot "$5" 2>>"$work/shots.err"
}
sum() { md5sum "$1" | cut -d' ' -f1; }
for size in 1920x1080 1080x1920; do
    for lang in vi ja en; do
        shot "$work/good.kiosk" "$lang" "$size" 0 "$work/start-$lang-$size.png"
        shot "$work/good.kiosk" "$lang" "$size" 2 "$work/mid-$lang-$size.png"
        [ "$(sum "$work/start-$lang-$size.png")" != "$(sum "$work/mid-$lang-$size.png")" ] \
            || { echo "FAIL: $lang $size: the frame at 2 s is the frame at 0 s"; exit 1; }
    done
done
shot "$work/good.kiosk" en 1920x1080 2 "$work/again.png"
[ "$(sum "$work/again.png")" = "$(sum "$work/mid-en-1920x1080.png")" ] \
    || { echo "FAIL: the same --at gave another picture"; exit 1; }
grep -q "video bridge.mp4: .*decoder h264" "$work/shots.err" \
    || { echo "FAIL: the decoder used is not logged"; cat "$work/shots.err"; exit 1; }

cp "$work/good.kiosk" "$work/noise.kiosk"
sqlite3 "$work/noise.kiosk" "UPDATE video SET bytes = randomblob(50000) WHERE id = 'bridge.mp4'"
cp "$work/good.kiosk" "$work/cut.kiosk"
sqlite3 "$work/cut.kiosk" "UPDATE video SET bytes = substr(bytes, 1, length(bytes) / 3) WHERE id = 'bridge.mp4'"
for kind in noise cut; do
    : >"$work/shots.err"
    shot "$work/$kind.kiosk" en 1920x1080 2 "$work/$kind.png" \
        || { echo "FAIL: $kind: the kiosk did not show the slide (exit $?)"; exit 1; }
    grep -q "video bridge.mp4 cannot be played: .*showing its poster" "$work/shots.err" \
        || { echo "FAIL: $kind: not logged"; cat "$work/shots.err"; exit 1; }
    [ "$(sum "$work/$kind.png")" != "$(sum "$work/mid-en-1920x1080.png")" ] \
        || { echo "FAIL: $kind: shows a frame"; exit 1; }
done
[ "$(sum "$work/noise.png")" = "$(sum "$work/cut.png")" ] \
    || { echo "FAIL: the two broken videos do not both show the poster"; exit 1; }
[ -z "${KIOSK_KEEP_SHOTS:-}" ] || cp "$work"/*.png "$KIOSK_KEEP_SHOTS"
echo "video: refusals, playback and posters as expected"
