# prepare_voice.sh: a text-only session's lines are spoken before it
# starts. The window counts them out ("Preparing the voice: N of M
# lines"), Esc leaves at once even while the voice is being made (no
# worker left behind), and the second start finds every line in the cache
# and starts at once.
. "$(dirname "$0")/lib.sh"
window_setup

# Two hundred lines nobody spoke before (a fresh cache): long enough to
# make that Esc lands while they are being made.
{
    echo 'version = 1;'
    echo 'sessions = ({ name = "many"; title = "Many lines"; type = "body-scan";'
    echo '  steps = ('
    for i in $(seq 200); do
        sep=","; [ "$i" = 200 ] && sep=""
        echo "    { say = \"Line $i: let the breath settle, and notice the weight of the body resting here.\"; seconds = 0; }$sep"
    done
    echo '  ); });'
} >"$TMP/many.cfg"

start --config "$TMP/many.cfg" many
pass_before
shown "Preparing the voice: "
shown " of 200 lines"
# Esc while the voice is being made leaves at once (opened on a session,
# the window closes, as from any screen of it), and no speech worker
# outlives it.
kids=$(pgrep -P "$PID" || true)
echo "speech workers while preparing: $(echo $kids | wc -w)"
key Escape
wait_exit
sleep 0.2
for k in $kids; do
    ! kill -0 "$k" 2>/dev/null || fail "speech worker $k outlived the window"
done

# Let the voice be made (as --schedule does), then start again: every
# line comes from the cache.
"$RELEASE" --config "$TMP/many.cfg" --schedule many >/dev/null
start --config "$TMP/many.cfg" many
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
