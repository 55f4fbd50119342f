# levels.sh: no render of any built-in session peaks above -3 dBFS, and
# none is so quiet it cannot be followed: the loudest layer of each is
# within a sane range. Rendered to a pipe, measured by sox.
. "$(dirname "$0")/lib.sh"

"$STILLPOINT" --list | cut -f1 >"$TMP/names"
[ -s "$TMP/names" ] || fail "no sessions listed"
while read -r name; do
    "$STILLPOINT" --render "$name" -o - 2>"$TMP/err" | sox -t wav - -n stats 2>"$TMP/stats" ||
        { cat "$TMP/err" >&2; fail "$name: render failed"; }
    peak=$(awk '/^Pk lev dB/ { print $4 }' "$TMP/stats")
    rms=$(awk '/^RMS lev dB/ { print $4 }' "$TMP/stats")
    awk -v p="$peak" 'BEGIN { exit !(p <= -3.0) }' || fail "$name peaks at $peak dBFS (limit -3)"
    awk -v p="$peak" 'BEGIN { exit !(p >= -24.0) }' || fail "$name is too quiet: peak $peak dBFS"
    printf '%s: peak %s dBFS, RMS %s dBFS\n' "$name" "$peak" "$rms"
done <"$TMP/names"
echo "levels: ok"
