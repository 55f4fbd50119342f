# render.sh: a rendered breathing session has every audible cue tone of its
# --schedule within 1 ms of its time, and no onset the schedule does not
# list; a render is a valid 48 kHz stereo 16-bit WAV of the session's
# length; a failed render leaves no file behind.
. "$(dirname "$0")/lib.sh"

# compare SCHEDULE ONSETS: each audible cue has an onset within 1 ms and
# each onset belongs to an audible cue.
compare() {
    awk -F'\t' '$3 != "-" { print $1 }' "$1" >"$TMP/want"
    [ -s "$TMP/want" ] || fail "no audible cues in the schedule"
    awk 'NR == FNR { want[++n] = $1; next }
         { got[++m] = $2 }
         END {
             bad = 0
             for (i = 1; i <= n; i++) {
                 best = 1e9
                 for (j = 1; j <= m; j++) {
                     d = got[j] - want[i]; if (d < 0) d = -d
                     if (d < best) best = d
                 }
                 if (best > 0.001) { printf "cue at %s: nearest onset %.4f s away\n", want[i], best; bad = 1 }
                 if (best > worst) worst = best
             }
             for (j = 1; j <= m; j++) {
                 best = 1e9
                 for (i = 1; i <= n; i++) {
                     d = got[j] - want[i]; if (d < 0) d = -d
                     if (d < best) best = d
                 }
                 if (best > 0.001) { printf "onset at %s is not in the schedule\n", got[j]; bad = 1 }
             }
             printf "%d cues, %d onsets, worst %.3f ms\n", n, m, worst * 1000
             exit bad
         }' "$TMP/want" "$2"
}

# Without the voice clips: speech has onsets of its own between words
# (tests/e2e/voice_builtin.sh checks the clips in a render).
for name in box-breathing; do
    run 0 --schedule "$name" --no-ambient --no-voice
    cp "$TMP/out" "$TMP/schedule"
    run 0 --render "$name" --no-ambient --no-voice -o "$TMP/$name.wav"
    "$TOOLS/wav_onsets" "$TMP/$name.wav" >"$TMP/onsets"
    compare "$TMP/schedule" "$TMP/onsets" || fail "$name: onsets differ from --schedule"
done

# The same for a file with its own cue sounds and every step kind.
run 0 --config "$DATA/good/complete.cfg" --schedule short-breath --no-voice
cp "$TMP/out" "$TMP/schedule"
run 0 --config "$DATA/good/complete.cfg" --render short-breath --no-voice -o "$TMP/s.wav"
"$TOOLS/wav_onsets" "$TMP/s.wav" >"$TMP/onsets"
compare "$TMP/schedule" "$TMP/onsets" || fail "short-breath onsets"

# Header: RIFF/WAVE, PCM, 2 channels, 48000 Hz, 16 bits, and the length of
# the session (its last cue plus the end bell).
od -An -tu1 -j22 -N2 "$TMP/s.wav" | grep -q '^ *2 *0$' || fail "not stereo"
[ "$(od -An -tu4 -j24 -N4 "$TMP/s.wav" | tr -d ' ')" = 48000 ] || fail "not 48 kHz"
[ "$(od -An -tu2 -j34 -N2 "$TMP/s.wav" | tr -d ' ')" = 16 ] || fail "not 16-bit"
bytes=$(wc -c <"$TMP/s.wav")
data=$(od -An -tu4 -j40 -N4 "$TMP/s.wav" | tr -d ' ')
[ "$bytes" -eq $((data + 44)) ] || fail "data size $data does not match file size $bytes"
last=$(tail -n1 "$TMP/schedule" | cut -f1)
awk -v d="$data" -v last="$last" 'BEGIN { s = d / 4 / 48000; exit !(s >= last + 3 && s < last + 10) }' \
    || fail "render length $data bytes does not fit the end cue at $last s"

# Rendering to stdout gives the same bytes.
"$STILLPOINT" --config "$DATA/good/complete.cfg" --render short-breath --no-voice -o - >"$TMP/pipe.wav"
cmp -s "$TMP/pipe.wav" "$TMP/s.wav" || fail "render to stdout differs"

# A render into a folder that does not exist fails with exit 1 and no file.
run 1 --render box-breathing -o "$TMP/missing/out.wav"
has "$TMP/err" "No such file or directory"
# A render that cannot be written leaves no partial file.
mkdir "$TMP/ro" && chmod 500 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
    run 1 --render box-breathing -o "$TMP/ro/out.wav"
fi
[ -z "$(ls -A "$TMP/ro")" ] || fail "partial file left behind"

# A render into a FIFO or a device goes into it; neither is replaced by a
# file (as root, that would have replaced /dev/null).
mkfifo "$TMP/fifo.wav"
timeout 30 cat "$TMP/fifo.wav" >"$TMP/piped.wav" &
run 0 --config "$DATA/good/complete.cfg" --render short-breath --no-voice -o "$TMP/fifo.wav"
wait $! || true
[ -p "$TMP/fifo.wav" ] || fail "the FIFO was replaced by a file"
cmp -s "$TMP/piped.wav" "$TMP/s.wav" || fail "the FIFO did not carry the render"
# As root, on devices of its own (a regression must not replace the
# system's); a full device reports the full disk.
null=/dev/null full=/dev/full
if [ "$(id -u)" = 0 ]; then
    null="$TMP/null" full="$TMP/full"
    mknod -m 666 "$null" c 1 3 && mknod -m 666 "$full" c 1 7 || null=""
fi
if [ -n "$null" ]; then
    run 0 --render box-breathing --no-voice -o "$null"
    [ -c "$null" ] || fail "the device was replaced by a file"
    run 1 --render box-breathing --no-voice -o "$full"
    has "$TMP/err" "stillpoint: $full: No space left on device"
    [ -c "$full" ] || fail "the full device was replaced by a file"
fi
echo "render: ok"
