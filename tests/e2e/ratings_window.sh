# ratings_window.sh: the rating question and the note in the real window,
# driven as a person would with xdotool, and read back from --csv: 7 and
# Enter before, 3 after (the arrows reach 10 and a click chooses too), a
# note typed with an accent and a new line; S skips (nothing recorded);
# Esc on the question leaves; a rating at the profile's pause shows the
# words that it is fine not to go on; the preference --ratings asks for
# a built-in session; letters typed into the note are never commands;
# --no-history asks nothing and offers no note.
. "$(dirname "$0")/lib.sh"
window_setup
HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"
CFG="$TMP/rated.cfg"
cat >"$CFG" <<'CFG'
version = 1;
safety = {
  rated-test = {
    before = { ask = "your therapist"; rating = true; rating_pause = 8; };
    during = { stop_signs = [ "Feeling worse" ]; };
    after = { doctor_signs = [ "Feeling unwell for hours" ]; };
  };
};
sessions = (
  { name = "rated"; title = "Rated rest"; type = "rated-test";
    steps = ( { say = "Rest here."; seconds = 60; } ); }
);
CFG

# export_row SESSION: the session's last row of --csv.
export_row() {
    "$STILLPOINT" --history --csv >"$TMP/csv" || fail "--history --csv failed"
    grep "^[^,]*,$1," "$TMP/csv" | tail -n1
}
rows() { [ -f "$HISTORY" ] && wc -l <"$HISTORY" || echo 0; }

# click LABEL: clicks the middle of the button labelled LABEL, or of the
# text LABEL (the numbers are targets their screen draws), as the layout
# log placed it last.
click() {
    set -- $(awk -F'\t' -v l="$1" '$2 == l && $1 ~ /^(button|text) / { r = $1 } END { print r }' \
        "$TMP/layout.log")
    [ "$#" = 5 ] || fail "no button '$1' drawn"
    xdotool mousemove --window "$WIN" $(($2 + $4 / 2)) $(($3 + $5 / 2)) click 1
    sleep 0.2
}

# 1. 7 and Enter before, 3 after, a note with an accent and a new line.
start --config "$CFG" rated
wait_title "Rated rest — before"
key Return
wait_title "— how you feel"
shown "How tense or upset do you feel right now?"
shown "Nothing chosen yet."
key Return # Enter records nothing until a number is chosen
wait_title "— how you feel"
key 7
shown "Chosen: 7"
key Return
wait_title "— running —"
key Escape
wait_title "— how you feel"
shown "after the session"
key Right Right
shown "Chosen: 1"
key 9 Right Right Right # the arrows reach 10 and stop there
shown "Chosen: 10"
key 2
shown "Chosen: 2"
key Right
shown "Chosen: 3"
key Return
wait_title "— after"
[ "$(export_row rated | cut -d, -f6,8,9)" = "stopped,7,3" ] ||
    fail "ratings not recorded: $(export_row rated)"
key n
shown "Your note, kept with this session:"
# Letters are text here, never commands (N, Y, D, G, H, Space...).
xdotool type --delay 60 'Calmer, café. Ygdh n'
sleep 0.3
key shift+Return
xdotool type --delay 60 'line two'
sleep 0.3
key BackSpace
key Return
shown "Note saved."
wait_title "— after"
row=$(export_row rated)
case "$row" in
*',7,3,"Calmer, café. Ygdh n\nline tw"') ;;
*) fail "note not kept as typed: $row" ;;
esac
# Esc in the box closes it without saving and stays on the after screen.
key n
xdotool type --delay 60 'not kept'
sleep 0.3
key Escape
wait_title "— after"
sleep 0.3
case "$(title)" in *"— after"*) ;; *) fail "Esc in the note box left the after screen" ;; esac
case "$(export_row rated)" in *'not kept'*) fail "Esc saved the note" ;; esac
key Escape
wait_exit

# 2. S skips, before and after: no rating recorded. A long note, at
# text size 2 (taller than its box).
start --text-size 2 --config "$CFG" rated
wait_title "— before"
key Return
wait_title "— how you feel"
key s
wait_title "— running —"
key Escape
wait_title "— how you feel"
key s
wait_title "— after"
[ "$(export_row rated | cut -d, -f6,8,9)" = "stopped,," ] ||
    fail "a skipped question recorded a rating: $(export_row rated)"
# A note stops at 500 characters (not bytes) and says so; what fits is
# kept; a note taller than its box shows its end. (xdotool remaps a key
# for each é and restores it at once; SDL 2.26 reads such a key past its
# buffer when it gets to it late, libsdl-org/SDL#7766: the accents come
# first, while the window keeps up.)
rep() { for i in $(seq "$2"); do printf '%s' "$1"; done; }
key n
xdotool type --delay 150 "$(rep é 5)"
shown "5 of 500 characters."
xdotool type --delay 8 "$(rep x 498)"
for i in $(seq 100); do
    grep -qF "Not added: the note is full" "$TMP/screen.txt" && break
    sleep 0.1
done
shown "Not added: the note is full (500 characters)."
shown "500 of 500 characters."
key Return
shown "Note saved."
[ "$(export_row rated | awk -F, '{ print $10 }')" = "$(rep é 5)$(rep x 495)" ] ||
    fail "the note was not kept as its first 500 characters: $(export_row rated)"
key Escape
wait_exit

# 3. Esc on the question leaves (nothing recorded); a click chooses.
n=$(rows)
start --config "$CFG" rated
wait_title "— before"
key Return
wait_title "— how you feel"
key Escape
wait_exit
[ "$(rows)" = "$n" ] || fail "leaving at the question recorded a session"

# 4. At the profile's pause: the words, grounding offered, how to stop;
# Enter goes on and the rating is kept. The number is clicked.
STILLPOINT_LAYOUT_LOG="$TMP/layout.log" start --config "$CFG" rated
wait_title "— before"
key Return
wait_title "— how you feel"
shown "Nothing chosen yet."
click 9
shown "Chosen: 9"
click "Record (Enter)"
wait_title "Rated rest — before"
shown "It is fine not to go on today."
shown "press G"
shown "Esc stops the session at any time, and D stops it at once for discomfort."
grep -qiE "improv|well done|great|score|better" "$TMP/screen.txt" &&
    fail "the rating screens judge: $(grep -iE 'improv|well done|great|score|better' "$TMP/screen.txt")"
key Return
wait_title "— running —"
key d
wait_title "— after"
# After a stop for discomfort the doctor's signs come first: the
# question waits for F.
shown "See a doctor if you notice any of these:"
key f
wait_title "— how you feel"
key 4
shown "Chosen: 4"
click "Record (Enter)"
wait_title "— after"
[ "$(export_row rated | cut -d, -f6,8,9)" = "discomfort,9,4" ] ||
    fail "pause: $(export_row rated)"
key Escape
wait_exit

# 4b. G at the pause opens the grounding exercise instead.
start --config "$CFG" rated
wait_title "— before"
key Return
wait_title "— how you feel"
key 8 Return
shown "It is fine not to go on today."
key g
wait_title "Coming back to the room — before"
kill -TERM "$PID"
wait_exit

# 5. The preference: --ratings asks before a built-in session too.
start --ratings box-breathing
pass_before
wait_title "Box breathing — how you feel"
key Escape
wait_exit
# 6. --no-history keeps nothing: no question, no note box.
start --no-history --config "$CFG" rated
wait_title "— before"
key Return
wait_title "— running —"
key Escape
wait_title "— after"
key n
sleep 0.5
grep -qF "Your note" "$TMP/screen.txt" && fail "--no-history offered a note it cannot keep"
key Escape
wait_exit
echo "ratings_window: ok"
