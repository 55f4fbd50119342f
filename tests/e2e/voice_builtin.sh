# voice_builtin.sh: a built-in session speaks its lines with the recorded
# clips (each line's own clip, named by its words' hash, in --schedule's
# SOUND column), and a render holds that speech, with no peak above
# -3 dBFS. A user's copy of the same session gets no built-in clips: with
# no voice files of its own its lines are synthesized (only the floor
# notice, stillpoint's own line, keeps its recording). --no-voice leaves
# the clips out.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$TOOLS/voice_lines" >"$TMP/lines" || fail "voice_lines failed"

# say_sounds SCHEDULE: "SOUND<TAB>CAPTION" of each spoken step's cue (the
# floor notice, the first line, is left to its own check).
say_sounds() {
    awk -F'\t' 'NR > 1 && ($2 == "say" || $2 == "scan") { print $3 "\t" $4 }' "$1"
}

run 0 --schedule body-scan-15 --no-ambient
cp "$TMP/out" "$TMP/schedule"
say_sounds "$TMP/schedule" >"$TMP/said"
[ "$(wc -l <"$TMP/said")" -ge 20 ] || fail "body-scan-15: few spoken cues"
awk -F'\t' 'NR == FNR { hash[$2] = $1; next }
    { want = ($2 in hash) ? hash[$2] ".ogg" : "(no line)"
      if ($1 != want) { print "cue " $2 ": sound " $1 ", expected " want; bad = 1 } }
    END { exit bad }' "$TMP/lines" "$TMP/said" >&2 ||
    fail "body-scan-15: a spoken cue does not play its own clip"

# The render holds the speech: where each clip's cue starts, the first
# 2 s are as loud as the clip's own first 2 s (within 3 dB), and nothing
# peaks above -3 dBFS.
run 0 --schedule breathing-4-7-8 --no-ambient
cp "$TMP/out" "$TMP/schedule"
run 0 --render breathing-4-7-8 --no-ambient -o "$TMP/r.wav"
sox "$TMP/r.wav" -n stats 2>"$TMP/stats"
peak=$(awk '/^Pk lev dB/ { print $4 }' "$TMP/stats")
awk -v p="$peak" 'BEGIN { exit !(p != "" && p <= -3) }' ||
    fail "breathing-4-7-8 render peaks at $peak dBFS"
say_sounds "$TMP/schedule" >"$TMP/said-478"
[ "$(grep -c '\.ogg	' "$TMP/said-478")" -ge 5 ] || fail "breathing-4-7-8: few clips"
while IFS='	' read -r sound caption; do
    at=$(grep -F "	$sound	" "$TMP/schedule" | head -n 1 | cut -f1)
    got=$(sox "$TMP/r.wav" -n trim "$at" 2 remix 1 stats 2>&1 | awk '/^RMS lev dB/ { print $4 }')
    want=$(sox "$ROOT/assets/voice/$sound" -n trim 0 2 stats 2>&1 | awk '/^RMS lev dB/ { print $4 }')
    awk -v g="$got" -v w="$want" 'BEGIN { d = g - w; exit !(g != "" && w != "" && d < 3 && d > -3) }' ||
        fail "render at $at s: RMS $got dBFS, its clip $sound has $want ($caption)"
done <"$TMP/said-478"
rm -f "$TMP/r.wav"

run 0 --schedule body-scan-15 --no-voice
say_sounds "$TMP/out" | grep -v '^-	' && fail "--no-voice still plays clips"

# A user's copy of the built-in file, under other names.
sed 's/name = "body-scan/name = "my-body-scan/' \
    "$ROOT/config/sessions/body-scan.cfg" >"$TMP/copy.cfg"
run 0 --config "$TMP/copy.cfg" --schedule my-body-scan-15
say_sounds "$TMP/out" >"$TMP/copy-said"
[ "$(wc -l <"$TMP/copy-said")" = "$(wc -l <"$TMP/said")" ] ||
    fail "the copy has other spoken cues"
grep -v '^speech	' "$TMP/copy-said" && fail "a user's copy plays the built-in clips"
echo "built-in clips play; a user's copy stays unrecorded"
