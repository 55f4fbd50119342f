# no_flash.sh: in the real window, a phase too short to show (a 0.1 s
# hold between breaths of 2 s) changes nothing on screen: its caption
# "Hold" is never drawn, nor with calm motion its word and count, while
# the breaths around it are ("Breathe in", "Breathe out"; "In · 2",
# "Out · 2"). tests/test_breath_view.c counts the changes a second of
# everything the running screen shows over a session of 0.1 s phases.
. "$(dirname "$0")/lib.sh"
window_setup

CFG="$TMP/fast.cfg"
cat >"$CFG" <<'SESSIONS'
version = 1;
sessions = (
  { name = "fast"; title = "Short holds"; type = "breathing";
    steps = ( { breathe = [2.0, 0.1, 2.0, 0.1]; cycles = 20; } ); }
);
SESSIONS
"$STILLPOINT" --config "$CFG" --schedule fast | grep -q '	hold	' ||
    fail "the session has no holds to test"

# watch OPTION...: the session for a few breaths, then stopped.
watch() {
    start --config "$CFG" "$@" fast
    pass_before
    wait_title "— running —"
    sleep 8 # the opening notice, then the first in
    shown "Breathe out"
    sleep 5 # two more breaths, each with its 0.1 s hold
    key Escape
    wait_title "— after"
    key Escape
    wait_exit
}

watch --no-voice
shown "Breathe in"
grep -qx "Hold" "$TMP/screen.txt" && fail "a 0.1 s hold showed its caption"

watch --no-voice --calm-motion
for want in "In · 1" "In · 2" "Out · 1" "Out · 2"; do shown "$want"; done
grep -q "^Hold" "$TMP/screen.txt" && fail "a 0.1 s hold showed on the calm screen"
echo "no_flash: ok"
