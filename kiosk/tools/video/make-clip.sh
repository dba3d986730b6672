#!/usr/bin/env bash
# A video clip made from one of the project's own drawings, reproducibly: the SVG drawn by
# `kiosk-content render` (the kiosk's own code path) a quarter larger than the clip, then a slow
# diagonal pan across it encoded by the `ffmpeg` tool. Used by the tests and the benchmark (no
# clip is ever downloaded), and for a demo slide.
#   usage: make-clip.sh DRAWING.svg OUT.mp4|OUT.webm [WxH=1280x720] [SECONDS=4] [FPS=30]
# .mp4: H.264 (yuv420p, +faststart); .webm: VP9. Needs a built kiosk-content ($KIOSK_CONTENT_BIN,
# else build/release/kiosk/tools/kiosk-content) and ffmpeg.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,8p "$0"; exit 2; }
svg=$1 out=$2 size=${3:-1280x720} seconds=${4:-4} fps=${5:-30}
root=$(cd "$(dirname "$0")/../../.." && pwd)
tool=${KIOSK_CONTENT_BIN:-$root/build/release/kiosk/tools/kiosk-content}
w=${size%x*} h=${size#*x}
big="$((w * 5 / 4 / 2 * 2))x$((h * 5 / 4 / 2 * 2))"
png=$(mktemp --suffix=.png); trap 'rm -f "$png"' EXIT
"$tool" render "$svg" -o "$png" --size "$big" --matte f6f1e9 >/dev/null
# The drawing fits the big box (contain): pad it to exactly that size, then pan a WxH window
# from the top-left to the bottom-right corner over the clip.
pan="pad=${big%x*}:${big#*x}:(ow-iw)/2:(oh-ih)/2:color=f6f1e9,crop=$w:$h:x='(iw-ow)*t/$seconds':y='(ih-oh)*t/$seconds'"
case "$out" in
*.mp4) codec=(-c:v libx264 -preset medium -crf 26 -pix_fmt yuv420p -movflags +faststart) ;;
*.webm) codec=(-c:v libvpx-vp9 -b:v 0 -crf 40 -deadline good -cpu-used 4 -pix_fmt yuv420p) ;;
*) echo "make-clip.sh: OUT must end in .mp4 or .webm" >&2; exit 2 ;;
esac
ffmpeg -loglevel error -y -loop 1 -framerate "$fps" -i "$png" -t "$seconds" -vf "$pan" \
    -r "$fps" "${codec[@]}" -an "$out"
