#!/usr/bin/env bash
# The video benchmark, beside the browser peer in one run (not a test: it prints figures).
# A 1080p30 H.264 clip made here (kiosk/tools/video/make-clip.sh: one of our drawings panned
# across, looped) on a video slide, under Xvfb at 1920x1080, for WINDOW seconds:
#   kiosk video   cpu_pct (of one core), pss_peak_mb, frames shown and dropped (from the kiosk's
#                 log when it stops), the decoder it used
#   kiosk still   pss_peak_mb and cpu_pct of a still slide of the same content
#   peer video    ../shared/peer/measure-peer.sh --video CLIP WINDOW (Chromium, muted, looped)
# and the ratios against the targets: cpu <= 0.75x the peer's, 0 dropped, pss <= still + 40 MB.
#   usage: tests/bench/video.sh [WINDOW_SECONDS=60] [--no-peer]
# Needs a release build, xvfb, x11-utils, ffmpeg, python3; the peer: see ../shared/peer/README.md
# (KIOSK_PEER_DIR overrides where it is looked for).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
window=${1:-60}
peer=1
for arg in "$@"; do [ "$arg" = "--no-peer" ] && peer=0; done
kiosk=$root/build/release/kiosk/app/kiosk
tool=$root/build/release/kiosk/tools/kiosk-content
peer_dir=${KIOSK_PEER_DIR:-$root/../shared/peer}
[ -x "$kiosk" ] || { echo "bench: build first: cmake --preset release && cmake --build --preset release"; exit 1; }
work=$(mktemp -d)
xpid=
cleanup() { [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export SDL_FRAMEBUFFER_ACCELERATION=0 KIOSK_CONFIG=/nonexistent KIOSK_CONTENT_BIN=$tool

# The exhibition: the bundled content plus one video slide.
cp -r "$root/content" "$work/content"; cp -r "$root/assets" "$work/assets"
mkdir -p "$work/assets/videos"
clip=$work/assets/videos/bench-1080p30.mp4
"$root/kiosk/tools/video/make-clip.sh" "$root/assets/images/partnerships/haiphong-kitakyushu.svg" \
    "$clip" 1920x1080 20 30 || exit 1
cat >>"$work/content/slides/bench-video.toml" <<'TOML'
[[slide]]
id = "bench-video"
topic = "hpk-overview"
order = 99
video = "bench-1080p30.mp4"
source = "000"
title = { vi = "Video", ja = "ビデオ", en = "Video" }
body = { vi = "Một đoạn phim.", ja = "動画です。", en = "A clip." }
TOML
"$tool" build "$work/content" -o "$work/bench.db" >/dev/null || exit 1
echo "bench: window ${window}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), clip $(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,width,height,r_frame_rate -of csv=p=0 "$clip") $(du -h "$clip" | cut -f1)"

disp=:$((70 + RANDOM % 9))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
export DISPLAY=$disp
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/{print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
measure() { # NAME SECONDS ARGS...: cpu and PSS of the kiosk (and its picture child) on one screen
    local name=$1 seconds=$2; shift 2
    "$kiosk" --db "$work/bench.db" --hold "$@" >"$work/$name.log" 2>&1 & local pid=$!
    sleep 3
    local t0 s0 peak=0 v
    t0=$(ticks $pid); s0=$(date +%s.%N)
    for _ in $(seq 1 "$seconds"); do
        sleep 1
        v=$(pss_kb $pid)
        for child in $(pgrep -P $pid); do v=$((v + $(pss_kb "$child"))); done
        [ "${v:-0}" -gt "$peak" ] && peak=$v
    done
    local t1 s1; t1=$(ticks $pid); s1=$(date +%s.%N)
    kill -TERM $pid; wait $pid 2>/dev/null
    eval "cpu_$name=$(python3 -c "print(f'{100*($t1-$t0)/$(getconf CLK_TCK)/($s1-$s0):.1f}')")"
    eval "pss_$name=$(python3 -c "print(f'{$peak/1024:.1f}')")"
}
measure video "$window" --screen slide:bench-video
stopped=$(grep -o "stopped after [0-9]* frames shown, [0-9]* dropped" "$work/video.log" | tail -1)
shown=$(echo "$stopped" | awk '{print $3}'); dropped=$(echo "$stopped" | awk '{print $6}')
decoder=$(grep -o "decoder .*" "$work/video.log" | head -1)
echo "kiosk video cpu_pct=$cpu_video pss_peak_mb=$pss_video shown=${shown:-?} dropped=${dropped:-?} ($decoder; frames counted over the whole run, ~$(( (window + 3) * 30 )) due)"
measure still 20 --screen slide:kk-at-a-glance
echo "kiosk still cpu_pct=$cpu_still pss_peak_mb=$pss_still"
kill "$xpid" 2>/dev/null; xpid=

ratio() { python3 -c "a, b = $1, $2; print(f'{a / b:.2f}' if b else 'n/a')"; }
echo "target pss: video $pss_video MB vs still $pss_still MB + 40 = $(python3 -c "print(f'{$pss_still + 40:.1f}')") MB: $(python3 -c "print('met' if $pss_video <= $pss_still + 40 else 'NOT met')") (video - still = $(python3 -c "print(f'{$pss_video - $pss_still:.1f}')") MB)"
echo "target dropped: ${dropped:-?} (0 wanted): $([ "${dropped:-1}" = 0 ] && echo met || echo NOT met)"
if [ "$peer" = 1 ] && [ -x "$peer_dir/measure-peer.sh" ]; then
    line=$("$peer_dir/measure-peer.sh" --video "$clip" "$window" 2>/dev/null | grep "^peer video")
    echo "$line"
    peer_cpu=$(echo "$line" | grep -o "cpu_pct=[0-9.]*" | cut -d= -f2)
    peer_pss=$(echo "$line" | grep -o "pss_peak_mb=[0-9.]*" | cut -d= -f2)
    if [ -n "$peer_cpu" ]; then
        r=$(ratio "$cpu_video" "$peer_cpu")
        echo "target cpu: kiosk/peer = $r (<= 0.75 wanted): $(python3 -c "print('met' if $r <= 0.75 else 'NOT met')")"
        echo "pss: kiosk/peer = $(ratio "$pss_video" "${peer_pss:-0}")"
    fi
else
    echo "peer: skipped (--no-peer, or no $peer_dir/measure-peer.sh)"
fi
