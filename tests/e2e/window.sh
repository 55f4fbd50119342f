# window.sh: the real window under Xvfb, driven by xdotool key presses as
# a person would: before -> running -> paused -> running -> after, a frozen
# clock while paused, a contraindication yes that blocks (and Enter that
# never answers), the discomfort stop, SIGTERM and SIGKILL, each checked
# in the window title and in the history file.
. "$(dirname "$0")/lib.sh"

window_setup
HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"


# last_outcome SESSION: the outcome of the session's last history row.
last_outcome() {
    awk -F, -v s="$1" '$2 == s { o = $6 } END { print o }' "$HISTORY"
}


# The box-breathing profile asks six questions before its checklist.
pass_before() {
    wait_title "Box breathing — before"
    key Return
    for i in 1 2 3 4 5 6; do key n; done
    key Return
}

# 1. before -> running -> paused (clock frozen) -> running -> after.
start box-breathing
pass_before
wait_title "— running —"
sleep 1
key space
wait_title "— paused —"
t1=$(title)
sleep 2
[ "$(title)" = "$t1" ] || fail "the clock moved while paused: '$t1' then '$(title)'"
key space
wait_title "— running —"
key Escape
wait_title "— after"
[ "$(last_outcome box-breathing)" = stopped ] || fail "Esc not recorded as stopped"
key Escape
wait_exit

# 2. Enter never answers a yes/no question; a yes blocks.
start box-breathing
wait_title "Box breathing — before"
key Return
key Return Return Return
key y
wait_title "— blocked"
[ "$(last_outcome box-breathing)" = blocked ] || fail "blocked not recorded"
grep -q 'blocked,"Do you have heart disease' "$HISTORY" || fail "blocked row lacks the question"
key Escape
wait_exit

# 3. The discomfort stop.
start box-breathing
pass_before
wait_title "— running —"
key d
wait_title "— after"
[ "$(last_outcome box-breathing)" = discomfort ] || fail "D not recorded as discomfort"
# The signs that need a doctor come first after it, before the grounding
# offer (at large text only what comes first is in sight).
shown "See a doctor if you notice any of these:"
shown "A short grounding exercise"
doctor=$(grep -nF "See a doctor" "$TMP/screen.txt" | tail -n1 | cut -d: -f1)
offer=$(grep -nF "A short grounding exercise" "$TMP/screen.txt" | tail -n1 | cut -d: -f1)
[ "$doctor" -lt "$offer" ] || fail "after a stop for discomfort the grounding offer comes before the doctor signs"
kill -TERM "$PID"
wait_exit

# 4. SIGTERM mid-session: the session is recorded and the program exits.
start box-breathing
pass_before
wait_title "— running —"
kill -TERM "$PID"
wait_exit
[ "$(last_outcome box-breathing)" = stopped ] || fail "SIGTERM not recorded"

# 5. SIGKILL mid-session: the history still shows the session, interrupted.
start box-breathing
pass_before
wait_title "— running —"
kill -KILL "$PID"
wait "$PID" 2>/dev/null || true
[ "$(last_outcome box-breathing)" = interrupted ] || fail "SIGKILL left no interrupted row"

# 6. The live sound: the disk driver captures what the device plays; the
# cues sound at the schedule's intervals within 1 ms (without the voice
# clips, whose words have onsets of their own).
rm -f "$TMP/live.raw"
start one-minute-reset --no-voice
while title | grep -q before; do key n; key Return; done
wait_title "— running —"
sleep 41
key Escape
wait_title "— after"
kill -TERM "$PID"
wait_exit
"$STILLPOINT" --schedule one-minute-reset --no-voice >"$TMP/schedule"
"$TOOLS/wav_onsets" "$TMP/live.raw" >"$TMP/onsets"
awk -F'\t' '$3 != "-" { print $1 }' "$TMP/schedule" >"$TMP/want"
awk 'NR == FNR { want[++n] = $1; next } { got[++m] = $2 }
     END {
         if (m < 4) { print "only " m " onsets captured"; exit 1 }
         worst = 0
         for (j = 2; j <= m; j++) {
             d = (got[j] - got[1]) - (want[j] - want[1]); if (d < 0) d = -d
             if (d > worst) worst = d
         }
         printf "live: %d onsets, worst interval error %.3f ms\n", m, worst * 1000
         exit worst > 0.001
     }' "$TMP/want" "$TMP/onsets" || fail "live cues off their schedule"

# 7. The mouse: the Stop button stops the session like Esc.
start box-breathing
pass_before
wait_title "— running —"
eval "$(xdotool getwindowgeometry --shell "$WIN")"
xdotool mousemove --window "$WIN" $((WIDTH - 120)) $((HEIGHT - 50)) click 1
wait_title "— after"
[ "$(last_outcome box-breathing)" = stopped ] || fail "the Stop button did not stop"
kill -TERM "$PID"
wait_exit

# 8. No sound device: the session still runs, with captions and a notice.
SDL_AUDIODRIVER=no-such-driver start box-breathing
pass_before
wait_title "— running —"
shown "No sound device: the session runs silently, with captions."
sleep 1
wait_title "— running —"
key Escape
wait_title "— after"
kill -TERM "$PID"
wait_exit

# 9. The menu: a click on a session's row opens it; Esc goes back, then quits.
start
wait_title "stillpoint"
xdotool mousemove --window "$WIN" 300 234 click 1
wait_title "4-7-8 breathing (four breaths) — before"
key Escape
for i in $(seq 40); do [ "$(title)" = stillpoint ] && break; sleep 0.05; done
[ "$(title)" = stillpoint ] || fail "Esc did not return to the menu"
key Escape
wait_exit

echo "window: ok"
