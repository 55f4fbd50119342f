. "$(dirname "$0")/lib.sh"
window_setup
export STILLPOINT_BENCH=1
start --read-screens pelvic-floor-relaxation
wait_title "— before"
sleep 2
key Return
sleep 2
key y
sleep 2
cat $TMP/app.err
kill $PID
