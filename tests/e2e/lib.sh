# lib.sh: helpers for the end-to-end tests, which drive the real binary
# ($STILLPOINT) the way a person or a script would.
set -eu
TMP=$(mktemp -d /tmp/stillpoint-e2e.XXXXXX)
echo "$TMP" >/tmp/stillpoint-e2e.last
trap 'rm -rf "$TMP"' EXIT
export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" \
    XDG_CACHE_HOME="$TMP/cache"
DATA=$(cd "$(dirname "$0")/../data" && pwd)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# run EXPECTED_STATUS ARGS...: runs stillpoint, keeps stdout in $TMP/out and
# stderr in $TMP/err, and checks the exit status.
run() {
    want=$1
    shift
    set +e
    "$STILLPOINT" "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    set -e
    if [ "$got" != "$want" ]; then
        echo "--- stdout" >&2; cat "$TMP/out" >&2
        echo "--- stderr" >&2; cat "$TMP/err" >&2
        fail "stillpoint $*: exit $got, expected $want"
    fi
}

# has FILE TEXT: FILE contains the fixed string TEXT.
has() {
    grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }
}

# stop_x: ends the test's X server and waits until it is gone: a server
# still shutting down can take the next test's display from under it
# (the next server may start on the same number and lose its socket).
stop_x() {
    [ -n "${XVFB:-}" ] || return 0
    kill "$XVFB" 2>/dev/null || true
    wait "$XVFB" 2>/dev/null || true
}

# window_setup: a private X display (Xvfb) for a test that drives the real
# window, sound captured by SDL's disk driver into $TMP/live.raw.
window_setup() {
    command -v Xvfb >/dev/null && command -v xdotool >/dev/null ||
        fail "Xvfb and xdotool are needed (scripts/install-deps)"
    exec 3>"$TMP/display"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$TMP/xvfb.log" 2>&1 &
    XVFB=$!
    trap 'stop_x; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
    for i in $(seq 50); do [ -s "$TMP/display" ] && break; sleep 0.1; done
    export DISPLAY=":$(cat "$TMP/display")"
    # Taking clients, not only listening (under load the two can part).
    for i in $(seq 100); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.1
    done
    xdotool getdisplaygeometry >/dev/null 2>&1 || {
        cat "$TMP/xvfb.log" >&2
        fail "Xvfb on $DISPLAY takes no clients"
    }
    export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$TMP/live.raw"
    # Only X11: when it cannot connect, SDL would fall back to a driver
    # that shows nothing; this way the test says why.
    export SDL_VIDEODRIVER=x11
    # SDL unloads the libraries it opened itself (libdbus) before leak
    # checking runs, so their leaks have no symbols to suppress: window
    # tests check memory errors and undefined behaviour; leaks elsewhere.
    export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
}

# start [ARGS...]: runs the window; sets PID and WIN. What it draws is
# logged to $TMP/screen.txt (see shown).
start() {
    : >"$TMP/screen.txt"
    STILLPOINT_TEXT_LOG="$TMP/screen.txt" "$STILLPOINT" "$@" \
        >"$TMP/app.out" 2>"$TMP/app.err" &
    PID=$!
    WIN=""
    for i in $(seq 100); do
        WIN=$(xdotool search --pid "$PID" 2>/dev/null | head -n1) || true
        [ -n "$WIN" ] && break
        sleep 0.1
    done
    if [ -z "$WIN" ]; then
        kill "$PID" 2>/dev/null || true
        cat "$TMP/app.err" >&2
        fail "no window for stillpoint $*"
    fi
    xdotool windowfocus --sync "$WIN" 2>/dev/null || true
}

title() { xdotool getwindowname "$WIN" 2>/dev/null || true; }
key() { xdotool key --clearmodifiers "$@"; sleep 0.15; }

# wait_title TEXT: waits up to 5 s for the title to contain TEXT.
wait_title() {
    for i in $(seq 100); do
        case "$(title)" in *"$1"*) return 0 ;; esac
        sleep 0.05
    done
    fail "title '$(title)' never showed '$1'"
}

# shown TEXT: the window has drawn TEXT (within 3 s).
shown() {
    for i in $(seq 60); do
        grep -qF -- "$1" "$TMP/screen.txt" && return 0
        sleep 0.05
    done
    cat "$TMP/screen.txt" >&2
    fail "the window never showed: $1"
}

# pass_before: answers no to every question and goes past the checklist.
pass_before() {
    wait_title "— before"
    for i in $(seq 20); do
        case "$(title)" in *"— before"*) ;; *) return 0 ;; esac
        key n
        key Return
    done
}

# left: the time left that the title shows, in seconds.
left() { title | sed -n 's/.* \([0-9][0-9]\):\([0-9][0-9]\) left$/\1 \2/p' | awk '{ print $1 * 60 + $2 }'; }

# wait_exit: the program exits within 3 s (a sanitizer build on a loaded
# machine), with status 0 and no sanitizer report.
wait_exit() {
    for i in $(seq 60); do
        if ! kill -0 "$PID" 2>/dev/null; then
            status=0
            wait "$PID" || status=$?
            if grep -q Sanitizer "$TMP/app.err" || [ "$status" != 0 ]; then
                cat "$TMP/app.err" >&2
                fail "exit status $status"
            fi
            return 0
        fi
        sleep 0.05
    done
    fail "the program did not exit within 3 s"
}
