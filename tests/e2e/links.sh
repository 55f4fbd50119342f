# links.sh: no file stillpoint writes is written, or made private,
# through a symbolic link. A link planted where a render's temporary file
# goes (the old name, OUT.PID.tmp, could be guessed), at -o OUT itself, at
# the preferences and at the history: the file it leads to keeps every
# byte and its mode, the link stays a link, and the message names the
# link. A file at history.csv that is not a history is not appended to.
. "$(dirname "$0")/lib.sh"

# victim NAME: a file of the person's (mode 0644) that a planted link
# leads to, with a copy to compare it with afterwards.
victim() {
    printf 'started,session,type,planned_s,elapsed_s,outcome,detail\n%s\n' \
        "2026-11-20T08:00:00+01:00,box-breathing,breathing,300.0,300.0,completed,$1" \
        >"$TMP/victim.$1"
    chmod 644 "$TMP/victim.$1"
    cp "$TMP/victim.$1" "$TMP/orig.$1"
}
# untouched NAME: the victim has its bytes and its mode.
untouched() {
    cmp -s "$TMP/victim.$1" "$TMP/orig.$1" ||
        fail "$1: the file the link leads to was written: $(head -c 40 "$TMP/victim.$1" | od -c | head -n2)"
    [ "$(stat -c %a "$TMP/victim.$1")" = 644 ] ||
        fail "$1: the file the link leads to is now mode $(stat -c %a "$TMP/victim.$1")"
}
# riff FILE: FILE is a regular file holding a WAV.
riff() {
    [ -f "$1" ] && [ ! -L "$1" ] || fail "$1 is not a regular file"
    [ "$(head -c 4 "$1")" = RIFF ] || fail "$1 is not a WAV file"
}

# ---- --render

# A link at the temporary name the render used to write (OUT.PID.tmp: a
# process that execs stillpoint knows its pid ahead): the render goes
# into a new file under a random name, never through the link.
victim render
mkdir "$TMP/r"
sh -c 'ln -s "$1" "$2.$$.tmp" && exec "$3" --render box-breathing --no-voice -o "$2"' \
    sh "$TMP/victim.render" "$TMP/r/out.wav" "$STILLPOINT" >"$TMP/out" 2>"$TMP/err" ||
    { cat "$TMP/err" >&2; fail "the render beside a planted link failed"; }
untouched render
riff "$TMP/r/out.wav"
[ "$(ls -A "$TMP/r" | wc -l)" -eq 2 ] || fail "files left: $(ls -A "$TMP/r")"
[ -L "$(ls -d "$TMP"/r/out.wav.*.tmp)" ] || fail "the planted link was moved"

# -o OUT where OUT is a link (to a file, or to nowhere): refused, naming
# it, exit 1 as for any file that cannot be written; nothing is made.
victim out
ln -s "$TMP/victim.out" "$TMP/r/link.wav"
run 1 --render box-breathing --no-voice -o "$TMP/r/link.wav"
has "$TMP/err" "stillpoint: $TMP/r/link.wav: is a symbolic link; stillpoint will not write through it"
[ -L "$TMP/r/link.wav" ] || fail "the link at -o was replaced"
untouched out
ln -s "$TMP/r/nowhere.wav" "$TMP/r/dangling.wav"
run 1 --render box-breathing --no-voice -o "$TMP/r/dangling.wav"
has "$TMP/err" "$TMP/r/dangling.wav: is a symbolic link"
[ ! -e "$TMP/r/nowhere.wav" ] || fail "a render was made where a dangling link leads"
[ "$(ls -A "$TMP/r" | wc -l)" -eq 4 ] || fail "files left: $(ls -A "$TMP/r")"
echo "links (render): ok"

# ---- the window: the preferences and the history

HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"
PREFS="$XDG_CONFIG_HOME/stillpoint/stillpoint.cfg"
mkdir -p "$(dirname "$HISTORY")" "$(dirname "$PREFS")"
window_setup

# stopped_session: box-breathing run and stopped with Esc, to its after
# screen (where a history that cannot be written is named).
stopped_session() {
    start box-breathing
    pass_before
    wait_title "— running —"
    key Escape
    wait_title "— after"
}

# A link where the preferences go (planted, or a dotfiles folder): the
# choices apply, the choices screen says they could not be kept and why,
# naming the link; the program exits 0 as for any preferences it cannot
# write; the file the link leads to is read, never written.
printf 'master_volume = 0.5;\n' >"$TMP/victim.prefs"
chmod 644 "$TMP/victim.prefs"
cp "$TMP/victim.prefs" "$TMP/orig.prefs"
ln -s "$TMP/victim.prefs" "$PREFS"
start
key c
shown "Your choices"
key Right # the volume goes up
key Escape
shown "Your choices apply now but could not be kept: $PREFS: is a symbolic link; stillpoint will not write through it"
key Escape
key Escape
wait_exit
untouched prefs
[ -L "$PREFS" ] || fail "the link at the preferences was replaced"
ls -A "$(dirname "$PREFS")" | grep -q '^\.stillpoint\.cfg\.' && fail "a temporary file was left"

# A link where the history goes, to a history (mode 0644): the session
# runs, its after screen says it could not be recorded, naming the link;
# the file the link leads to gets no row and keeps its mode.
victim history
ln -s "$TMP/victim.history" "$HISTORY"
stopped_session
shown "This session could not be recorded: $HISTORY: is a symbolic link; stillpoint will not write through it"
key Escape
wait_exit
untouched history
[ -L "$HISTORY" ] || fail "the link at the history was replaced"

# A file at history.csv that is not a history: nothing appended, its
# mode kept, and the after screen says what is wrong with which file.
rm "$HISTORY"
printf 'date,minutes\n2026-11-20,5\n' >"$HISTORY"
chmod 644 "$HISTORY"
cp "$HISTORY" "$TMP/orig.notours"
stopped_session
shown "This session could not be recorded: $HISTORY: not a stillpoint history (the first line is not \"started,session,type,planned_s,elapsed_s,outcome,detail\"); nothing was written to it"
key Escape
wait_exit
cmp -s "$HISTORY" "$TMP/orig.notours" || fail "a file that is not a history was appended to: $(cat "$HISTORY")"
[ "$(stat -c %a "$HISTORY")" = 644 ] || fail "a file that is not a history was made mode $(stat -c %a "$HISTORY")"

echo "links: ok"
