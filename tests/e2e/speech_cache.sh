# speech_cache.sh: a line the synthesizer spoke once is kept on disk and
# read back: the second render of a text-only session is the same to the
# byte and many times faster; a damaged, cut or swapped entry is made
# again, never played; with no cache to write (its folder cannot be made,
# or the disk is full) speech is made in memory and nothing alarming is
# said; and a long text-only session renders in bounded memory, its lines
# read in just before they are heard and let go after.
. "$(dirname "$0")/lib.sh"

R="$RELEASE"
CACHE="$XDG_CACHE_HOME/stillpoint/speech"

# text_session FILE NAME LINES WORDS: a text-only body scan.
text_session() {
    awk -v name="$2" -v lines="$3" -v words="$4" 'BEGIN {
        split("breathe slowly and notice the weight of your body resting " \
              "on the chair let your shoulders soften feel the air moving " \
              "in and out of your chest allow the jaw to relax", w, " ")
        print "version = 1;\nsessions = (\n  { name = \"" name "\"; " \
              "title = \"Spoken scan\"; type = \"body-scan\";\n    steps = ("
        for (i = 1; i <= lines; i++) {
            s = "Line " i "."
            for (j = 0; j < words; j++) s = s " " w[1 + (i * 7 + j * 3) % 30]
            printf "      { say = \"%s.\"; seconds = 1; }%s\n", s, i < lines ? "," : ""
        }
        print "    ); }\n);"
    }' >"$1"
}

# seconds CMD...: how long CMD takes, in hundredths.
hundredths() {
    start=$(date +%s%N)
    "$@" >/dev/null 2>"$TMP/err" || fail "$* failed: $(cat "$TMP/err")"
    echo $((($(date +%s%N) - start) / 10000000))
}

text_session "$TMP/spoken.cfg" spoken 12 25
cold=$(hundredths "$R" --config "$TMP/spoken.cfg" --render spoken --no-ambient -o "$TMP/cold.wav")
entries=$(ls "$CACHE" | grep -c '\.pcm$')
[ "$entries" -eq 12 ] || fail "$entries lines in the cache, not 12"
[ "$(stat -c %a "$CACHE")" = 700 ] || fail "the cache folder is $(stat -c %a "$CACHE")"
for f in "$CACHE"/*.pcm; do
    [ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
done
warm=$(hundredths "$R" --config "$TMP/spoken.cfg" --render spoken --no-ambient -o "$TMP/warm.wav")
cmp "$TMP/cold.wav" "$TMP/warm.wav" || fail "the lines read back differ from the lines made"
[ $((warm * 4)) -lt "$cold" ] || fail "from the cache in ${warm}0 ms, made in ${cold}0 ms"
echo "12 lines: made in ${cold}0 ms, from the cache in ${warm}0 ms"

# Damaged entries: a flipped byte in the samples, one cut short, and one
# holding another line's entry under its name. Each is made again.
set -- "$CACHE"/*.pcm
printf '\377\377\377\377' | dd of="$1" bs=1 seek=20000 conv=notrunc status=none
truncate -s 30000 "$2"
cp "$4" "$3"
run 0 --config "$TMP/spoken.cfg" --render spoken --no-ambient -o "$TMP/mended.wav"
cmp "$TMP/cold.wav" "$TMP/mended.wav" || fail "a damaged entry was played"
[ ! -s "$TMP/err" ] || fail "a damaged cache entry was reported: $(cat "$TMP/err")"
run 0 --config "$TMP/spoken.cfg" --render spoken --no-ambient -o "$TMP/again.wav"
cmp "$TMP/cold.wav" "$TMP/again.wav" || fail "the mended entries differ"

# No cache: its folder cannot be made (a file is in the way), or every
# write fails (no room for any file: ulimit -f 0 makes each write fail
# as a full disk does). Speech is made in memory, the render is the same,
# and nothing is said about it.
: >"$TMP/not-a-folder"
XDG_CACHE_HOME="$TMP/not-a-folder" run 0 --config "$TMP/spoken.cfg" \
    --render spoken --no-ambient -o "$TMP/nocache.wav"
cmp "$TMP/cold.wav" "$TMP/nocache.wav" || fail "without a cache the render differs"
[ ! -s "$TMP/err" ] || fail "without a cache: $(cat "$TMP/err")"
# (The render goes to a pipe, which the file-size limit does not touch.)
XDG_CACHE_HOME="$TMP/full" sh -c 'ulimit -f 0 && exec "$@"' sh "$STILLPOINT" \
    --config "$TMP/spoken.cfg" --render spoken --no-ambient -o - \
    2>"$TMP/err" | cat >"$TMP/full.wav"
cmp "$TMP/cold.wav" "$TMP/full.wav" || fail "with a full disk the render differs"
[ ! -s "$TMP/err" ] || fail "with a full disk: $(cat "$TMP/err")"
[ -z "$(ls -A "$TMP/full/stillpoint/speech")" ] || fail "a full disk left: $(ls -A "$TMP/full/stillpoint/speech")"

# Forty long lines, about twenty minutes of speech: all of it in memory
# would take 120 MB more. Rendered with the plain build, cold and warm.
text_session "$TMP/long.cfg" long 40 70
for pass in cold warm; do
    /usr/bin/time -f %M -o "$TMP/rss" "$R" --config "$TMP/long.cfg" \
        --render long --no-ambient -o "$TMP/long-$pass.wav" 2>"$TMP/err" ||
        fail "long: $(cat "$TMP/err")"
    rss=$(tail -n1 "$TMP/rss")
    minutes=$(soxi -D "$TMP/long-$pass.wav" | awk '{ printf "%.0f", $1 / 60 }')
    echo "long, $pass: $minutes minutes rendered in $((rss / 1024)) MB resident"
    [ "$minutes" -ge 18 ] || fail "long: only $minutes minutes"
    [ "$rss" -lt 61440 ] || fail "long, $pass: $rss kB resident"
done
cmp "$TMP/long-cold.wav" "$TMP/long-warm.wav" || fail "long: warm render differs"
# The same session played in the window (sound captured faster than real
# time), its lines read from the cache: bounded memory there too.
window_setup
export SDL_DISKAUDIODELAY=0
STILLPOINT="$R" start --config "$TMP/long.cfg" long
pass_before
wait_title "— running —"
peak=0
for i in $(seq 600); do
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
    case "$(title)" in *"— after"*) break ;; esac
    sleep 0.1
done
wait_title "— after"
echo "long, in the window: $((peak / 1024)) MB resident at most"
[ "$peak" -lt 61440 ] || fail "long, in the window: $peak kB resident"
key Escape
wait_exit
echo "speech_cache: ok"
