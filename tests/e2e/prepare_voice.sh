# prepare_voice.sh: a text-only session's lines are spoken before it
# starts. The window counts them out ("Preparing the voice: N of M
# lines"), Esc leaves at once even while the voice is being made (no
# worker left behind), and the second start finds every line in the cache
# and starts at once.
. "$(dirname "$0")/lib.sh"
window_setup

# Forty lines nobody spoke before (a fresh cache).
{
    echo 'version = 1;'
    echo 'sessions = ({ name = "forty"; title = "Forty lines"; type = "body-scan";'
    echo '  steps = ('
    for i in $(seq 40); do
        sep=","; [ "$i" = 40 ] && sep=""
        echo "    { say = \"Line $i: let the breath settle, and notice the weight of the body resting here.\"; seconds = 0; }$sep"
    done
    echo '  ); });'
} >"$TMP/forty.cfg"

start --config "$TMP/forty.cfg" forty
pass_before
shown "Preparing the voice: "
shown " of 40 lines"
# Esc while the voice is being made: the window is back at once and no
# speech worker outlives it.
key Escape
wait_title "stillpoint"
sleep 0.3
kids=$(pgrep -P "$PID" || true)
[ -z "$kids" ] || fail "speech workers left running: $kids"
key Escape
wait_exit

# Let the voice be made (as --schedule does), then start again: every
# line comes from the cache.
run 0 --config "$TMP/forty.cfg" --schedule forty
start --config "$TMP/forty.cfg" forty
pass_before
t0=$(date +%s%N)
wait_title "left"
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "warm start: running after ${ms} ms"
[ "$ms" -lt 3000 ] || fail "a warm start took ${ms} ms"
key Escape
sleep 0.2
kill "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
echo "prepare_voice.sh: ok"
