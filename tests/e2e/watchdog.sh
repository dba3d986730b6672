#!/usr/bin/env bash
# The kiosk's side of the systemd watchdog contract, checked with a stand-in for systemd: a unix
# datagram socket given as NOTIFY_SOCKET. The kiosk says READY=1 after its first frame and
# WATCHDOG=1 at least every 5 s from its main loop; a hung kiosk (SIGSTOP) stops pinging, which is
# what lets systemd (WatchdogSec=10) kill and restart it; it pings again when it runs again.
set -euo pipefail
work=$(mktemp -d); xpid=; kpid=; lpid=
cleanup() { for p in $kpid $lpid $xpid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export SDL_VIDEODRIVER=x11
source "$(dirname "$0")/../support/xvfb.sh"
start_xvfb 640x360
python3 - "$work/notify" "$work/messages" <<'PY' & lpid=$!
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        data = s.recv(4096).decode()
        for line in data.splitlines():
            out.write(f"{time.monotonic():.3f} {line}\n")
PY
for _ in $(seq 1 50); do [ -S "$work/notify" ] && break; sleep 0.1; done
NOTIFY_SOCKET=$work/notify KIOSK_CONFIG=/nonexistent "$KIOSK_BIN" --size 640x360 --windowed >/dev/null 2>&1 & kpid=$!
sleep 12
grep -q "READY=1" "$work/messages" || { echo "FAIL: no READY=1"; cat "$work/messages"; exit 1; }
pings=$(grep -c "WATCHDOG=1" "$work/messages" || true)
[ "$pings" -ge 2 ] || { echo "FAIL: $pings watchdog pings in 12 s"; exit 1; }
echo "running: READY=1 and $pings WATCHDOG=1 pings in 12 s"
kill -STOP "$kpid"
before=$(grep -c "WATCHDOG=1" "$work/messages")
sleep 11
after=$(grep -c "WATCHDOG=1" "$work/messages")
[ "$after" -eq "$before" ] || { echo "FAIL: a stopped kiosk still pinged"; exit 1; }
echo "hung (SIGSTOP) for 11 s: no ping, so systemd's WatchdogSec=10 would restart it"
kill -CONT "$kpid"
sleep 6
resumed=$(grep -c "WATCHDOG=1" "$work/messages")
[ "$resumed" -gt "$after" ] || { echo "FAIL: no ping after the kiosk ran again"; exit 1; }
kill -TERM "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=
grep -q "STOPPING=1" "$work/messages" || { echo "FAIL: no STOPPING=1 on SIGTERM"; exit 1; }
echo "ok: READY, regular WATCHDOG pings from the loop, silence when hung, STOPPING on SIGTERM"
