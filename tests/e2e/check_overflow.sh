#!/usr/bin/env bash
# kiosk-content check: the bundled content fits every screen in every language at every size, and
# a deliberately too-long text is reported at its file:line with the language and size.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$KIOSK_CONTENT_BIN" check "$here/../content" >"${TMPDIR:-/tmp}/bundled.$$"
cat "${TMPDIR:-/tmp}/bundled.$$"
grep -q ": 0 overflows$" "${TMPDIR:-/tmp}/bundled.$$" || { echo "FAIL: the bundled content overflows"; exit 1; }
rm -f "${TMPDIR:-/tmp}/bundled.$$"
set +e
"$KIOSK_CONTENT_BIN" check "$here/bad_input/too_long/content" 2>"${TMPDIR:-/tmp}/overflow.$$" >"${TMPDIR:-/tmp}/summary.$$"
status=$?
set -e
cat "${TMPDIR:-/tmp}/overflow.$$"
[ "$status" -ne 0 ] || { echo "FAIL: an overflowing text passed the check"; exit 1; }
grep -q "in vi, ja, en at 1920x1080, 1080x1920, 3840x2160" "${TMPDIR:-/tmp}/summary.$$" || { echo "FAIL: not every size and language was checked"; exit 1; }
grep -qE 'slides\.toml:1: \[vi, 1920x1080\] text overflows its box by [0-9]+ px on slide:kk-profile' "${TMPDIR:-/tmp}/overflow.$$" \
    || { echo "FAIL: the overflow was not reported at slides.toml:1 for vi at 1920x1080"; exit 1; }
grep -q '3840x2160\]' "${TMPDIR:-/tmp}/overflow.$$" || { echo "FAIL: 4K not reported"; exit 1; }
rm -f "${TMPDIR:-/tmp}/overflow.$$" "${TMPDIR:-/tmp}/summary.$$"
echo "ok: bundled content fits; the too-long fixture is reported"
