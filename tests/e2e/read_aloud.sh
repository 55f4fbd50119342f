#!/bin/sh
# read_aloud.sh: screens read aloud (--read-screens). Each before screen
# of a built-in session and of a file's own type speaks before any key is
# pressed; a key pressed while a screen is being read acts at once (the
# reading falls silent and the next screen shows and is read); R repeats;
# Esc silences. Sound is captured by SDL's disk driver.
. "$(dirname "$0")/lib.sh"
TOOLS=${TOOLS:-build/tools}
window_setup
export STILLPOINT_BENCH=1

# peak RAW: the peak level of the capture so far, 0..32767.
peak() {
    [ -s "$TMP/live.raw" ] || { echo 0; return; }
    sox -t raw -r 48000 -e signed -b 16 -c 2 "$TMP/live.raw" -n stat 2>&1 |
        awk '/Maximum amplitude/ { printf "%d\n", $3 * 32767 }'
}

# words: how many words (onsets above -40 dBFS after 20 ms of quiet) the
# capture holds so far.
words() {
    [ -s "$TMP/live.raw" ] || { echo 0; return; }
    "$TOOLS/wav_onsets" "$TMP/live.raw" -40 | wc -l
}

# speaks WHAT [N]: speech (N words, 3 unless said: not the tail of a
# fade) reaches the capture within 8 s (a file's own text is synthesized
# first, under the sanitizers), with no key pressed.
speaks() {
    for i in $(seq 160); do
        [ "$(words)" -ge "${2:-3}" ] && return 0
        sleep 0.05
    done
    fail "nothing was spoken on $1 ($(words) onsets, peak $(peak))"
}

# fresh: starts the capture afresh (the device keeps writing to the file).
fresh() { : >"$TMP/live.raw"; }

# cut_ok: the last key that cut a reading short left it silent within a
# buffer and its fade (the window reports it under STILLPOINT_BENCH).
# CUTS: how many cuts this run of the window has reported before.
CUTS=0
cut_ok() {
    CUTS=$((CUTS + 1))
    for i in $(seq 40); do
        [ "$(grep -c '^read-cut-to-silence' "$TMP/app.err")" -ge $CUTS ] && break
        sleep 0.05
    done
    ns=$(sed -n 's/^read-cut-to-silence //p' "$TMP/app.err" | sed -n "${CUTS}p")
    [ -n "$ns" ] || fail "$1: no reading was cut short"
    # 512 frames (10.7 ms) and the 10 ms fade, with room for a loaded
    # machine under the sanitizers.
    [ "$ns" -lt 40000000 ] || fail "$1: the reading went on $((ns / 1000000)) ms after the key"
    echo "read_aloud: $1: silent $((ns / 1000)) us after the key"
}

# ---- off by default: nothing is read ------------------------------------
start pelvic-floor-relaxation
wait_title "— before"
sleep 2
[ "$(peak)" -eq 0 ] || fail "a screen was read aloud without being asked"
key Escape
wait_exit

# ---- a built-in session: every before screen speaks before a key -------
fresh
start --read-screens pelvic-floor-relaxation
CUTS=0
wait_title "— before"
speaks "the floor notice"
key Return
shown "Do you have acute prostatitis"
cut_ok "Enter during the floor notice"
fresh
speaks "the first question"
# Y while the question is being read: it answers at once.
sleep 0.5
key y
wait_title "— blocked"
cut_ok "Y during a question"
fresh
speaks "the blocked screen"
# Esc silences at once (and leaves: the session was named).
key Escape
cut_ok "Esc"
wait_exit

# ---- one session of every built-in type: its floor notice and its first
# question (or checklist) speak before any key -----------------------------
for s in body-scan-15 self-release-holds box-breathing grounding grounded-scan; do
    fresh
    start --read-screens "$s"
    wait_title "— before"
    speaks "$s: the floor notice"
    key Return
    fresh
    speaks "$s: the screen after the floor notice"
    key Escape
    wait_exit
done

# ---- each question, then the checklist ---------------------------------
fresh
start --read-screens pelvic-floor-relaxation
wait_title "— before"
speaks "the floor notice"
key Return
for q in $(seq 12); do
    fresh
    speaks "question $q"
    grep -qF "Has a urologist told you" "$TMP/screen.txt" && break
    key n
done
shown "Has a urologist told you"
key y
shown "Before you begin, check that:"
fresh
speaks "the checklist"
# R says it again from the start.
sleep 0.5
fresh
key r
speaks "the checklist, repeated"
key Escape
wait_exit

# ---- a file's own type: its questions are synthesized ------------------
fresh
start --read-screens --config "$DATA/good/complete.cfg" stretch-and-breathe
wait_title "— before"
speaks "a file's floor notice"
key Return
shown "Have you hurt your back in the last six weeks?"
fresh
speaks "a file's own question"
key n
shown "Has your physiotherapist shown you these stretches?"
fresh
speaks "a file's clearance question"
key n
wait_title "— blocked"
fresh
speaks "a file's blocked screen"
key Escape
wait_exit

# ---- the menu says the session chosen ----------------------------------
fresh
start --read-screens
speaks "the menu"
fresh
key Down
speaks "the next session in the menu"
# the choices say the item chosen and its value, as it moves
key c
shown "Your choices"
fresh
key Down
speaks "the next choice"
key Escape
key Escape
wait_exit
# ---- during and after: the signs to stop (I), then the after screen ----
# (the session itself silent, so what is heard is the screens read)
fresh
start --read-screens --no-voice --no-ambient --cues none one-minute-reset
pass_before
wait_title "— running"
sleep 8 # the floor notice's time, its signs shown but not said over it
fresh
sleep 1
[ "$(words)" -lt 3 ] || fail "the running screen spoke with nothing asked"
key i
speaks "the signs to stop"
key i
sleep 0.5
fresh
sleep 1
[ "$(words)" -lt 3 ] || fail "the signs went on being said after I hid them"
key Escape
wait_title "— after"
fresh
speaks "the after screen"
key Escape
wait_exit

# ---- the rating question, a number as it is chosen, the note box -------
fresh
start --read-screens --ratings --no-voice --no-ambient --cues none one-minute-reset
pass_before
wait_title "— how you feel"
fresh
speaks "the rating question"
sleep 0.5
key 4
shown "Chosen: 4"
fresh
speaks "the number chosen" 2
key Return
wait_title "— running"
sleep 1
key Escape
wait_title "— how you feel"
fresh
speaks "the question after the session"
key s
wait_title "— after"
fresh
speaks "the after screen"
key n
shown "Your note, kept with this session:"
fresh
speaks "the note box"
key Escape
key Escape
wait_exit

# ---- a first start on a desktop whose screen reader runs ---------------
# (gsettings stands in for the desktop's: it says the screen reader is on)
mkdir -p "$TMP/bin"
printf '#!/bin/sh\n[ "$3" = screen-reader-enabled ] && echo true\n' >"$TMP/bin/gsettings"
chmod +x "$TMP/bin/gsettings"
rm -rf "$XDG_CONFIG_HOME"
fresh
PATH="$TMP/bin:$PATH" start
shown "Should stillpoint read its screens aloud, the safety questions too?"
speaks "the offer (read aloud before it is chosen)"
key y
fresh
speaks "the menu, now read aloud"
key Escape
wait_exit
grep -q '^read_screens = true' "$XDG_CONFIG_HOME/stillpoint/stillpoint.cfg" ||
    fail "the choice to read screens aloud was not kept"
# asked once: the next start goes to the menu
PATH="$TMP/bin:$PATH" start
wait_title "stillpoint"
sleep 1
grep -qF "Should stillpoint read" "$TMP/screen.txt" && fail "the offer was made twice"
key Escape
wait_exit
# without a screen reader, no offer at a first start
rm -rf "$XDG_CONFIG_HOME"
printf '#!/bin/sh\necho false\n' >"$TMP/bin/gsettings"
PATH="$TMP/bin:$PATH" start
sleep 1.5
grep -qF "Should stillpoint read" "$TMP/screen.txt" && fail "an offer without a screen reader"
key Escape
wait_exit
echo "read_aloud: ok"
