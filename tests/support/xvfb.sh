# Sourced by the scripts that need a real X server. start_xvfb WxH starts Xvfb on a display it
# picks itself (-displayfd: never one that another test or session holds), exports DISPLAY and
# sets xpid; it fails when the server does not answer.
start_xvfb() {
    local ready
    ready=$(mktemp)
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 3>"$ready" >/dev/null 2>&1 &
    xpid=$!
    for _ in $(seq 1 100); do [ -s "$ready" ] && break; sleep 0.05; done
    local number
    number=$(head -1 "$ready")
    rm -f "$ready"
    [ -n "$number" ] || { echo "FAIL: Xvfb did not start"; return 1; }
    export DISPLAY=":$number"
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "FAIL: Xvfb on $DISPLAY does not answer"
    return 1
}
