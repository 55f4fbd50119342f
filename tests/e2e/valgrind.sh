# valgrind.sh: the plain build ($RELEASE) under valgrind's memcheck, which
# the sanitizer build cannot run: --render of a built-in session, of a
# session file with its own sounds, and refusals of a broken session file
# and of bad sound files, with no memory error and no block of ours lost
# (scripts/valgrind render, about 30 s). The live window's run takes
# longer: make valgrind.
. "$(dirname "$0")/lib.sh"

[ -n "${RELEASE:-}" ] || fail "RELEASE must name the plain build (make e2e sets it)"
command -v valgrind >/dev/null || fail "valgrind is needed (scripts/install-deps)"
STILLPOINT="$RELEASE" sh "$(dirname "$0")/../../scripts/valgrind" render >"$TMP/vg" 2>&1 ||
    { cat "$TMP/vg" >&2; fail "valgrind found errors"; }
cat "$TMP/vg"
echo "valgrind: ok"
