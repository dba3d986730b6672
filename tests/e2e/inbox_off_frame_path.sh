#!/usr/bin/env bash
# Taking a file from the inbox never stops the loop: with a 2 GB file dropped in (copied and
# checked on the worker thread, then refused), the kiosk keeps pinging systemd's watchdog from
# its main loop at its usual pace (never a gap near the 10 s WatchdogSec), stays up, and the
# file ends in inbox/rejected/.
set -euo pipefail
work=$(mktemp -d); xpid=; kpid=; lpid=
cleanup() { for p in $kpid $lpid $xpid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
here=$(cd "$(dirname "$0")/.." && pwd)
export SDL_VIDEODRIVER=x11
source "$(dirname "$0")/../support/xvfb.sh"
start_xvfb 640x360
python3 - "$work/notify" "$work/messages" <<'PY' & lpid=$!
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        for line in s.recv(4096).decode().splitlines():
            out.write(f"{time.monotonic():.3f} {line}\n")
PY
for _ in $(seq 1 50); do [ -S "$work/notify" ] && break; sleep 0.1; done
state=$work/state; mkdir -p "$state/inbox"
"$KIOSK_CONTENT_BIN" pack "$here/bad_input/good/content" -o "$work/old.kiosk" >/dev/null
"$KIOSK_CONTENT_BIN" install "$work/old.kiosk" --state "$state" >/dev/null
printf '[content]\nstate = "%s"\ninbox = "%s/inbox"\n' "$state" "$state" > "$work/kiosk.toml"
NOTIFY_SOCKET=$work/notify KIOSK_CONFIG=$work/kiosk.toml "$KIOSK_BIN" --db "$state/current.kiosk" \
    --size 640x360 --windowed >"$work/kiosk.log" 2>&1 & kpid=$!
for _ in $(seq 1 100); do grep -q READY=1 "$work/messages" 2>/dev/null && break; sleep 0.1; done
grep -q READY=1 "$work/messages" || { echo "FAIL: no READY=1"; cat "$work/kiosk.log"; exit 1; }
# A 2 GB file, complete (dated a minute back), into the inbox by a rename.
truncate -s 2G "$work/.big"; touch -d '-1 minute' "$work/.big"
mv "$work/.big" "$state/inbox/big.kiosk"
for _ in $(seq 1 90); do [ -e "$state/inbox/rejected/big.kiosk" ] && break; sleep 1; done
sleep 6
kill -0 "$kpid" || { echo "FAIL: the kiosk died"; cat "$work/kiosk.log"; exit 1; }
[ -e "$state/inbox/rejected/big.kiosk" ] || { echo "FAIL: the file was not refused"; cat "$work/kiosk.log"; exit 1; }
gap=$(grep WATCHDOG=1 "$work/messages" | awk 'NR > 1 { g = $1 - last; if (g > max) max = g } { last = $1 } END { printf "%.1f", max }')
pings=$(grep -c WATCHDOG=1 "$work/messages")
awk -v g="$gap" 'BEGIN { exit !(g < 6.0) }' || { echo "FAIL: the loop went $gap s without a watchdog ping"; exit 1; }
grep -q "refused\|big.kiosk" "$work/kiosk.log" || { echo "FAIL: the refusal is not logged"; exit 1; }
kill -TERM "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=
echo "ok: $pings watchdog pings, longest gap $gap s (pings every 4-5 s), the 2 GB file refused off the frame path"
