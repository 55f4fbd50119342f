# captions.sh: --captions-session, a session file made from a captions
# file. The body scan in tests/data/captions/ as WebVTT and as SubRip gives
# the same steps: a say line per caption with its words and its time mark.
# Captions as YouTube and an insurer's transcript write them (rolling
# lines, lines of spaces, CRLF) give each line once.
# With --recording, one play step naming the recording and the captions.
# The output goes to stdout, or to a new file (never over a file, never
# through a link); a bad captions file, a folder, a FIFO or a missing
# file is refused with FILE:LINE messages and exit 2, and nothing is
# written. The file made passes --check once the session format has the
# keys it uses (see the guards at the end).
. "$(dirname "$0")/lib.sh"
CAP="$DATA/captions"

run 0 --captions-session "$CAP/body-scan.vtt"
cp "$TMP/out" "$TMP/vtt.cfg"
[ "$(grep -c '{ say = ' "$TMP/vtt.cfg")" = 20 ] || fail "not 20 say steps"
has "$TMP/vtt.cfg" 'name = "body-scan";'
has "$TMP/vtt.cfg" 'title = "Body scan";'
has "$TMP/vtt.cfg" 'type = "body-scan";'
has "$TMP/vtt.cfg" 'choose the one that fits'
# Tags gone, references decoded, lines joined; marks as written times.
has "$TMP/vtt.cfg" '{ say = "Welcome. This is a ten-minute body scan. You can stop at any moment."; at = "0:00"; seconds = 0; },'
has "$TMP/vtt.cfg" 'say = "Take a slow breath in through your nose… and let it go."; at = "0:18";'
has "$TMP/vtt.cfg" 'just say hello to it & let it be."; at = "3:35";'
has "$TMP/vtt.cfg" 'say = "There is nothing to change. Just notice what is there: warmth, coolness, tingling, or nothing at all."; at = "1:10";'
has "$TMP/vtt.cfg" 'at = "9:20"; seconds = 0; }'
! grep -q '<\|{\\' "$TMP/vtt.cfg" || fail "markup left in the session"

# The SubRip twin: the same steps (only the file's name differs).
run 0 --captions-session "$CAP/body-scan.srt" -o -
grep -v 'body-scan\.\(vtt\|srt\)' "$TMP/vtt.cfg" >"$TMP/a"
grep -v 'body-scan\.\(vtt\|srt\)' "$TMP/out" >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" || { diff "$TMP/a" "$TMP/b" >&2; fail "the .srt and the .vtt give different sessions"; }

# Quotes and backslashes in a caption come back as written; a time from
# one hour on is written H:MM:SS.
printf 'WEBVTT\n\n59:59.5 --> 1:00:01.000\nSay "ah" \\ rest.\n\n01:02:03.456 --> 01:02:05.000\nRest.\n' >"$TMP/Quoted File.vtt"
run 0 --captions-session "$TMP/Quoted File.vtt"
has "$TMP/out" '{ say = "Say \"ah\" \\ rest."; at = "59:59.5"; seconds = 0; },'
has "$TMP/out" '{ say = "Rest."; at = "1:02:03.456"; seconds = 0; }'
has "$TMP/out" 'name = "quoted-file";'

# -o: a new file, and a line saying so; never over a file or a link.
mkdir "$TMP/s"
run 0 --captions-session "$CAP/body-scan.vtt" -o "$TMP/s/scan.cfg"
has "$TMP/out" "scan.cfg: made from"
cmp -s "$TMP/s/scan.cfg" "$TMP/vtt.cfg" || fail "-o wrote other bytes than stdout"
[ "$(ls -A "$TMP/s")" = scan.cfg ] || fail "left behind: $(ls -A "$TMP/s")"
echo mine >"$TMP/s/mine.cfg"
run 2 --captions-session "$CAP/body-scan.vtt" -o "$TMP/s/mine.cfg"
has "$TMP/err" "mine.cfg: already exists; give a new name"
[ "$(cat "$TMP/s/mine.cfg")" = mine ] || fail "an existing file was written over"
ln -s "$TMP/s/mine.cfg" "$TMP/s/link.cfg"
run 2 --captions-session "$CAP/body-scan.vtt" -o "$TMP/s/link.cfg"
has "$TMP/err" "link.cfg: is a symbolic link; stillpoint will not write through it"
[ "$(cat "$TMP/s/mine.cfg")" = mine ] || fail "written through a link"
ln -s "$TMP/s/nowhere.cfg" "$TMP/s/dangling.cfg"
run 2 --captions-session "$CAP/body-scan.vtt" -o "$TMP/s/dangling.cfg"
[ ! -e "$TMP/s/nowhere.cfg" ] || fail "a file was made through a dangling link"
[ "$(ls -A "$TMP/s" | wc -l)" = 4 ] || fail "left behind: $(ls -A "$TMP/s")"

# --recording: one play step; the captions by their base name.
run 0 --captions-session "$CAP/body-scan.srt" --recording "scan.wav" -o "$TMP/s/play.cfg"
has "$TMP/s/play.cfg" '{ play = "scan.wav"; captions = "body-scan.srt"; }'
! grep -q 'say = ' "$TMP/s/play.cfg" || fail "say steps with --recording"
run 2 --recording scan.wav --list
has "$TMP/err" "--recording goes with --captions-session"
run 2 --captions-session "$CAP/body-scan.srt" --recording "$(printf 'scan\033[2J.ogg')"
has "$TMP/err" "--recording: control character U+001B in text"

# Refused inputs: exit 2, FILE:LINE, nothing on stdout.
run 2 --captions-session "$CAP/bad/out_of_order.vtt"
has "$TMP/err" "out_of_order.vtt:6: the caption starts at 00:05.000, before the one above it (00:10.000, line 3)"
[ ! -s "$TMP/out" ] || fail "a session printed for a bad file"
run 2 --captions-session "$CAP/bad/several.vtt" -o "$TMP/s/several.cfg"
[ "$(wc -l <"$TMP/err")" = 4 ] || fail "several.vtt: not its four problems: $(cat "$TMP/err")"
[ ! -e "$TMP/s/several.cfg" ] || fail "a session written for a bad file"
run 2 --captions-session "$CAP/bad/nul.srt"
has "$TMP/err" "nul.srt:3: a NUL byte"
run 2 --captions-session "$TMP/s"
has "$TMP/err" "not a regular file"
mkfifo "$TMP/fifo.vtt"
run 2 --captions-session "$TMP/fifo.vtt" # never waits for a writer
has "$TMP/err" "fifo.vtt: not a regular file"
run 2 --captions-session "$TMP/none.vtt"
has "$TMP/err" "none.vtt: cannot open"
head -c $((4 * 1024 * 1024 + 1)) /dev/zero >"$TMP/big.vtt"
run 2 --captions-session "$TMP/big.vtt"
has "$TMP/err" "big.vtt: the file is 4194305 bytes; captions files are limited to"

# More captions than a session has steps: split, or play the recording.
{ printf 'WEBVTT\n'
  i=0; while [ $i -lt 1001 ]; do
      printf '\n%02d:%02d:%02d.000 --> %02d:%02d:%02d.500\nLine %d.\n' \
          $((i / 3600)) $((i / 60 % 60)) $((i % 60)) $((i / 3600)) $((i / 60 % 60)) $((i % 60)) $i
      i=$((i + 1))
  done; } >"$TMP/long.vtt"
run 2 --captions-session "$TMP/long.vtt"
has "$TMP/err" "long.vtt: 1001 captions, and a session holds at most 1000 steps"
run 0 --captions-session "$TMP/long.vtt" --recording long.ogg

# The sessions made pass --check: the say session with its time marks
# (the lines spoken to know their length), the play session with its
# recording and captions.
run 0 --check "$TMP/s/scan.cfg"
has "$TMP/out" "scan.cfg: ok (1 session"
cp "$CAP/body-scan.srt" "$TMP/s/"
sox -n -r 8000 -c 1 -b 16 "$TMP/s/scan.wav" synth 600 sine 440 vol 0.1
run 0 --check "$TMP/s/play.cfg"
has "$TMP/out" "play.cfg: ok (1 session"
# The play session's schedule lists the captions as cues at their times.
run 0 --config "$TMP/s/play.cfg" --schedule "$(awk -F'"' '/name =/ { print $2; exit }' "$TMP/s/play.cfg")"
grep -q "	caption	" "$TMP/out" || fail "no caption cues: $(cat "$TMP/out")"
# Captions as tools write them. YouTube's automatic captions: a line of
# one space above or under the words, each line again at the top of the
# next caption, 10 ms captions holding the line before. Each line is said
# once, at its time.
mkdir "$TMP/real"
run 0 --captions-session "$CAP/yt.vtt" -o "$TMP/real/yt.cfg"
[ "$(grep -c '{ say = ' "$TMP/real/yt.cfg")" = 4 ] || fail "yt.vtt: not 4 say steps: $(grep 'say = ' "$TMP/real/yt.cfg")"
has "$TMP/real/yt.cfg" '{ say = "welcome to this body scan"; at = "0:00.32"; seconds = 0; },'
has "$TMP/real/yt.cfg" '{ say = "find a comfortable position lying down"; at = "0:03.2"; seconds = 0; },'
has "$TMP/real/yt.cfg" '{ say = "and gently close your eyes"; at = "0:07.68"; seconds = 0; },'
has "$TMP/real/yt.cfg" '{ say = "bring your attention to your feet"; at = "0:12.48"; seconds = 0; }'
run 0 --check "$TMP/real/yt.cfg"
has "$TMP/out" "yt.cfg: ok (1 session"
# A transcript as an insurer publishes one: CRLF, two lines to a caption,
# stray spaces after words, on a number and on empty lines.
run 0 --captions-session "$CAP/transcript.srt" -o "$TMP/real/transcript.cfg"
[ "$(grep -c '{ say = ' "$TMP/real/transcript.cfg")" = 10 ] || fail "transcript.srt: not 10 say steps"
has "$TMP/real/transcript.cfg" '{ say = "It takes about two minutes. You can do it sitting at a desk or on the sofa."; at = "0:04.8"; seconds = 0; },'
has "$TMP/real/transcript.cfg" '{ say = "Let your shoulders drop and rest your hands in your lap."; at = "0:14"; seconds = 0; },'
has "$TMP/real/transcript.cfg" '{ say = "Again: in for four..."; at = "0:32"; seconds = 0; },'
! grep -q "$(printf '\r')" "$TMP/real/transcript.cfg" || fail "a carriage return in the session"
run 0 --check "$TMP/real/transcript.cfg"
has "$TMP/out" "transcript.cfg: ok (1 session"
echo "captions: ok"
