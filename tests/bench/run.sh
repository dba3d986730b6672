#!/usr/bin/env bash
# The kiosk's benchmark, side by side with the browser peer, in one run (not a test: it prints
# figures). Under Xvfb at 1920x1080 (and 3840x2160 for frame times):
#   start     exec -> first frame presented (median of 10), bundled content and 4 900 more slides
#   memory    peak RSS and PSS on a still slide and in the attract loop
#   cpu       % of one core over WINDOW seconds on a still slide and in the attract loop
#   frames    draw+present time p50/p99/max during cross-fades, a swipe and a map pinch
#   caches    text texture hit rate and bytes
# and the peer's figures from ../shared/peer/measure-peer.sh, with the ratios.
#   usage: tests/bench/run.sh [WINDOW_SECONDS=30] [--no-peer]
# Needs: a release build (cmake --preset release && cmake --build --preset release), xvfb,
# xdotool, python3; for the peer: chromium nodejs npm bc (see ../shared/peer/README.md).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
window=${1:-30}
peer=1
for arg in "$@"; do [ "$arg" = "--no-peer" ] && peer=0; done
kiosk=$root/build/release/kiosk/app/kiosk
content_tool=$root/build/release/kiosk/tools/kiosk-content
db=$root/build/release/kiosk.db
[ -x "$kiosk" ] || { echo "bench: build first: cmake --preset release && cmake --build --preset release"; exit 1; }
work=$(mktemp -d)
export SDL_FRAMEBUFFER_ACCELERATION=0 KIOSK_CONFIG=/nonexistent
xpid=
start_x() { # WIDTHxHEIGHT
    [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
    disp=:$((90 + RANDOM % 9))
    Xvfb "$disp" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 & xpid=$!
    export DISPLAY=$disp
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}
cleanup() { [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ms_now() { date +%s%N | cut -c1-13; }
start_ms() { # DB -> median ms of 10 runs to the first frame
    local times=()
    for _ in $(seq 1 10); do
        local t0; t0=$(ms_now)
        "$kiosk" --db "$1" --exit-after-first-frame --screen attract >/dev/null 2>&1
        times+=($(( $(ms_now) - t0 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d (min %d, max %d)", a[int((NR+1)/2)], a[1], a[NR]}'
}
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/{print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
rss_peak_kb() { awk '/^VmHWM:/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
measure() { # NAME ARGS... : runs the kiosk for $window s, prints cpu and memory
    local name=$1; shift
    KIOSK_FRAME_LOG=$work/$name.frames "$kiosk" --db "$db" "$@" >/dev/null 2>&1 & local pid=$!
    sleep 3
    local t0 s0 peak=0 v
    t0=$(ticks $pid); s0=$(date +%s.%N)
    for _ in $(seq 1 "$window"); do sleep 1; v=$(pss_kb $pid); [ "${v:-0}" -gt "$peak" ] && peak=$v; done
    local t1 s1 rss
    t1=$(ticks $pid); s1=$(date +%s.%N); rss=$(rss_peak_kb $pid)
    kill -TERM $pid; wait $pid 2>/dev/null
    local cpu; cpu=$(python3 -c "print(f'{100*($t1-$t0)/$(getconf CLK_TCK)/($s1-$s0):.2f}')")
    echo "kiosk $name cpu_pct=$cpu pss_peak_mb=$(python3 -c "print(f'{$peak/1024:.1f}')") rss_peak_mb=$(python3 -c "print(f'{$rss/1024:.1f}')")"
    eval "cpu_$name=$cpu; pss_$name=$(python3 -c "print(f'{$peak/1024:.1f}')")"
}
frame_stats() { # FILE LABEL
    python3 - "$1" "$2" <<'PY'
import sys
path, label = sys.argv[1], sys.argv[2]
head, times = "", []
for line in open(path):
    if line.startswith("#"): head = line[2:].strip()
    elif line.strip(): times.append(int(line) / 1000.0)
if not times: print(f"kiosk frames {label}: no frames"); sys.exit()
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
kv = dict(x.split("=") for x in head.split())
hits, misses = int(kv.get("text_hits", 0)), int(kv.get("text_misses", 0))
rate = 100 * hits / max(1, hits + misses)
print(f"kiosk frames {label}: n={len(times)} p50_ms={pick(0.5):.2f} p99_ms={pick(0.99):.2f} max_ms={times[-1]:.2f} "
      f"text_cache_hit_pct={rate:.1f} text_cache_mb={int(kv.get('text_bytes', 0)) / 2**20:.1f} image_cache_mb={int(kv.get('image_bytes', 0)) / 2**20:.1f}")
PY
}
swipe_frames() { # SIZE NAME: swipes with the mouse on a slide, frame times
    KIOSK_FRAME_LOG=$work/$2.frames "$kiosk" --db "$db" --hold --screen slide:wastewater-nam-hai >/dev/null 2>&1 & local pid=$!
    sleep 3
    local w=${1%x*} h=${1#*x}
    for i in 1 2 3 4 5 6; do
        xdotool mousemove $((w * 8 / 10)) $((h / 2)) mousedown 1
        for s in $(seq 1 20); do xdotool mousemove $((w * 8 / 10 - s * w / 40)) $((h / 2)); sleep 0.016; done
        xdotool mouseup 1; sleep 0.5
        # and back, so every swipe pages
        xdotool mousemove $((w * 2 / 10)) $((h / 2)) mousedown 1
        for s in $(seq 1 20); do xdotool mousemove $((w * 2 / 10 + s * w / 40)) $((h / 2)); sleep 0.016; done
        xdotool mouseup 1; sleep 0.5
    done
    kill -TERM $pid; wait $pid 2>/dev/null
    frame_stats "$work/$2.frames" "swipe $1"
}

echo "bench: window ${window}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
start_x 1920x1080
start_bundled=$(start_ms "$db")
echo "kiosk startup_ms=$start_bundled (exec -> first frame, 1920x1080, bundled content: $(sqlite3 "$db" 'select count(*) from slide') slides)"
python3 "$root/tests/bench/gen_slides.py" "$root/content" "$work/big" 4900 >/dev/null
"$content_tool" build "$work/big" --assets "$root/assets" -o "$work/big.db" >/dev/null
echo "kiosk startup_ms=$(start_ms "$work/big.db") (4 900 generated slides beside the bundled ones, the compiler allows 5000 a table; $(du -h "$work/big.db" | cut -f1))"
measure still --hold --screen slide:kk-at-a-glance
measure loop --screen attract
frame_stats "$work/loop.frames" "attract-loop 1920x1080 (cross-fades and slow pan)"
swipe_frames 1920x1080 swipe1080
# The map: a scripted two-finger pinch (xdotool has one pointer) through the real app in a window
# on this display, frames paced at 60 Hz; then the same into a surface with no display.
"$root/build/release/tests/bench/kiosk-frame-bench" 1920x1080 60 --window 2>/dev/null \
    | grep -E "map pinch|map session" | sed 's/^/kiosk window 1920x1080 /'
start_x 3840x2160
KIOSK_FRAME_LOG=$work/loop4k.frames "$kiosk" --db "$db" --screen attract >/dev/null 2>&1 & pid=$!
sleep 25; kill -TERM $pid; wait $pid 2>/dev/null
frame_stats "$work/loop4k.frames" "attract-loop 3840x2160"
swipe_frames 3840x2160 swipe4k
kill "$xpid" 2>/dev/null; xpid=
SDL_VIDEODRIVER=offscreen "$root/build/release/tests/bench/kiosk-frame-bench" 1920x1080 60 2>/dev/null \
    | grep -E "map pinch|map session|map data" | sed 's/^/kiosk no display 1920x1080 /;s/no display 1920x1080 map data/map data/'

if [ $peer = 1 ]; then
    echo "bench: measuring the peer (Chromium kiosk) ..."
    "$root/../shared/peer/measure-peer.sh" 3 "$window" | tee "$work/peer.txt"
    python3 - "$work/peer.txt" "${start_bundled%% *}" "$cpu_still" "$cpu_loop" "$pss_still" "$pss_loop" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
starts = [int(x) for x in re.findall(r"startup_ms=(\d+)", text)]
modes = {m: dict(re.findall(r"(\w+)=([\d.]+)", line)) for m, line in re.findall(r"peer (still|loop) (.*)", text)}
k_start, k_cpu_still, k_cpu_loop, k_pss_still, k_pss_loop = map(float, sys.argv[2:])
if not starts or "still" not in modes:
    print("peer: no figures (is chromium installed?)"); sys.exit()
p_start = statistics.median(starts)
def ratio(a, b): return f"{a / b:.3f}" if b else "n/a"
print(f"ratio startup kiosk/peer = {k_start:.0f}/{p_start:.0f} ms = {ratio(k_start, p_start)} (target <= 0.1)")
print(f"ratio pss still kiosk/peer = {k_pss_still}/{modes['still']['pss_peak_mb']} MB = {ratio(k_pss_still, float(modes['still']['pss_peak_mb']))} (target <= 0.1)")
print(f"ratio pss loop kiosk/peer = {k_pss_loop}/{modes['loop']['pss_peak_mb']} MB = {ratio(k_pss_loop, float(modes['loop']['pss_peak_mb']))}")
print(f"ratio cpu still kiosk/peer = {k_cpu_still}/{modes['still']['cpu_pct']} % = {ratio(k_cpu_still, float(modes['still']['cpu_pct']))}")
print(f"ratio cpu loop kiosk/peer = {k_cpu_loop}/{modes['loop']['cpu_pct']} % = {ratio(k_cpu_loop, float(modes['loop']['cpu_pct']))} (target <= 0.333)")
PY
fi
