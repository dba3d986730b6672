#!/usr/bin/env bash
# Builds the kiosk .deb from an existing release build, installs it into a fresh Debian 12 root
# (debootstrap + chroot, no containers) and runs the systemd unit's ExecStart there under Xvfb
# (first frame, then a screenshot) and kiosk-cage.service's under cage's headless backend; then
# purges the package. Prints PASS/FAIL lines and timings.
#
#   sudo deploy/test-deb.sh [BUILD_DIR]      (default: build/release; needs root and network)
#
# Environment: KIOSK_TEST_DIR (work dir, default /var/tmp/kiosk-test), KIOSK_TEST_MODE=chroot
# (default) or extract (no debootstrap: dpkg-deb -x, a simulated install on this machine and the
# extracted binaries under Xvfb here), KIOSK_TEST_FRESH=1 (debootstrap again instead of reusing
# the cached base root), KIOSK_TEST_MIRROR (default: the Debian mirror this machine's own apt
# sources use for bookworm; no host is written here).
# Output (the .deb copy, screenshot.png, logs) goes to $KIOSK_TEST_DIR/out.
# pass and fail always succeed, so `test && pass || fail` is a safe if/else here.
# shellcheck disable=SC2015
set -uo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/build/release}" 2>/dev/null && pwd) || {
    echo "FAIL: build directory ${1:-$source_dir/build/release} does not exist (cmake --preset release && cmake --build --preset release)"
    exit 1
}
test_dir=${KIOSK_TEST_DIR:-/var/tmp/kiosk-test}
mode=${KIOSK_TEST_MODE:-chroot}
# The first URI that this machine's apt sources (deb822 .sources or one-line .list) give for the
# bookworm suite itself (not -security or -updates).
apt_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'BEGIN { RS = ""; FS = "\n" }
            {
                uri = ""; suites = ""; deb = 0
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^Types:.*(^| )deb( |$)/) deb = 1
                    if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, " "); uri = u[1] }
                    if ($i ~ /^Suites:/) suites = " " $i " "
                }
                if (deb && uri != "" && suites ~ / bookworm /) { print uri; exit }
            }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == "bookworm") { print $i; exit } }' "$f"
    done
}
mirror=${KIOSK_TEST_MIRROR:-$(apt_mirror | head -n 1)}
root=$test_dir/root
base_tar=$test_dir/bookworm-minbase.tar
out=$test_dir/out
failures=0
started=$(date +%s)
step_started=$started

pass() { echo "PASS: $*"; }
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# Prints how long the step since the last call took.
lap() {
    local now
    now=$(date +%s)
    echo "time: $1 $((now - step_started)) s"
    step_started=$now
}
finish() {
    echo "time: total $(($(date +%s) - started)) s"
    if [ "$failures" -eq 0 ]; then
        echo "PASS: test-deb ($mode): all checks passed"
        exit 0
    fi
    echo "FAIL: test-deb ($mode): $failures check(s) failed; logs in $out"
    exit 1
}

# The chroot's pseudo file systems; unmounted on any exit so nothing stays mounted.
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null
    done
    mounted=()
}
trap cleanup EXIT
mount_in_root() {
    mkdir -p "$root$2"
    case "$1" in
    proc) mount -t proc proc "$root$2" ;;
    sysfs) mount -t sysfs sysfs "$root$2" ;;
    tmpfs) mount -t tmpfs -o mode=1777 tmpfs "$root$2" ;;
    *) mount --rbind "$1" "$root$2" && mount --make-rslave "$root$2" ;;
    esac && mounted+=("$root$2")
}

[ "$(id -u)" -eq 0 ] || {
    echo "FAIL: test-deb.sh needs root (debootstrap, chroot, mount)"
    exit 1
}
mkdir -p "$out"
if [ "$mode" = chroot ] && [ -z "$mirror" ]; then
    echo "FAIL: no Debian bookworm mirror in this machine's apt sources; set KIOSK_TEST_MIRROR"
    exit 1
fi
echo "test-deb: build $build_dir, mode $mode, work dir $test_dir, mirror ${mirror:-none}"

# [1] Build the package.
if [ ! -x "$build_dir/kiosk/app/kiosk" ] || [ ! -f "$build_dir/kiosk.db" ]; then
    echo "FAIL: no release build in $build_dir (cmake --preset release && cmake --build --preset release)"
    exit 1
fi
if [ ! -f "$build_dir/CPackConfig.cmake" ]; then
    echo "FAIL: $build_dir has no CPack config: the top-level CMakeLists.txt must end with include(deploy/packaging.cmake)"
    exit 1
fi
rm -f "$build_dir"/kiosk_*.deb
if (cd "$build_dir" && cpack -G DEB) > "$out/cpack.log" 2>&1; then
    deb=$(find "$build_dir" -maxdepth 1 -name "kiosk_*_*.deb" | head -n 1)
fi
if [ -n "${deb:-}" ]; then
    pass "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
else
    fail "cpack -G DEB (see $out/cpack.log)"
    finish
fi
cp "$deb" "$out/"
lap "build .deb"

# [2] Inspect it: control fields and the files that must be in it.
dpkg-deb -I "$deb" > "$out/control.txt"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
for needed in fonts-noto-core fonts-noto-cjk libsdl2 libsqlite3 adduser; do
    if [[ "$depends" == *"$needed"* ]]; then pass "Depends names $needed"; else fail "Depends lacks $needed"; fi
done
dpkg-deb -c "$deb" > "$out/contents.txt"
for path in ./usr/bin/kiosk ./usr/bin/kiosk-content ./usr/share/kiosk/kiosk.db \
    ./usr/lib/systemd/system/kiosk.service ./usr/lib/systemd/system/kiosk-cage.service \
    ./usr/libexec/kiosk/kiosk-session ./usr/libexec/kiosk/kiosk-display ./usr/libexec/kiosk/kiosk-raster; do
    if grep -q " $path\$" "$out/contents.txt"; then pass "package holds $path"; else fail "package lacks $path"; fi
done
lap "inspect .deb"

# The unit's command line and environment, as systemd would run them; SDL_VIDEODRIVER becomes x11
# because Xvfb stands in for the KMS/DRM screen.
unit_file() { dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/lib/systemd/system/kiosk.service; }
exec_start=$(unit_file | sed -n 's/^ExecStart=//p')
unit_env=$(unit_file | sed -n 's/^Environment=//p' | grep -v '^SDL_VIDEODRIVER=' | tr '\n' ' ')
echo "test-deb: ExecStart=$exec_start"
[ -n "$exec_start" ] || fail "kiosk.service has no ExecStart"

# Runs "$@" in the kiosk environment: inside the chroot as user kiosk, or here (extract mode).
# $unit_env holds NAME=VALUE words (no spaces in the values), split on purpose.
xvfb_args=(-a -s '-screen 0 1920x1080x24 -ac')
# shellcheck disable=SC2086
run_kiosk() {
    if [ "$mode" = chroot ]; then
        chroot "$root" timeout 120 xvfb-run "${xvfb_args[@]}" \
            runuser -u kiosk -- env $unit_env SDL_VIDEODRIVER=x11 "$@"
    else
        timeout 120 xvfb-run "${xvfb_args[@]}" env $unit_env SDL_VIDEODRIVER=x11 "$@"
    fi
}

if [ "$mode" = chroot ]; then
    # [3] A fresh minimal Debian 12 root: debootstrap once, then unpack the cached copy.
    cleanup
    rm -rf "$root"
    if [ "${KIOSK_TEST_FRESH:-0}" = 1 ] || [ ! -f "$base_tar" ]; then
        command -v debootstrap > /dev/null || apt-get install -y debootstrap > "$out/apt-debootstrap.log" 2>&1
        if debootstrap --variant=minbase bookworm "$root" "$mirror" > "$out/debootstrap.log" 2>&1; then
            tar -C "$root" -cf "$base_tar" .
            pass "debootstrap --variant=minbase bookworm"
        else
            fail "debootstrap (see $out/debootstrap.log); KIOSK_TEST_MODE=extract runs without it"
            finish
        fi
    else
        mkdir -p "$root" && tar -C "$root" -xf "$base_tar"
        pass "fresh root unpacked from $base_tar (KIOSK_TEST_FRESH=1 to debootstrap again)"
    fi
    lap "fresh root"

    # [4] Install the package the way a kiosk would: apt resolves Depends from the mirror.
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    mount_in_root proc /proc && mount_in_root /dev /dev && mount_in_root sysfs /sys &&
        mount_in_root tmpfs /tmp || fail "mounting /proc /dev /sys /tmp in $root"
    cp "$deb" "$root/kiosk.deb"
    if chroot "$root" sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update &&
        apt-get install -y --no-install-recommends /kiosk.deb systemd cage xwayland xvfb xauth' > "$out/install.log" 2>&1; then
        pass "apt-get install /kiosk.deb in the fresh root ($(grep -c '^Unpacking' "$out/install.log") packages unpacked)"
    else
        fail "apt-get install /kiosk.deb (see $out/install.log)"
        finish
    fi
    lap "install in fresh root"

    # [5] What postinst must have done.
    groups=$(chroot "$root" id -nG kiosk 2>/dev/null)
    for group in video input render; do
        if [[ " $groups " == *" $group "* ]]; then pass "user kiosk is in $group"; else fail "user kiosk not in $group ($groups)"; fi
    done
    owner=$(chroot "$root" stat -c %U /var/lib/kiosk 2>/dev/null)
    [ "$owner" = kiosk ] && pass "/var/lib/kiosk owned by kiosk" || fail "/var/lib/kiosk owner is '$owner'"
    [ -d "$root/var/lib/kiosk/inbox" ] && pass "/var/lib/kiosk/inbox exists" || fail "no /var/lib/kiosk/inbox"
    if cmp -s "$root/var/lib/kiosk/current.kiosk" "$root/usr/share/kiosk/kiosk.db"; then
        pass "current.kiosk seeded from /usr/share/kiosk/kiosk.db"
    else
        fail "current.kiosk missing or not the bundled database"
    fi
    if systemd-analyze verify --root="$root" kiosk.service kiosk-cage.service kiosk-sleep.service \
        kiosk-wake.service kiosk-sleep.timer kiosk-wake.timer > "$out/verify.log" 2>&1; then
        pass "systemd-analyze verify --root (all six units)"
    else
        fail "systemd-analyze verify --root (see $out/verify.log)"
    fi
    shot_path=/tmp/screenshot.png
    shot_host=$root/tmp/screenshot.png
else
    # [3'] No fresh root: unpack the package, check apt could install it here, run the unpacked
    # binaries on the unpacked database.
    root=$test_dir/extract
    rm -rf "$root" && mkdir -p "$root"
    dpkg-deb -x "$deb" "$root" && pass "dpkg-deb -x" || fail "dpkg-deb -x"
    if apt-get install --simulate "$deb" > "$out/simulate.log" 2>&1; then
        pass "apt-get install --simulate $(basename "$deb") resolves its dependencies"
    else
        fail "apt-get install --simulate (see $out/simulate.log)"
    fi
    exec_start=${exec_start//\/usr\/bin\/kiosk/$root/usr/bin/kiosk}
    exec_start=${exec_start//\/var\/lib\/kiosk\/current.kiosk/$root/usr/share/kiosk/kiosk.db}
    shot_path=$out/screenshot.png
    shot_host=$shot_path
fi

# [6] The unit's command under Xvfb: the first frame, then a screenshot.
# shellcheck disable=SC2086 # ExecStart is split into words, as systemd does.
run_kiosk $exec_start --exit-after-first-frame > "$out/first-frame.log" 2>&1
status=$?
[ "$status" -eq 0 ] && pass "ExecStart --exit-after-first-frame under Xvfb exits 0" ||
    fail "ExecStart --exit-after-first-frame exited $status (see $out/first-frame.log)"
rm -f "$shot_host"
# shellcheck disable=SC2086
run_kiosk $exec_start --screenshot "$shot_path" --size 1920x1080 > "$out/screenshot.log" 2>&1
status=$?
if [ "$status" -eq 0 ] && [ "$(head -c 8 "$shot_host" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    [ "$shot_host" = "$out/screenshot.png" ] || cp "$shot_host" "$out/screenshot.png"
    pass "ExecStart --screenshot wrote a PNG ($out/screenshot.png, $(stat -c %s "$shot_host") bytes)"
else
    fail "ExecStart --screenshot exited $status or wrote no PNG (see $out/screenshot.log)"
fi
lap "run under Xvfb"

# [6'] kiosk-cage.service's command under cage with wlroots' headless backend (no screen, no
# logind): cage, Xwayland, the session script and SDL's Wayland path. cage exits 0 whatever its
# application did, so the kiosk's own exit status is printed and checked.
if [ "$mode" = chroot ]; then
    cage_unit=$root/usr/lib/systemd/system/kiosk-cage.service
    cage_start=$(sed -n 's/^ExecStart=//p' "$cage_unit")
    cage_env=$(sed -n 's/^Environment=//p' "$cage_unit" | tr '\n' ' ')
    chroot "$root" install -d -o kiosk -g kiosk -m 0700 /tmp/xdg-kiosk
    # shellcheck disable=SC2086 # the words of ExecStart and Environment, as systemd splits them
    chroot "$root" runuser -u kiosk -- env $cage_env XDG_RUNTIME_DIR=/tmp/xdg-kiosk \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 timeout 120 ${cage_start%% -- *} -- \
        sh -c '"$@"; echo "kiosk exit status $?"' sh ${cage_start#* -- } --exit-after-first-frame \
        > "$out/cage.log" 2>&1
    if grep -q "^kiosk exit status 0$" "$out/cage.log"; then
        pass "kiosk-cage.service ExecStart under cage (headless backend) shows a first frame"
    else
        fail "kiosk-cage.service ExecStart under cage: $(grep -v '^$' "$out/cage.log" | tail -n 1) (see $out/cage.log)"
    fi
    lap "run under cage"
fi

# [7] Removal: prerm/postrm must run cleanly; purge deletes /var/lib/kiosk.
if [ "$mode" = chroot ]; then
    if chroot "$root" sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y kiosk' > "$out/purge.log" 2>&1 &&
        [ ! -e "$root/var/lib/kiosk" ] && [ ! -e "$root/usr/bin/kiosk" ]; then
        pass "apt-get purge kiosk removes the binaries and /var/lib/kiosk"
    else
        fail "apt-get purge kiosk (see $out/purge.log)"
    fi
    lap "purge"
    cleanup
fi
finish
