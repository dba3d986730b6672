#!/usr/bin/env bash
# Hostile and careless files through the real binaries (issue 13): a package with a NULL meta key,
# an oversized package, unsigned and wrongly signed packages when a key is trusted, a bad config,
# a 5000-byte and a 2 MB slide body, a NUL in a title, and a symlink out of assets/. Each is
# refused with a message naming what is wrong (or, for the config, survived), never a crash; the
# installed content is untouched and no temporary file is left.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
good=$here/bad_input/good
state=$work/state
"$KIOSK_CONTENT_BIN" pack "$good/content" --assets "$good/assets" -o "$work/good.kiosk" >/dev/null
KIOSK_CONFIG=/nonexistent "$KIOSK_CONTENT_BIN" install "$work/good.kiosk" --state "$state" >/dev/null
before=$(sha256sum < "$state/current.kiosk")

# refused FILE EXPECTED [CONFIG]: install is refused (exit 1, no crash) naming EXPECTED, and
# leaves current.kiosk and the state folder as they were.
refused() {
    local status=0
    KIOSK_CONFIG=${3:-/nonexistent} "$KIOSK_CONTENT_BIN" install "$1" --state "$state" \
        2>"$work/err.txt" >/dev/null || status=$?
    [ "$status" -eq 1 ] || fail "install $1 exited $status (expected 1): $(cat "$work/err.txt")"
    grep -qF -- "$2" "$work/err.txt" || fail "install $1: no '$2' in: $(cat "$work/err.txt")"
    [ "$(sha256sum < "$state/current.kiosk")" = "$before" ] || fail "install $1 changed current"
    ls -A "$state" | grep -v -e '^current.kiosk$' -e '^previous.kiosk$' \
        && fail "install $1 left a file behind"
    echo "ok: $(basename "$1") refused: $(grep -o -- "$2.*" "$work/err.txt" | head -c 160)"
}

# 1. A NULL key in meta (it used to segfault install through a string_view of a NULL column).
cp "$work/good.kiosk" "$work/null-key.kiosk"
sqlite3 "$work/null-key.kiosk" "CREATE TABLE loose AS SELECT * FROM meta; DROP TABLE meta;
    ALTER TABLE loose RENAME TO meta; INSERT INTO meta VALUES (NULL, 'x');"
refused "$work/null-key.kiosk" "checksum mismatch"
# 2. A 600 MB (sparse) file: refused before a byte is copied.
truncate -s 600M "$work/huge.kiosk"
refused "$work/huge.kiosk" "bytes, at most 536870912"
# 3. Signatures: with a trusted key, unsigned and foreign-signed files are refused.
"$KIOSK_CONTENT_BIN" keygen -o "$work/staff.key" > "$work/keygen.txt"
[ "$(stat -c %a "$work/staff.key")" = 600 ] || fail "the secret key file is not mode 0600"
public=$(sed -n 's/^public key: //p' "$work/keygen.txt")
"$KIOSK_CONTENT_BIN" keygen -o "$work/other.key" >/dev/null
printf '[content]\ntrusted_keys = ["%s"]\n' "$public" > "$work/kiosk.toml"
"$KIOSK_CONTENT_BIN" pack "$good/content" --assets "$good/assets" -o "$work/signed.kiosk" \
    --sign "$work/staff.key" >/dev/null
"$KIOSK_CONTENT_BIN" pack "$good/content" --assets "$good/assets" -o "$work/foreign.kiosk" \
    --sign "$work/other.key" >/dev/null
refused "$work/good.kiosk" "the file is not signed" "$work/kiosk.toml"
refused "$work/foreign.kiosk" "which is not one of this kiosk's trusted keys" "$work/kiosk.toml"
cp "$work/signed.kiosk" "$work/resigned.kiosk"
sqlite3 "$work/resigned.kiosk" "UPDATE signature SET public_key = '$public', signature = (SELECT signature FROM signature)"
sqlite3 "$work/foreign.kiosk" "SELECT signature FROM signature" > "$work/sig.txt"
sqlite3 "$work/resigned.kiosk" "UPDATE signature SET signature = '$(cat "$work/sig.txt")'"
refused "$work/resigned.kiosk" "the signature is not valid" "$work/kiosk.toml"
KIOSK_CONFIG=/nonexistent "$KIOSK_CONTENT_BIN" install "$work/signed.kiosk" --state "$state" \
    --config "$work/kiosk.toml" >/dev/null || fail "a file signed with the trusted key was refused"
before=$(sha256sum < "$state/current.kiosk")
echo "ok: signed with the trusted key: installed"

# 4. A bad config never stops the kiosk (it used to exit 2: a black screen under systemd).
printf '[touch]\nrotation = 45\n[display]\non = "25:00"\n[visitor]\nidle_timeout_s = 2147484\n' \
    > "$work/bad.toml"
status=0
KIOSK_CONFIG=$work/bad.toml "$KIOSK_BIN" --db "$work/good.kiosk" --screenshot "$work/shot.png" \
    --size 320x240 2>"$work/kiosk.txt" || status=$?
[ "$status" -eq 0 ] || fail "the kiosk exited $status on a bad config: $(cat "$work/kiosk.txt")"
for what in "bad.toml:2:12: [touch] rotation" "bad.toml:4:6: [display] on" \
    "bad.toml:6:18: [visitor] idle_timeout_s"; do
    grep -qF "$what" "$work/kiosk.txt" || fail "the kiosk did not log '$what'"
done
echo "ok: bad config: the kiosk drew its frame and logged three problems with file:line"

# 5. Text the compiler refuses with file:line: a 5000-byte body, a 2 MB file, a NUL in a title,
# and a symlink out of assets/.
build_error() { # DIR EXPECTED
    local status=0
    "$KIOSK_CONTENT_BIN" build "$1/content" --assets "$1/assets" -o "$work/out.db" \
        2>"$work/err.txt" >/dev/null || status=$?
    [ "$status" -eq 1 ] || fail "build $1 exited $status"
    grep -qE -- "$2" "$work/err.txt" || fail "build $1: no /$2/ in: $(head -c 400 "$work/err.txt")"
    echo "ok: $(basename "$1"): $(grep -E -- "$2" "$work/err.txt" | head -1 | sed "s|$work/||" | head -c 200)"
}
variant() { cp -r "$good" "$work/$1"; }
variant long-body
body=$(head -c 5000 /dev/zero | tr '\0' 'x')
sed -i "s/^en = \"Formed in February 1963 from five cities.\"/en = \"$body\"/" "$work/long-body/content/slides.toml"
build_error "$work/long-body" 'slides\.toml:11:6: error: .*body\.en is 5000 bytes long, at most 4096'
variant huge-file
head -c 2000000 /dev/zero | tr '\0' 'x' | sed 's/^/# /' >> "$work/huge-file/content/slides.toml"
build_error "$work/huge-file" 'slides\.toml:1:1: error: refused: the file is [0-9]+ bytes, at most 1048576'
variant nul-title
sed -i 's/title = { vi = "Kitakyushu"/title = { vi = "Kita\\u0000kyushu"/' "$work/nul-title/content/slides.toml"
build_error "$work/nul-title" 'slides\.toml:7:[0-9]+: error: .*title\.vi contains the control character U\+0000 at byte 4'
variant symlink
echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > "$work/outside.svg"
rm "$work/symlink/assets/images/flag.svg"
ln -s "$work/outside.svg" "$work/symlink/assets/images/flag.svg"
build_error "$work/symlink" "slides\.toml:5:9: error: image 'flag\.svg' is refused: it is a symlink to .*outside.svg, outside"
echo "ok: every hostile file refused or survived"
