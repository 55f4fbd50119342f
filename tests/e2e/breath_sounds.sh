# breath_sounds.sh: a breathing session can be followed with the eyes
# closed. By default the in tone rises, the out tone falls and the hold
# is a lower, quieter sound that stays put, measured by sox in a render
# at the onsets --schedule gives; the render stays under -3 dBFS. With
# --spoken-count the count is spoken ("In", "Two", "Three"...) on the
# whole seconds of each phase, softer than the session's voice, and
# heard in the render where the schedule puts it.
. "$(dirname "$0")/lib.sh"

CFG="$TMP/breath.cfg"
cat >"$CFG" <<'SESSIONS'
version = 1;
sessions = (
  { name = "box"; title = "Box"; type = "breathing";
    steps = ( { breathe = [4, 4, 4, 4]; cycles = 2; } ); }
);
SESSIONS

# ---- in, out and hold sound different ---------------------------------------
run 0 --config "$CFG" --schedule box --no-voice --no-ambient
cp "$TMP/out" "$TMP/tones.schedule"
run 0 --config "$CFG" --render box --no-voice --no-ambient -o "$TMP/tones.wav"

# freq AT: sox's rough frequency of the 0.2 s of the render from AT.
freq() { sox "$TMP/tones.wav" -n remix 1 trim "$1" 0.2 stat 2>&1 | awk '/^Rough/ { print $3 }'; }
# peak AT: the peak in dBFS of the second from AT.
peak() { sox "$TMP/tones.wav" -n remix 1 trim "$1" 1 stats 2>&1 | awk '/^Pk lev dB/ { print $4 }'; }
at() { awk -v k="$1" '$2 == k { print $1; exit }' "$TMP/tones.schedule"; }
later() { awk -v a="$1" -v b="$2" 'BEGIN { print a + b }'; }

in=$(at inhale) out=$(at exhale) hold=$(at hold)
[ -n "$in" ] && [ -n "$out" ] && [ -n "$hold" ] || fail "no inhale, exhale or hold in the schedule"
in0=$(freq "$(later "$in" 0.02)") in1=$(freq "$(later "$in" 0.6)")
out0=$(freq "$(later "$out" 0.02)") out1=$(freq "$(later "$out" 0.6)")
hold0=$(freq "$(later "$hold" 0.02)") hold1=$(freq "$(later "$hold" 0.25)")
in_pk=$(peak "$in") hold_pk=$(peak "$hold")
echo "in ${in0}->${in1} Hz, out ${out0}->${out1} Hz, hold ${hold0}->${hold1} Hz; peaks in $in_pk, hold $hold_pk dBFS"
awk -v a="$in0" -v b="$in1" 'BEGIN { exit !(b > a * 1.15) }' || fail "the in tone does not rise ($in0 -> $in1 Hz)"
awk -v a="$out0" -v b="$out1" 'BEGIN { exit !(b < a / 1.1) }' || fail "the out tone does not fall ($out0 -> $out1 Hz)"
awk -v a="$hold0" -v b="$hold1" 'BEGIN { r = b / a; exit !(r > 0.85 && r < 1.15) }' ||
    fail "the hold sound moves ($hold0 -> $hold1 Hz)"
awk -v h="$hold0" -v i="$in0" -v o="$out1" 'BEGIN { exit !(h * 1.3 < i && h * 1.3 < o) }' ||
    fail "the hold ($hold0 Hz) is not lower than in ($in0) and out ($out1)"
awk -v h="$hold_pk" -v i="$in_pk" 'BEGIN { exit !(h <= i - 3) }' ||
    fail "the hold ($hold_pk dBFS) is not quieter than the in tone ($in_pk)"
top=$(sox "$TMP/tones.wav" -n stats 2>&1 | awk '/^Pk lev dB/ { print $4 }')
awk -v p="$top" 'BEGIN { exit !(p <= -3.0 && p >= -24.0) }' || fail "the render peaks at $top dBFS"

# ---- the spoken count ---------------------------------------------------------
# Without tones (--cues none) and without the bed, what sounds after the
# floor notice is the count alone.
run 0 --config "$CFG" --schedule box --cues none --no-ambient
grep -q '	count	' "$TMP/out" && fail "a count without --spoken-count"
run 0 --config "$CFG" --schedule box --cues none --no-ambient --spoken-count
awk -F'\t' '$2 == "count"' "$TMP/out" >"$TMP/count.schedule"
# four phases of four seconds, twice: a word on each second
[ "$(wc -l <"$TMP/count.schedule")" = 32 ] || fail "$(wc -l <"$TMP/count.schedule") words counted, not 32"
run 0 --config "$CFG" --render box --cues none --no-ambient --spoken-count -o "$TMP/count.wav"
"$TOOLS/wav_onsets" "$TMP/count.wav" -50 >"$TMP/onsets"
# every word is heard within 0.15 s after its place (the clip's lead-in)
while IFS='	' read -r t kind clip text; do
    awk -v t="$t" '$2 >= t && $2 <= t + 0.15 { ok = 1 } END { exit !ok }' "$TMP/onsets" ||
        fail "no word heard at $t s ($clip)"
done <"$TMP/count.schedule"
# and it is softer than the voice: the floor notice's peak against the
# count's (the clips are made to one loudness)
first=$(head -n1 "$TMP/count.schedule" | cut -f1)
notice=$(sox "$TMP/count.wav" -n trim 0 "$first" stats 2>&1 | awk '/^Pk lev dB/ { print $4 }')
count=$(sox "$TMP/count.wav" -n trim "$first" stats 2>&1 | awk '/^Pk lev dB/ { print $4 }')
echo "voice peak $notice dBFS, count peak $count dBFS"
awk -v v="$notice" -v c="$count" 'BEGIN { exit !(c < v - 6) }' || fail "the count ($count dBFS) is not softer than the voice ($notice)"
echo "breath_sounds: ok"
