#!/usr/bin/env bash
# The kiosk cannot be escaped from the keyboard: under a real X server (Xvfb) the fullscreen
# kiosk gets Alt+F4, Alt+Tab, Ctrl+Q, Ctrl+W, Esc, F11, Super, Ctrl+Alt+Backspace and a minimise
# request, typed with xdotool, and is still running, mapped and covering the screen afterwards.
# Only SIGTERM (systemd, staff) stops it.
set -euo pipefail
work=$(mktemp -d); xpid=; kpid=
cleanup() { for p in $kpid $xpid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
# A real X window (ctest sets the offscreen driver for the other tests).
export SDL_VIDEODRIVER=x11
source "$(dirname "$0")/../support/xvfb.sh"
start_xvfb 1280x720
KIOSK_CONFIG=/nonexistent "$KIOSK_BIN" >"$work/log" 2>&1 & kpid=$!
wid=
for _ in $(seq 1 150); do wid=$(xdotool search --name '^Kiosk$' 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.1; done
[ -n "$wid" ] || { echo "FAIL: no kiosk window"; cat "$work/log"; exit 1; }
sleep 1
for keys in alt+F4 alt+Tab ctrl+q ctrl+w Escape F11 super Super_L ctrl+alt+BackSpace alt+F2 ctrl+alt+Delete; do
    xdotool key --window "$wid" "$keys" 2>/dev/null || xdotool key "$keys"
    sleep 0.2
    kill -0 "$kpid" 2>/dev/null || { echo "FAIL: $keys ended the kiosk"; cat "$work/log"; exit 1; }
done
xdotool windowminimize "$wid" 2>/dev/null || true
sleep 1
kill -0 "$kpid" 2>/dev/null || { echo "FAIL: minimising ended the kiosk"; exit 1; }
state=$(xwininfo -id "$wid" | awk -F': ' '/Map State/{print $2}')
geometry=$(xwininfo -id "$wid" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w"x"h}')
echo "after every key: running, map state $state, $geometry"
[ "$state" = "IsViewable" ] || { echo "FAIL: the kiosk window is not visible ($state)"; exit 1; }
[ "$geometry" = "1280x720" ] || { echo "FAIL: the kiosk no longer covers the screen ($geometry)"; exit 1; }
kill -TERM "$kpid"
for _ in $(seq 1 30); do kill -0 "$kpid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$kpid" 2>/dev/null; then echo "FAIL: SIGTERM did not stop the kiosk within 3 s"; exit 1; fi
status=0; wait "$kpid" || status=$?
kpid=
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status after SIGTERM"; exit 1; }
# Control: the same keys do reach the program. In --windowed (desktop) mode Esc closes it, so the
# kiosk above survived because it ignores them, not because they never arrived.
KIOSK_CONFIG=/nonexistent "$KIOSK_BIN" --windowed --size 640x360 >/dev/null 2>&1 & kpid=$!
wid=
for _ in $(seq 1 150); do wid=$(xdotool search --name '^Kiosk$' 2>/dev/null | head -1) && [ -n "$wid" ] && break; sleep 0.1; done
sleep 1
xdotool key --window "$wid" Escape 2>/dev/null || xdotool key Escape
for _ in $(seq 1 30); do kill -0 "$kpid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$kpid" 2>/dev/null; then echo "FAIL: control: Esc did not reach the windowed kiosk (the test proves nothing)"; exit 1; fi
kpid=
echo "ok: no key escapes the kiosk; the keys do reach it (windowed control); SIGTERM stops it cleanly"
