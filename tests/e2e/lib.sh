# lib.sh: helpers for the end-to-end tests, which drive the real binary
# ($STILLPOINT) the way a person or a script would.
set -eu
TMP=$(mktemp -d /tmp/stillpoint-e2e.XXXXXX)
echo "$TMP" >/tmp/stillpoint-e2e.last
trap 'rm -rf "$TMP"' EXIT
export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state"
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
