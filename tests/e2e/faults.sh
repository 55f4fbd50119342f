# faults.sh: what a person sees when the machine lets stillpoint down.
# The history or preferences folder cannot be written (read-only, not a
# folder, or the disk full: a file size limit makes every write fail with
# EFBIG): --render still works, the session still runs and its after
# screen says the record could not be kept, the choices screen says the
# choices could not be kept, and no file is replaced by a partial one. A
# session file and its sound deleted while the session plays: it goes on
# from what was loaded. A sound swapped for a FIFO or deleted before it is
# read: the session says why it cannot play, without hanging; one that
# fails only when decoded, while it plays: it goes on without that sound. Extremes: a
# four-hour session of 14 000 cues renders in bounded memory, and 1000
# session files list quickly. (SIGKILL mid-session: window.sh.)
. "$(dirname "$0")/lib.sh"

window_setup
CAT=""
trap 'stop_x; [ -z "$CAT" ] || kill $CAT 2>/dev/null || true; chmod -R u+w "$TMP" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
ROOT=$([ "$(id -u)" = 0 ] && echo yes || echo no)

# Writes past a file size limit fail with EFBIG, as on a full disk; the
# limit is on the process, so what the tests read passes through pipes.
# limited CMD...: CMD with no file allowed to grow.
limited() { sh -c 'ulimit -f 0 && exec "$@"' limited "$@"; }
# status CMD...: runs CMD, then prints "exit STATUS".
status() { "$@" && echo "exit 0" || echo "exit $?"; }
LIMIT=""

# start ARGS...: as lib.sh's, but under $LIMIT and as user $AS when set;
# the stderr and exit status go to app.err, what the window draws to
# screen.txt. Sets WIN and PID.
start() {
    # The last window is gone (its process has exited: see finish).
    for i in $(seq 50); do
        xdotool search --classname stillpoint >/dev/null 2>&1 || break
        sleep 0.1
    done
    rm -f "$TMP/screen.fifo" "$TMP/app.err"
    mkfifo -m 666 "$TMP/screen.fifo"
    : >"$TMP/screen.txt"
    cat "$TMP/screen.fifo" >>"$TMP/screen.txt" 2>&1 &
    CAT=$!
    if [ -n "${AS:-}" ]; then
        set -- runuser -u "$AS" -- env XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
            XDG_STATE_HOME="$XDG_STATE_HOME" "$STILLPOINT" "$@"
    else
        set -- "$STILLPOINT" "$@"
    fi
    STILLPOINT_TEXT_LOG="$TMP/screen.fifo" status $LIMIT "$@" 2>&1 |
        cat >"$TMP/app.err" 2>&1 &
    WIN=""
    for i in $(seq 100); do
        WIN=$(xdotool search --classname stillpoint 2>/dev/null | head -n1) || true
        [ -n "$WIN" ] && break
        sleep 0.1
    done
    [ -n "$WIN" ] || { cat "$TMP/app.err" >&2; fail "no window for $*"; }
    PID=$(xdotool getwindowpid "$WIN")
    timeout 5 xdotool windowfocus --sync "$WIN" 2>/dev/null || true
}

# wait_long TEXT SECONDS: wait_title, for longer.
wait_long() {
    for i in $(seq $(($2 * 20))); do
        case "$(title)" in *"$1"*) return 0 ;; esac
        sleep 0.05
    done
    fail "title '$(title)' never showed '$1'"
}

# finish: Esc closes the window; the program exits 0 within 5 s, without
# a sanitizer report.
finish() {
    key Escape
    # (5 s: a sanitizer build tearing down on a loaded machine)
    for i in $(seq 100); do
        grep -q '^exit ' "$TMP/app.err" 2>/dev/null && break
        sleep 0.05
    done
    if ! grep -qx 'exit 0' "$TMP/app.err" || grep -q Sanitizer "$TMP/app.err"; then
        if kill -0 "$PID" 2>/dev/null; then
            echo "still running, titled '$(title)'; its threads:" >&2
            command -v gdb >/dev/null &&
                timeout 20 gdb -p "$PID" -batch -ex "thread apply all bt 8" \
                    2>/dev/null | grep -E '^(Thread|#)' >&2
        fi
        kill -KILL "$PID" 2>/dev/null || true
        cat "$TMP/app.err" >&2
        fail "the window did not exit cleanly"
    fi
    # The screen log's reader, in case the window never opened it.
    kill "$CAT" 2>/dev/null || true
    CAT=""
}

# run_stopped NAME: a session run and stopped with Esc, to its after screen.
run_stopped() {
    start "$@"
    pass_before
    wait_title "— running —"
    sleep 1
    key Escape
    wait_title "— after"
}

HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"
PREFS="$XDG_CONFIG_HOME/stillpoint/stillpoint.cfg"

# A history with one good row, kept to check nothing replaces it.
"$STILLPOINT" --list >/dev/null
mkdir -p "$XDG_STATE_HOME/stillpoint"
printf '%s\n%s\n' "started,session,type,planned_s,elapsed_s,outcome,detail" \
    "2026-11-23T09:01:47+01:00,box-breathing,breathing,312.0,60.0,stopped,Esc at 01:00" \
    >"$HISTORY"
cp "$HISTORY" "$TMP/history.good"

# 1. The disk is full (no file may grow): --render fails cleanly with no
# file left; the session runs and its after screen says the record could
# not be written; the good history is untouched.
status limited "$STILLPOINT" --render box-breathing --no-voice \
    -o "$TMP/full.wav" 2>&1 | cat >"$TMP/err"
has "$TMP/err" "stillpoint: $TMP/full.wav: File too large"
has "$TMP/err" "exit 1"
[ -z "$(ls -A "$TMP" | grep full.wav)" ] || fail "a partial render was left (temporary files are .NAME.XXXXXX)"
status limited "$STILLPOINT" --render box-breathing --no-voice \
    -o /dev/null 2>&1 | cat >"$TMP/err"
has "$TMP/err" "exit 0"
LIMIT=limited
run_stopped box-breathing
shown "This session could not be recorded: $HISTORY: cannot write: File too large"
finish
cmp -s "$HISTORY" "$TMP/history.good" || fail "the history changed on a full disk"

# 2. ...and while the preferences are saved: the choices screen says the
# choices apply but could not be kept (and stays, once, so it is read), and
# the old file stays whole.
mkdir -p "$(dirname "$PREFS")"
printf 'master_volume = 0.5;\n' >"$PREFS"
cp "$PREFS" "$TMP/prefs.good"
start
key c
shown "Your choices"
key Right # the first item, the volume, goes up
key Escape
shown "Your choices apply now but could not be kept: $PREFS: cannot save: writing"
shown "File too large"
key Escape # leaves the choices screen
finish
cmp -s "$PREFS" "$TMP/prefs.good" || fail "the preferences changed on a full disk"
ls -A "$(dirname "$PREFS")" | grep -q '^\.stillpoint\.cfg\.' && fail "a temporary file was left"
LIMIT=""

# 3. The history's folder is not a folder (a file where it should be: no
# write can succeed, even for root): the same, with the reason.
export XDG_STATE_HOME="$TMP/state2"
mkdir -p "$XDG_STATE_HOME"
: >"$XDG_STATE_HOME/stillpoint"
run 0 --render box-breathing --no-voice -o "$TMP/ok.wav"
run_stopped box-breathing
shown "This session could not be recorded: $XDG_STATE_HOME/stillpoint/history.csv: cannot open for writing: Not a directory"
finish
export XDG_STATE_HOME="$TMP/state"

# 4. Read-only folders. Root writes anywhere, so as root these run as the
# user nobody (runuser), or are skipped when that cannot be done.
readonly_folders() {
    chmod 400 "$HISTORY"
    chmod 500 "$XDG_STATE_HOME/stillpoint" "$(dirname "$PREFS")"
    run_stopped box-breathing
    shown "This session could not be recorded: $HISTORY: cannot open for writing: Permission denied"
    finish
    start
    key c
    shown "Your choices"
    key Right
    key Escape
    shown "Your choices apply now but could not be kept: $PREFS: cannot save: cannot create a file in $(dirname "$PREFS"): Permission denied"
    key Escape
    finish
    chmod 700 "$XDG_STATE_HOME/stillpoint" "$(dirname "$PREFS")"
    chmod 600 "$HISTORY"
    cmp -s "$HISTORY" "$TMP/history.good" || fail "the read-only history changed"
    cmp -s "$PREFS" "$TMP/prefs.good" || fail "the read-only preferences changed"
}
if [ "$ROOT" = no ]; then
    readonly_folders
elif command -v runuser >/dev/null && id nobody >/dev/null 2>&1; then
    # nobody's own copy of the files, in folders it may enter.
    chmod 711 "$TMP"
    chown -R nobody "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"
    AS=nobody
    SDL_AUDIODRIVER=dummy readonly_folders
    AS=""
    chown -R "$(id -u)" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"
    chmod 700 "$TMP"
    echo "faults: read-only folders checked as the user nobody"
else
    echo "faults: running as root without runuser: read-only folders not checked"
fi

# 5. A session file and its sound deleted while the session plays: it goes
# on from what was loaded, its clock counting down, to its end.
mkdir "$TMP/travel"
cp "$DATA/sounds/tone.ogg" "$TMP/travel/tone.ogg"
printf '%s\n' 'version = 1;' \
    'sessions = ( { name = "short"; title = "Short"; type = "bodywork";' \
    '  sounds = { end = "tone.ogg"; };' \
    '  ambient = "tone.ogg";' \
    '  steps = ( { hold = "Hands on knees"; seconds = 6; } ); } );' \
    >"$TMP/travel/short.cfg"
start --config "$TMP/travel/short.cfg" short
pass_before
wait_title "— running —"
rm "$TMP/travel/short.cfg" "$TMP/travel/tone.ogg"
t1=$(title)
sleep 1.2
t2=$(title)
case "$t2" in *"— running —"*) ;; *) fail "not running after the file went: $t2" ;; esac
[ "$t1" != "$t2" ] || fail "the clock stopped after the file went: $t1"
wait_long "— after" 20
shown "Session complete."
finish
[ "$(awk -F, '$2 == "short" { o = $6 } END { print o }' "$HISTORY")" = completed ] ||
    fail "the session whose file went was not recorded as completed"

# 6. A sound swapped for a FIFO, or deleted, between loading and playing
# (while the questions show): the session says why it cannot play, and
# nothing waits on the FIFO.
printf '%s\n' 'version = 1;' \
    'sessions = ( { name = "short"; title = "Short"; type = "bodywork";' \
    '  sounds = { end = "tone.ogg"; };' \
    '  steps = ( { hold = "Hands on knees"; seconds = 6; } ); } );' \
    >"$TMP/travel/short.cfg"
cp "$DATA/sounds/tone.ogg" "$TMP/travel/tone.ogg"
start --config "$TMP/travel/short.cfg" short
wait_title "— before"
rm "$TMP/travel/tone.ogg"
mkfifo "$TMP/travel/tone.ogg"
pass_before
shown "This session cannot play: $TMP/travel/short.cfg:3: sound file 'tone.ogg' is not a regular file"
finish
rm "$TMP/travel/tone.ogg"
cp "$DATA/sounds/tone.ogg" "$TMP/travel/tone.ogg" # found when loaded...
start --config "$TMP/travel/short.cfg" short
wait_title "— before"
rm "$TMP/travel/tone.ogg" # ...gone when read
pass_before
shown "This session cannot play: $TMP/travel/short.cfg:3: sound file 'tone.ogg' cannot be read: No such file or directory"
finish

# 6b. A sound whose header is whole but whose sound is cut short: only
# decoding finds it out, and the window decodes while the session plays.
# The session goes on without that sound, saying which file and why.
cp "$DATA/sounds/cut.flac" "$TMP/travel/cut.flac"
printf '%s\n' 'version = 1;' \
    'sessions = ( { name = "cut"; title = "Cut"; type = "bodywork";' \
    '  sounds = { end = "cut.flac"; };' \
    '  steps = ( { say = "Hands on knees."; seconds = 3; } ); } );' \
    >"$TMP/travel/cut.cfg"
start --config "$TMP/travel/cut.cfg" cut
pass_before
wait_title "— running —"
shown "$TMP/travel/cut.cfg:3: sound file 'cut.flac' is cut short: it should last 0.5 s but holds only 0.2 s; the session goes on without it."
wait_long "— after" 20
finish

# 7. Extremes. A four-hour session of 14 000 breaths renders in bounded
# memory (the sanitizers' own use included) and time...
{
    echo 'version = 1;'
    echo 'sessions = ( { name = "four-hours"; title = "Four hours"; type = "breathing";'
    echo '  steps = ('
    for i in 1 2 3 4 5 6; do echo '    { breathe = [1, 0, 1, 0]; cycles = 1000; },'; done
    echo '    { breathe = [1, 0, 1, 0]; cycles = 1000; } ); } );'
} >"$TMP/four.cfg"
run 0 --config "$TMP/four.cfg" --schedule four-hours
[ "$(wc -l <"$TMP/out")" -gt 14000 ] || fail "the four-hour schedule has $(wc -l <"$TMP/out") cues"
start_s=$(date +%s)
# (Through stdout: a regression could not replace /dev/null, even as root.)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$TMP/rss" "$STILLPOINT" --config "$TMP/four.cfg" \
        --render four-hours -o - >/dev/null || fail "the four-hour render failed"
    rss=$(tail -n1 "$TMP/rss")
    [ "$rss" -lt 300000 ] || fail "the four-hour render took $rss kB"
else
    "$STILLPOINT" --config "$TMP/four.cfg" --render four-hours -o - >/dev/null ||
        fail "the four-hour render failed"
    rss="?"
fi
secs=$(($(date +%s) - start_s))
[ "$secs" -lt 120 ] || fail "the four-hour render took $secs s"
echo "faults: four hours rendered in $secs s, $rss kB resident (sanitizer build)"

# ... and 1000 session files list quickly.
mkdir -p "$XDG_CONFIG_HOME/stillpoint/sessions"
for i in $(seq 1000); do
    printf 'version = 1;\nsessions = ( { name = "s%04d"; title = "Session %d"; type = "breathing";\n  steps = ( { say = "Breathe slowly."; seconds = 5; }, { breathe = [4, 0, 6, 0]; cycles = %d; } ); } );\n' \
        "$i" "$i" $((i % 50 + 1)) >"$XDG_CONFIG_HOME/stillpoint/sessions/s$i.cfg"
done
start_s=$(date +%s)
run 0 --list
secs=$(($(date +%s) - start_s))
[ "$(grep -c '^s[0-9]' "$TMP/out")" = 1000 ] || fail "--list shows $(grep -c '^s[0-9]' "$TMP/out") of 1000 files"
[ "$secs" -lt 10 ] || fail "listing 1000 files took $secs s"

echo "faults: ok"
