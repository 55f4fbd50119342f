# voice_manifest.sh: every line the built-in sessions and the program
# speak has its recorded clip, so nobody hears an old wording under a new
# caption: a row in assets/voice/manifest.tsv with the same words, and an
# Ogg file that decodes, lasts as long as the row says and as its words
# need, and is as loud as every other clip. No clip is kept that no line
# speaks. Fails when a line changed without a run of scripts/make-voice.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VOICE=$ROOT/assets/voice
MANIFEST=$VOICE/manifest.tsv
FIX="run scripts/make-voice and commit assets/voice"

"$TOOLS/voice_lines" >"$TMP/lines" || fail "voice_lines failed"
[ "$(wc -l <"$TMP/lines")" -ge 50 ] || fail "too few spoken lines: $(wc -l <"$TMP/lines")"
# The floor notice, the first line of every session, is one of them.
run 0 --schedule box-breathing
floor=$(head -n 1 "$TMP/out" | cut -f4)
[ -n "$floor" ] || fail "--schedule shows no floor notice"
cut -f2 "$TMP/lines" | grep -qxF -- "$floor" ||
    fail "the floor notice is not among the spoken lines: $floor"
[ -f "$MANIFEST" ] || fail "no $MANIFEST: $FIX"
[ "$(head -n 1 "$MANIFEST")" = "# hash	file	seconds	text" ] ||
    fail "$MANIFEST: the first line is not the header"
grep -v '^#' "$MANIFEST" >"$TMP/rows"
LC_ALL=C sort -c -t'	' -k1,1 "$TMP/rows" || fail "$MANIFEST is not sorted by hash"

# Every spoken line has a row with its words; every row is a spoken line.
awk -F'\t' -v fix="$FIX" '
    NR == FNR { text[$1] = $4; file[$1] = $2; next }
    { seen[$1] = 1
      if (!($1 in text)) { print "no clip for: " $2; bad = 1 }
      else if (text[$1] != $2) { print "clip " $1 " speaks other words: " text[$1]; bad = 1 }
      else if (file[$1] != $1 ".ogg") { print "clip " $1 ": file " file[$1]; bad = 1 } }
    END {
      for (h in text) if (!(h in seen)) { print "clip no line speaks: " h " " text[h]; bad = 1 }
      if (bad) print fix
      exit bad
    }' "$TMP/rows" "$TMP/lines" >&2 || fail "the clips do not match the spoken lines"

# No stray clip files.
for f in "$VOICE"/*.ogg; do
    h=$(basename "$f" .ogg)
    grep -q "^$h	" "$TMP/rows" || fail "$f is in no manifest row: $FIX"
done

# Each clip decodes, lasts what its row says (within 20 ms) and what its
# words need at a calm pace (0.25 to 0.8 s a word, plus a second), and
# sits at one loudness: RMS -22 dBFS within 1 dB, peaks at most -6 dBFS.
n=0
while IFS='	' read -r h file seconds text; do
    f=$VOICE/$file
    sox "$f" -n stats >"$TMP/stats" 2>&1 || { cat "$TMP/stats" >&2; fail "$f does not decode"; }
    len=$(awk '/^Length s/ { print $3 }' "$TMP/stats")
    rms=$(awk '/^RMS lev dB/ { print $4 }' "$TMP/stats")
    peak=$(awk '/^Pk lev dB/ { print $4 }' "$TMP/stats")
    words=$(printf '%s\n' "$text" | wc -w)
    awk -v len="$len" -v s="$seconds" -v w="$words" -v rms="$rms" -v pk="$peak" -v f="$f" '
        BEGIN {
            d = len - s; if (d < 0) d = -d
            if (len == "" || d > 0.02) { print f ": lasts " len " s, the manifest says " s; exit 1 }
            if (len < 0.25 * w || len > 0.8 * w + 1) { print f ": " len " s for " w " words"; exit 1 }
            if (rms < -23 || rms > -21) { print f ": RMS " rms " dBFS, not -22"; exit 1 }
            if (pk > -6) { print f ": peaks at " pk " dBFS"; exit 1 }
        }' >&2 || fail "clip $h: $text"
    n=$((n + 1))
done <"$TMP/rows"
echo "$n clips match the spoken lines"
