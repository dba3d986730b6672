#!/usr/bin/env bash
# With no X, Wayland or KMS display and no SDL_VIDEODRIVER asked for, the kiosk says so in one
# line and exits non-zero (SDL would otherwise fall back to its invisible offscreen driver and
# run forever); --screenshot still works with no display.
set -uo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}
[ -e /dev/dri/card0 ] && echo "note: this machine has a DRM device; KMS may open a display"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 20 "$KIOSK_BIN" >"$out/stdout" 2>"$out/stderr"
code=$?
[ "$code" -ne 124 ] || fail "the kiosk ran on with no display (timeout)"
[ "$code" -ne 0 ] || fail "exit code 0 with no display"
grep -q "no display" "$out/stderr" || fail "no 'no display' line: $(cat "$out/stderr")"
grep -q -- "--screenshot" "$out/stderr" || fail "the line does not say how to preview headless"
[ "$(grep -c "no display" "$out/stderr")" -eq 1 ] || fail "more than one line: $(cat "$out/stderr")"
echo "PASS: no display: exit $code, '$(grep "no display" "$out/stderr")'"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 60 "$KIOSK_BIN" --screenshot "$out/shot.png" \
    --size 640x360 --screen home 2>"$out/shot.log" || fail "--screenshot failed headless: $(cat "$out/shot.log")"
[ -s "$out/shot.png" ] || fail "no screenshot written"
echo "PASS: --screenshot works with no display"
