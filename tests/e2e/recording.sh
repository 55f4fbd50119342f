# recording.sh: a play step with a 30-minute recording (an MP3 made here
# by sox: a soft 200 Hz tone with a 1 kHz burst 25 minutes in), captioned
# in WebVTT and in SubRip: checked, scheduled, rendered with the burst at
# its time, played in the window with bounded memory, paused and stopped
# mid-recording. A cue sound keeps its 10-minute limit; a recording over
# four hours, a captions file that is a link or a FIFO are refused with
# the line that names them. A recording damaged midway plays up to the
# damage; the running screen says where and why, and the session goes on.
. "$(dirname "$0")/lib.sh"

command -v sox >/dev/null || fail "sox is needed (scripts/install-deps)"
sox -h | grep -q 'AUDIO FILE FORMATS:.* mp3' ||
    fail "sox cannot write MP3: libsox-fmt-mp3 is needed (scripts/install-deps)"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D="$TMP/own"
mkdir -p "$D"
sox -m "|sox -n -r 22050 -c 1 -p synth 1800 sine 200 vol 0.1" \
    "|sox -n -r 22050 -c 1 -p synth 0.5 sine 1000 vol 0.8 pad 1500" \
    -C 32 "$D/scan.mp3"
printf 'WEBVTT\n\n00:00:02.000 --> 00:00:20.000\nLet your breath settle.\n\n00:25:00.000 --> 00:25:03.000\nA bell.\n' >"$D/scan.vtt"
printf '1\n00:00:02,000 --> 00:00:20,000\nLet your breath settle.\n\n2\n00:25:00,000 --> 00:25:03,000\nA bell.\n' >"$D/scan.srt"
cat >"$D/own.cfg" <<'EOF'
version = 1;
sessions = (
  { name = "own-vtt"; title = "Own scan"; type = "body-scan";
    steps = ( { play = "scan.mp3"; captions = "scan.vtt"; },
              { say = "Welcome back."; seconds = 1; } ); },
  { name = "own-srt"; title = "Own scan, SubRip"; type = "body-scan";
    steps = ( { play = "scan.mp3"; captions = "scan.srt"; } ); }
);
EOF

# 1. --check takes it; the recording lasts 30 minutes on the schedule.
run 0 --check "$D/own.cfg"
has "$TMP/out" "ok (2 sessions)"
run 0 --config "$D/own.cfg" --schedule own-vtt
at=$(awk -F'\t' '$2 == "play" { print $1 }' "$TMP/out")
next=$(awk -F'\t' '$2 == "say" && $4 == "Welcome back." { print $1 }' "$TMP/out")
[ -n "$at" ] || fail "no play cue: $(cat "$TMP/out")"
awk -v a="$at" -v n="$next" 'BEGIN { d = n - a; exit !(d >= 1800 && d < 1800.2) }' ||
    fail "the recording takes $at to $next on the schedule, not 30:00"
has "$TMP/out" "play	scan.mp3"
# Its captions are cues, from the .vtt and from the .srt.
has "$TMP/out" "caption	-	Let your breath settle."
run 0 --config "$D/own.cfg" --schedule own-srt
has "$TMP/out" "caption	-	A bell."

# 2. --render: the burst sounds 1500 s after the play cue, the tone around
# it, through the release build (the sanitizer build renders the same
# samples, slower).
"$RELEASE" --config "$D/own.cfg" --render own-vtt -o "$TMP/own.wav" 2>"$TMP/err" ||
    fail "render failed: $(cat "$TMP/err")"
freq() { # FROM LENGTH: the rough frequency of the render there
    sox "$TMP/own.wav" -n trim "$1" "$2" remix 1 stat 2>&1 | awk '/Rough/ { print $3 }'
}
near() { awk -v f="$1" -v w="$2" 'BEGIN { exit !(f > w * 0.95 && f < w * 1.05) }'; }
b=$(awk -v a="$at" 'BEGIN { print a + 1500 }')
f1=$(freq "$(awk -v b="$b" 'BEGIN { print b - 0.6 }')" 0.5)
f2=$(freq "$(awk -v b="$b" 'BEGIN { print b + 0.05 }')" 0.4)
f3=$(freq "$(awk -v b="$b" 'BEGIN { print b + 0.6 }')" 0.5)
near "$f1" 200 && near "$f2" 1000 && near "$f3" 200 ||
    fail "around ${b} s the render has $f1 Hz, $f2 Hz, $f3 Hz, not 200, 1000, 200"
rm -f "$TMP/own.wav"

# 3. The same recording as a line's voice clip: the 10-minute limit.
cat >"$D/clip.cfg" <<'END'
version = 1;
sessions = (
  { name = "clip"; title = "Clip"; type = "body-scan";
    steps = ( { say = "Hello."; voice = "scan.mp3"; } ); }
);
END
run 2 --config "$D/clip.cfg" --render clip -o "$TMP/x.wav"
has "$TMP/err" "clip.cfg:4: sound file 'scan.mp3' lasts over 10:00, the limit for one sound file"

# 4. Over four hours (a WAV header declaring 4:00:01 of 8 kHz 8-bit mono,
# the rest of it a hole in the file), a link and a FIFO as captions.
{
    printf 'RIFF\377\377\377\377WAVEfmt \020\000\000\000\001\000\001\000'
    printf '\100\037\000\000\100\037\000\000\001\000\010\000data'
    printf '\100\357\335\006' # 115 208 000 bytes: 14 401 s
} >"$D/long.wav"
truncate -s 115208044 "$D/long.wav"
ln -s scan.vtt "$D/link.vtt"
mkfifo "$D/fifo.vtt"
cat >"$D/bad.cfg" <<'EOF'
version = 1;
sessions = (
  { name = "long"; title = "Long"; type = "body-scan";
    steps = ( { play = "long.wav"; } ); },
  { name = "link"; title = "Link"; type = "body-scan";
    steps = ( { play = "scan.mp3";
                captions = "link.vtt"; } ); },
  { name = "fifo"; title = "Fifo"; type = "body-scan";
    steps = ( { play = "scan.mp3";
                captions = "fifo.vtt"; } ); }
);
EOF
run 2 --check "$D/bad.cfg"
has "$TMP/err" "bad.cfg:4: sound file 'long.wav' lasts 4:00:01; the limit for a recording is 4:00:00"
has "$TMP/err" "bad.cfg:7: captions file 'link.vtt' is a link; name the file itself"
has "$TMP/err" "bad.cfg:10: captions file 'fifo.vtt' is not a regular file"
# Two recordings within their own limit, together past four hours: the
# session's limit holds on its true length.
{
    printf 'RIFF\377\377\377\377WAVEfmt \020\000\000\000\001\000\001\000'
    printf '\100\037\000\000\100\037\000\000\001\000\010\000data'
    printf '\100\001\103\003' # 54 722 880 bytes: 6840.4 s
} >"$D/half.wav"
truncate -s 54722924 "$D/half.wav"
cat >"$D/twice.cfg" <<'EOF'
version = 1;
sessions = (
  { name = "twice"; title = "Twice"; type = "body-scan";
    steps = ( { play = "half.wav"; }, { play = "half.wav"; }, { play = "half.wav"; } ); }
);
EOF
run 2 --check "$D/twice.cfg"
has "$TMP/err" "twice.cfg:3: session 'twice' lasts 5 h 42 min with its recordings and speech; the limit is 4 hours"

# 5. The window: the recording plays (its tone reaches the device), pause
# freezes the clock, Esc stops it mid-recording.
window_setup
start --config "$D/own.cfg" own-vtt
pass_before
wait_title "— running —"
sleep 12 # past the floor notice, six seconds into the recording
cp "$TMP/live.raw" "$TMP/heard.raw" # the device's file starts anew later
bytes=$(wc -c <"$TMP/heard.raw")
shown "Let your breath settle."
key space
wait_title "— paused —"
t1=$(title)
sleep 2
[ "$(title)" = "$t1" ] || fail "the clock moved while paused: '$t1' then '$(title)'"
key space
wait_title "— running —"
key Escape
wait_title "— after"
key Escape
wait_exit
# The two seconds of sound before the pause hold the recording's tone.
skip=$(( bytes / 4 - 3 * 48000 ))
[ "$skip" -gt 0 ] || fail "only $bytes bytes reached the device"
f=$(sox -t raw -r 48000 -e signed -b 16 -c 2 "$TMP/heard.raw" -n trim "${skip}s" 96000s \
    remix 1 stat 2>&1 | awk '/Rough/ { print $3 }')
near "$f" 200 || fail "the device got $f Hz while the recording played, not 200"

# 6. Memory while it plays, in the release build (the sanitizers' own
# memory would swamp it): anonymous memory under 40 MB.
STILLPOINT="$RELEASE"
start --config "$D/own.cfg" own-srt
pass_before
wait_title "— running —"
sleep 10
rss=$(awk '/RssAnon/ { print $2 }' "/proc/$PID/status")
key Escape
wait_title "— after"
key Escape
wait_exit
[ "$rss" -lt 40960 ] || fail "anonymous memory $((rss / 1024)) MB while the recording plays"
echo "recording.sh: anonymous memory while a 30-minute recording plays: $((rss / 1024)) MB"

# 7. A recording damaged midway (two minutes of Ogg Vorbis, 3000 bytes in
# its middle overwritten) passes every check: its header declares its
# length. The window plays it (sound captured faster than real time):
# where the damage is, the running screen says so, once, and the session
# keeps its clock and its captions; Esc still stops it.
sox -n -r 44100 -c 2 "$D/damaged.ogg" synth 120 sine 300 vol 0.2
head -c 3000 /dev/zero | tr '\0' x |
    dd of="$D/damaged.ogg" bs=1 seek=$(($(wc -c <"$D/damaged.ogg") / 2)) \
        conv=notrunc status=none
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:20.000\nBefore the damage.\n\n00:01:40.000 --> 00:01:55.000\nAfter the damage.\n' >"$D/damaged.vtt"
cat >"$D/damaged.cfg" <<'EOF2'
version = 1;
sessions = (
  { name = "damaged"; title = "Damaged"; type = "body-scan";
    steps = ( { play = "damaged.ogg"; captions = "damaged.vtt"; },
              { silence = 600; } ); }
);
EOF2
run 0 --check "$D/damaged.cfg"
# --render renders it whole (silence past the damage) and says so: exit 1.
run 1 --config "$D/damaged.cfg" --render damaged -o "$TMP/damaged.wav"
has "$TMP/err" "damaged.cfg:4: sound file 'damaged.ogg' could not be read past "
[ -s "$TMP/damaged.wav" ] || fail "the render of a damaged recording left no file"
export SDL_DISKAUDIODELAY=0
start --config "$D/damaged.cfg" damaged
pass_before
wait_title "— running —"
for i in $(seq 600); do
    grep -qF "could not be read past" "$TMP/screen.txt" && break
    sleep 0.1
done
shown "damaged.cfg:4: sound file 'damaged.ogg' could not be read past "
shown ": Ogg pages are missing or damaged (Vorbis); the session goes on without it."
past=$(grep -o "read past [0-9.]* s" "$TMP/screen.txt" | head -n1 | awk '{ print $3 }')
awk -v p="$past" 'BEGIN { exit !(p > 40 && p < 80) }' ||
    fail "the recording failed at '$past' s, not near its middle (60 s)"
shown "After the damage."
l1=$(left)
sleep 1
l2=$(left)
[ -n "$l1" ] && [ -n "$l2" ] && [ "$l2" -lt "$l1" ] ||
    fail "the clock stopped after the failure: '$l1' then '$l2' left"
case "$(title)" in *"— running —"*) ;; *) fail "not running: $(title)" ;; esac
key Escape
wait_title "— after"
key Escape
wait_exit
echo "recording.sh: the damaged recording was told at ${past} s into it"
unset SDL_DISKAUDIODELAY
