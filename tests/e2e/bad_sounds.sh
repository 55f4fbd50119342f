# bad_sounds.sh: a session whose sound file is empty, mislabelled, cut
# short, damaged, too big or too long is refused by --render and
# --schedule with exit 2 and one exact line, SESSION-FILE:LINE: and the
# reason, without a crash, a hang or memory out of bounds; good files in
# every format still play. The files are in tests/data/sounds/ (see
# make.sh there); the big ones are made here.
. "$(dirname "$0")/lib.sh"

command -v sox >/dev/null || fail "sox is needed (scripts/install-deps)"
S="$TMP/sounds"
cp -r "$DATA/sounds" "$S"
# Over 64 MB (sparse: it takes no room on disk).
truncate -s 65M "$S/big.ogg"
# Eleven minutes by their headers, the sound all there.
sox -n -r 8000 -c 1 -b 8 "$S/long.wav" trim 0 660
sox -n -r 8000 -c 1 -C -1 "$S/eleven-minutes.ogg" trim 0 660
# Two hours of silence in 190 kB, its length left out of the header: only
# decoding finds it out, and decoding stops at the budget.
sox -n -r 8000 -c 1 "$S/undeclared.flac" trim 0 7200
b=$(od -An -tu1 -j21 -N1 "$S/undeclared.flac" | tr -d ' ')
printf "\\$(printf %03o $((b & 240)))\\0\\0\\0\\0" |
    dd of="$S/undeclared.flac" bs=1 seek=21 conv=notrunc status=none

# Just under the limit, at CD rate: whole, resampled to 48 kHz (once,
# SDL's resampler made it 34 ms shorter than its header said).
sox -n -r 44100 -c 1 "$S/nine-fifty.flac" synth 590 sine 440 gain -20

CFG="$S/sounds.cfg"

# good NAME: the session renders.
good() {
    run 0 --config "$CFG" --render "$1" --no-voice -o "$TMP/good.wav"
    [ -s "$TMP/good.wav" ] || fail "$1: no render"
}

# bad NAME LINE MESSAGE: --render fails with exactly this one line on
# stderr, exit 2, and leaves no file; so does --schedule.
bad() {
    expect="$CFG:$2: sound file $3"
    rm -f "$TMP/bad.wav"
    run 2 --config "$CFG" --render "$1" --no-voice -o "$TMP/bad.wav"
    [ "$(cat "$TMP/err")" = "$expect" ] ||
        fail "$1: stderr is
$(cat "$TMP/err")
instead of
$expect"
    [ ! -e "$TMP/bad.wav" ] || fail "$1: a render was left behind"
    run 2 --config "$CFG" --schedule "$1" --no-voice
    [ "$(cat "$TMP/err")" = "$expect" ] || fail "$1: --schedule says $(cat "$TMP/err")"
}

good tone-wav
good tone-ogg
good tone-flac
good tone-mp3
good tone-opus
good nine-fifty-flac

bad empty-ogg 15 "'empty.ogg' is empty"
bad random-ogg 17 "'random.ogg' holds no sound stillpoint can play (Ogg Vorbis or Opus, FLAC, WAV or MP3)"
bad mp3-named-ogg 19 "'mp3-named.ogg' holds MP3 audio, not Ogg: name it .mp3"
bad wav-named-ogg 21 "'wav-named.ogg' holds WAV audio, not Ogg: name it .wav"
bad song-mid 23 "'song.mid' holds no sound stillpoint can play (Ogg Vorbis or Opus, FLAC, WAV or MP3)"
bad movie-wav 25 "'movie.wav' holds no sound stillpoint can play (Ogg Vorbis or Opus, FLAC, WAV or MP3)"
bad cut-wav 27 "'cut.wav' is cut short: its header declares 16000 bytes of sound but the file holds 5956"
bad cut-flac 29 "'cut.flac' is cut short: it should last 0.5 s but holds only 0.2 s"
bad cut-ogg 31 "'cut.ogg' is cut short: it ends inside an Ogg page"
bad cut-page-ogg 33 "'cut-page.ogg' is cut short: its Ogg stream stops before its last page"
bad huge-header-wav 35 "'huge-header.wav' is cut short: its header declares 4294967280 bytes of sound but the file holds 16000"
bad rate-1hz-wav 37 "'rate-1hz.wav' declares a sample rate of 1 Hz; stillpoint plays 8000 to 192000 Hz"
bad rate-4ghz-wav 39 "'rate-4ghz.wav' declares a sample rate of 4000000000 Hz; stillpoint plays 8000 to 192000 Hz"
bad channels-wav 41 "'channels.wav' has 200 channels; stillpoint plays at most 8"
bad no-data-wav 43 "'no-data.wav' holds no sound: it has no data chunk"
bad no-fmt-wav 45 "'no-fmt.wav' is damaged: it has no format (fmt) chunk"
bad silent-wav 47 "'silent.wav' holds no sound"
bad no-streaminfo-flac 49 "'no-streaminfo.flac' is damaged: its FLAC header does not start with the stream information"
bad not-vorbis-ogg 51 "'not-vorbis.ogg' holds Ogg data that is neither Vorbis nor Opus audio"
bad eleven-minutes-flac 53 "'eleven-minutes.flac' lasts 11:00; the limit for one sound file is 10:00"
bad big-ogg 55 "'big.ogg' is 65 MB; the limit for one sound file is 64 MB"
bad long-wav 57 "'long.wav' lasts 11:00; the limit for one sound file is 10:00"
bad eleven-minutes-ogg 59 "'eleven-minutes.ogg' lasts 11:00; the limit for one sound file is 10:00"
bad bad-setup-ogg 67 "'bad-setup.ogg' cannot be decoded: its stream headers are damaged (Vorbis)"

# The undeclared two hours: refused, in bounded memory (the budget is
# 263 MB; the sanitizers add their own), and in bounded time.
start=$(date +%s)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$TMP/rss" "$STILLPOINT" --config "$CFG" \
        --render undeclared-flac --no-voice -o "$TMP/bad.wav" \
        >"$TMP/out" 2>"$TMP/err" && fail "undeclared.flac rendered"
    rss=$(tail -n1 "$TMP/rss")
    [ "$rss" -lt 700000 ] || fail "undeclared.flac: $rss kB resident"
    echo "undeclared two hours: refused with $((rss / 1024)) MB resident"
else
    run 2 --config "$CFG" --render undeclared-flac --no-voice -o "$TMP/bad.wav"
fi
[ $(($(date +%s) - start)) -lt 60 ] || fail "undeclared.flac took over a minute"
has "$TMP/err" "$CFG:61: sound file 'undeclared.flac' lasts over 10:00, the limit for one sound file"

# A FIFO (which would block a reader forever) or a folder in a sound's
# place is refused when the session file loads.
mkfifo "$S/fifo.ogg"
mkdir "$S/folder.ogg"
cat >"$S/special.cfg" <<'EOF'
version = 1;
sessions = (
  { name = "fifo"; title = "FIFO"; type = "bodywork"; steps = ( { silence = 1; } );
    sounds = { end = "fifo.ogg"; }; },
  { name = "folder"; title = "Folder"; type = "bodywork"; steps = ( { silence = 1; } );
    sounds = { end = "folder.ogg"; }; }
);
EOF
run 2 --config "$S/special.cfg" --render fifo --no-voice -o "$TMP/bad.wav"
has "$TMP/err" "$S/special.cfg:4: sound file 'fifo.ogg' is not a regular file"
has "$TMP/err" "$S/special.cfg:6: sound file 'folder.ogg' is not a regular file"
# --check judges every sound by its content too, not only a render: a
# session file given as a sound (one that would smuggle a second session
# file into a bundle) is refused there, naming the setting's line.
run 2 --check "$CFG"
has "$TMP/err" "$CFG:17: sound file 'random.ogg' holds no sound stillpoint can play"
has "$TMP/err" "$CFG:21: sound file 'wav-named.ogg' holds WAV audio, not Ogg: name it .wav"
cp "$DATA/good/chime.wav" "$S/chime.wav"
cat >"$S/hidden.cfg" <<'EOF'
version = 1;
sessions = ( { name = "hidden"; title = "Hidden"; type = "bodywork";
               steps = ( { hold = "Press firmly"; seconds = 600; } ); } );
EOF
cat >"$S/smuggler.cfg" <<'EOF'
version = 1;
sessions = (
  { name = "a-relax"; title = "A harmless relaxation"; type = "breathing";
    sounds = { inhale = "chime.wav"; end = "hidden.cfg"; };
    steps = ( { say = "Relax."; } ); }
);
EOF
run 2 --check "$S/smuggler.cfg"
[ "$(cat "$TMP/err")" = "$S/smuggler.cfg:4: sound file 'hidden.cfg' holds no sound stillpoint can play (Ogg Vorbis or Opus, FLAC, WAV or MP3)" ] ||
    fail "--check of a session file given as a sound says: $(cat "$TMP/err")"
echo "bad_sounds: ok"
