# choices.sh: the person's choices in the real window: C opens them from
# the menu, a change is kept in stillpoint.cfg (private to its owner) and
# shapes the next session (gentle mode takes the breath holds out, so box
# breathing starts with the time --schedule --gentle gives); a broken
# preferences file costs only its broken setting; after a stop, G opens
# the grounding exercise.
. "$(dirname "$0")/lib.sh"
window_setup
PREFS="$XDG_CONFIG_HOME/stillpoint/stillpoint.cfg"


# Gentle mode on: the tenth item of the choices screen.
start
key c
key Down Down Down Down Down Down Down Down Down Down
key space
key Escape
[ -f "$PREFS" ] || fail "the choices were not kept"
grep -q '^gentle = true;' "$PREFS" || { cat "$PREFS" >&2; fail "gentle mode not kept"; }
[ "$(stat -c %a "$PREFS")" = 600 ] || fail "stillpoint.cfg is not private"
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true

# It applies to the next session: box breathing without its holds.
"$STILLPOINT" --schedule box-breathing --gentle >"$TMP/gentle"
"$STILLPOINT" --schedule box-breathing >"$TMP/full"
# The end cue's time; the end sound rings a few seconds after it.
want=$(tail -n1 "$TMP/gentle" | awk '{ print int($1) }')
full=$(tail -n1 "$TMP/full" | awk '{ print int($1) }')
start box-breathing
pass_before
wait_title "— running —"
got=$(left)
awk -v g="$got" -v w="$want" -v f="$full" 'BEGIN { exit !(g >= w && g <= w + 10 && g < f) }' ||
    fail "gentle box breathing starts with $got s left; --schedule --gentle gives $want s (full: $full s)"

# After a stop, G opens the grounding exercise.
key Escape
wait_title "— after"
key g
wait_title "Coming back to the room — before"
pass_before
wait_title "Coming back to the room — running"
key Escape
wait_title "— after"
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true

# A mistake in the file costs only its own setting.
printf 'gentle = true;\nmaster_volume = 3;\n' >"$PREFS"
start
sleep 1
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true
start box-breathing
pass_before
wait_title "— running —"
got=$(left)
awk -v g="$got" -v w="$want" 'BEGIN { exit !(g >= w && g <= w + 10) }' ||
    fail "a bad volume also undid gentle mode ($got s left, want $want)"
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true
echo "choices: ok"
