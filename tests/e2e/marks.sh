# marks.sh: time marks hold to the sample. A session whose lines carry
# `at` marks is rendered, and each line's onset is measured in the WAV
# against its mark: within 1 ms where the line before fits; where it does
# not, the line starts right after it (never cut, never on top of it) and
# --check warns how late. A text-only session's schedule keeps its marks
# with lines of their true (synthesized) length.
. "$(dirname "$0")/lib.sh"

# Voice clips with a sharp onset: 1.0 s, 1.5 s and 4.0 s tones.
sox -n -r 48000 -c 1 -b 16 "$TMP/one.wav" synth 1.0 sine 440 vol 0.5
sox -n -r 48000 -c 1 -b 16 "$TMP/mid.wav" synth 1.5 sine 550 vol 0.5
sox -n -r 48000 -c 1 -b 16 "$TMP/long.wav" synth 4.0 sine 660 vol 0.5
cat >"$TMP/marks.cfg" <<'CFG'
version = 1;
sessions = (
  { name = "marks"; title = "Marks"; type = "body-scan";
    steps = (
      { say = "First."; voice = "one.wav"; at = "0:00"; seconds = 0; },
      { say = "Second."; voice = "mid.wav"; at = "0:02.25"; seconds = 0; },
      { say = "Third."; voice = "long.wav"; at = 5; seconds = 0; },
      { say = "Late."; voice = "one.wav"; at = "0:07.5"; seconds = 1; },
      { say = "Fourth."; voice = "mid.wav"; at = "0:00:12.125"; seconds = 0; }
    ); }
);
CFG

run 0 --check "$TMP/marks.cfg"
has "$TMP/out" "marks.cfg: ok (1 session, 1 warning)"
# Third starts at 5 and lasts 4 s: Late's mark 7.5 is 1.5 s before 9.
has "$TMP/err" "marks.cfg:8: 'at = \"0:07.5\"' is reached 1.5 s late: the step before ends at 0:09"

run 0 --config "$TMP/marks.cfg" --no-ambient --schedule marks
cp "$TMP/out" "$TMP/schedule"
# 0:00 of the marks is where the first step starts (after the floor
# notice and the settling quiet).
zero=$(awk -F'\t' '$4 == "First." { print $1 }' "$TMP/schedule")
[ -n "$zero" ] || fail "no first step in the schedule"
at() { awk -F'\t' -v t="$1" '$4 == t { print $1 }' "$TMP/schedule"; }
check_sched() { # TEXT SECONDS_AFTER_ZERO
    got=$(at "$1")
    awk -v g="$got" -v z="$zero" -v w="$2" \
        'BEGIN { d = g - z - w; if (d < 0) d = -d; exit !(d < 0.0005) }' ||
        fail "$1: scheduled at $got, expected $zero + $2"
}
check_sched "Second." 2.25
check_sched "Third." 5
check_sched "Late." 9 # right after Third's 4 s
check_sched "Fourth." 12.125

run 0 --config "$TMP/marks.cfg" --no-ambient --render marks -o "$TMP/m.wav"
"$TOOLS/wav_onsets" "$TMP/m.wav" >"$TMP/onsets"
onset_near() { # SECONDS: the onset within 1 ms of it, or fail
    awk -v w="$1" '{ d = $2 - w; if (d < 0) d = -d; if (d < 0.001) { print $2; found = 1; exit } }
        END { exit !found }' "$TMP/onsets" >/dev/null ||
        { cat "$TMP/onsets" >&2; fail "no onset within 1 ms of $1 s"; }
}
# (Late follows Third without a gap, so it has no onset of its own: its
# place is checked in the schedule above.)
for t in 0 2.25 5 12.125; do
    onset_near "$(awk -v z="$zero" -v t="$t" 'BEGIN { printf "%.6f", z + t }')"
done
echo "onsets at their marks within 1 ms"

# Marks must increase.
sed 's/at = "0:00:12.125"/at = "0:01"/' "$TMP/marks.cfg" >"$TMP/back.cfg"
run 2 --check "$TMP/back.cfg"
has "$TMP/err" "back.cfg:9: at: 0:01 comes before the mark of an earlier step (0:07.5 at line 8); marks must increase"
# Malformed marks.
sed 's/at = "0:02.25"/at = "2:75"/' "$TMP/marks.cfg" >"$TMP/bad.cfg"
run 2 --check "$TMP/bad.cfg"
has "$TMP/err" "bad.cfg:6: at: expected a time like \"2:04\" or a number of seconds: '2:75': seconds past 59"

# A text-only script: every line synthesized before the timeline, so its
# marks hold with the lines' true lengths.
cat >"$TMP/text.cfg" <<'CFG'
version = 1;
sessions = (
  { name = "text"; title = "Text"; type = "body-scan";
    steps = (
      { say = "Settle in."; at = "0:00"; seconds = 0; },
      { say = "Notice your breath moving."; at = "0:04"; seconds = 0; },
      { say = "Let your shoulders soften."; at = "0:09.5"; seconds = 0; }
    ); }
);
CFG
run 0 --check "$TMP/text.cfg"
has "$TMP/out" "text.cfg: ok (1 session)"
run 0 --config "$TMP/text.cfg" --schedule text
cp "$TMP/out" "$TMP/schedule"
zero=$(at "Settle in.")
check_sched "Notice your breath moving." 4
check_sched "Let your shoulders soften." 9.5
echo "marks.sh: ok"
