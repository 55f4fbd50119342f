# voice.sh: every line is spoken. A session file that carries only text
# (a copy of a built-in session with no recordings) is spoken by the
# synthesizer, each line inside its place in --schedule; leaving out a
# body region takes it out of the schedule and the render and puts a
# neutral anchor in its place; the cue style and settling delay change
# what --schedule lists; bad choices are refused with a clear message.
. "$(dirname "$0")/lib.sh"

# speaks WAV SCHEDULE: every say/scan cue with a sound has speech in the
# second after it (RMS well above the quiet between lines).
speaks() {
    n=0
    while IFS='	' read -r at kind sound caption; do
        case "$kind" in say | scan) ;; *) continue ;; esac
        [ "$sound" != - ] || fail "line at $at has no sound: $caption"
        rms=$(sox "$1" -n trim "$at" 1.0 stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
        awk -v r="$rms" 'BEGIN { exit !(r > 0.01) }' ||
            fail "no speech at $at s (RMS $rms): $caption"
        n=$((n + 1))
    done <"$2"
    echo "$n lines spoken"
}

# A text-only copy of the fifteen-minute body scan.
sed -e 's/"body-scan-15"/"my-scan"/' -e 's/"body-scan-evening"/"my-evening"/' \
    -e '/voice *=/d' "$(dirname "$0")/../../config/sessions/body-scan.cfg" >"$TMP/mine.cfg"
cp "$(dirname "$0")/../../assets/"*.ogg "$TMP/"
run 0 --config "$TMP/mine.cfg" --schedule my-scan --no-ambient
cp "$TMP/out" "$TMP/schedule"
grep -q '	speech	' "$TMP/schedule" || fail "the copy's lines are not synthesized"
# (The floor notice, stillpoint's own line, keeps its recording.)
awk -F'\t' 'NR > 1 && ($2 == "say" || $2 == "scan") && $3 != "speech" { bad = 1; print } END { exit bad }' \
    "$TMP/schedule" || fail "a line of the text-only copy is not spoken by the synthesizer"
run 0 --config "$TMP/mine.cfg" --render my-scan --no-ambient -o "$TMP/mine.wav"
speaks "$TMP/mine.wav" "$TMP/schedule"
# Loud enough to follow, never near clipping.
peak=$(sox "$TMP/mine.wav" -n stats 2>&1 | awk '/Pk lev dB/ { print $4 }')
awk -v p="$peak" 'BEGIN { exit !(p <= -3 && p > -20) }' || fail "peak $peak dBFS"

# Leaving out regions: gone from the schedule, an anchor in their place,
# and the session about as long.
run 0 --schedule body-scan-15 --no-ambient
cp "$TMP/out" "$TMP/full"
grep -qi 'chest' "$TMP/full" || fail "body-scan-15 has no chest line to leave out"
run 0 --schedule body-scan-15 --no-ambient --leave-out chest,belly
cp "$TMP/out" "$TMP/left"
if awk -F'\t' '$2 == "scan"' "$TMP/left" | grep -qiE 'chest|belly'; then
    fail "a left-out region is still scanned"
fi
grep -q 'Let your attention rest on' "$TMP/left" || fail "no anchor in place of the left-out regions"
full_end=$(tail -n1 "$TMP/full" | cut -f1)
left_end=$(tail -n1 "$TMP/left" | cut -f1)
awk -v a="$full_end" -v b="$left_end" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 60) }' ||
    fail "leaving out regions changed the length from $full_end to $left_end s"
run 0 --render body-scan-15 --no-ambient --leave-out chest,belly -o "$TMP/left.wav"
speaks "$TMP/left.wav" "$TMP/left"

run 2 --schedule body-scan-15 --leave-out chest,bely
has "$TMP/err" "unknown region 'bely'"

# Cue styles: captions only keeps the captions and drops the tones;
# none drops both (the breathing visual guides).
run 0 --schedule box-breathing --cues caption
awk -F'\t' '$2 == "inhale" && ($3 != "-" || $4 == "-") { bad = 1 } END { exit bad }' "$TMP/out" ||
    fail "--cues caption: an inhale has a tone or no caption"
run 0 --schedule box-breathing --cues none
awk -F'\t' '$2 == "inhale" && ($3 != "-" || $4 != "-") { bad = 1 } END { exit bad }' "$TMP/out" ||
    fail "--cues none: an inhale has a tone or a caption"
run 2 --schedule box-breathing --cues loud
has "$TMP/err" "unknown cue style 'loud'"

# A settling delay: quiet after the floor notice, before the first step.
run 0 --schedule box-breathing --settle 20
sed -n 2p "$TMP/out" | grep -q 'silence	-	Settling in' || fail "no settling time after the floor notice"
run 2 --schedule box-breathing --settle 500
has "$TMP/err" "expected seconds 0..120"

# Eyes open: the choice is said first; gentle: no breath holds.
run 0 --schedule body-scan-15 --eyes-open
sed -n 2p "$TMP/out" | grep -q 'keep your eyes open' || fail "--eyes-open is not said"
run 0 --schedule breathing-4-7-8 --gentle
if awk -F'\t' '$2 == "hold"' "$TMP/out" | grep -q .; then
    fail "--gentle left a breath hold in"
fi
echo "voice: ok"
