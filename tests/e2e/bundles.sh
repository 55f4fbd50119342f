# bundles.sh: --export and --import. A session with its own sound travels
# as a folder, a .zip and a .tar.gz and plays the same after import into a
# fresh home; every hostile or unfit bundle is refused with exit 2 and a
# reason, and leaves nothing behind in the sessions folder.
. "$(dirname "$0")/lib.sh"

MK="$TOOLS/make_archive"
HOME_A="$TMP/a"
SESSIONS="stillpoint/sessions"

# A therapist's own session, with its own sound beside it.
mkdir -p "$HOME_A/$SESSIONS"
cp "$DATA/good/chime.wav" "$HOME_A/$SESSIONS/"
cat >"$HOME_A/$SESSIONS/travel.cfg" <<'CFG'
version = 1;
# A comment that travels too.
sessions = (
  { name = "travel-breath"; title = "Travel breath"; type = "breathing";
    sounds = { inhale = "chime.wav"; exhale = "./chime.wav"; };
    steps = ( { say = "Breathe with the chime."; seconds = 2; },
              { breathe = [4, 0, 6, 0]; cycles = 3; } ); }
);
CFG
export XDG_CONFIG_HOME="$HOME_A"
run 0 --schedule travel-breath
cp "$TMP/out" "$TMP/original"
grep -q 'chime.wav' "$TMP/original" || fail "the original does not use its own sound"

# nothing_left HOME: the sessions folder of HOME holds nothing at all.
nothing_left() {
    left=$(find "$1/$SESSIONS" -mindepth 1 2>/dev/null | head -n 3)
    [ -z "$left" ] || fail "a refused import left: $left"
}

# Export: a folder, a zip and a tar.gz, each holding the file and its one
# sound and nothing else; the file byte for byte.
run 0 --export travel-breath "$TMP/bundle"
[ "$(ls -A "$TMP/bundle" | tr '\n' ' ')" = "chime.wav travel.cfg " ] ||
    fail "folder bundle holds: $(ls -A "$TMP/bundle")"
cmp "$TMP/bundle/travel.cfg" "$HOME_A/$SESSIONS/travel.cfg" || fail "file changed"
[ ! -L "$TMP/bundle/chime.wav" ] && cmp "$TMP/bundle/chime.wav" "$DATA/good/chime.wav" ||
    fail "the sound is not a copy"
run 0 --export travel-breath "$TMP/bundle.zip"
run 0 --export travel-breath "$TMP/bundle.tar.gz"
tar tzf "$TMP/bundle.tar.gz" | sort | tr '\n' ' ' >"$TMP/members"
has "$TMP/members" "chime.wav travel.cfg "
run 2 --export travel-breath "$TMP/bundle"
has "$TMP/err" "$TMP/bundle: already exists"
run 2 --export no-such-session "$TMP/x.zip"
has "$TMP/err" "no-such-session: no session"
[ ! -e "$TMP/x.zip" ] || fail "a failed export left a file"
run 2 --export travel-breath
has "$TMP/err" "--export needs NAME and DEST"
run 2 --replace --list
has "$TMP/err" "--replace goes with --import"

# Import each into a fresh home: the same schedule as the original.
n=0
for src in "$TMP/bundle" "$TMP/bundle.zip" "$TMP/bundle.tar.gz" \
    "$HOME_A/$SESSIONS/travel.cfg"; do
    n=$((n + 1))
    export XDG_CONFIG_HOME="$TMP/home$n"
    run 0 --import "$src"
    has "$TMP/out" "imported 'travel-breath'"
    run 0 --schedule travel-breath
    cmp "$TMP/out" "$TMP/original" || fail "$src: schedule differs after import"
    # Imported again: refused, and the first copy stays as it was.
    run 2 --import "$src"
    has "$TMP/err" "a session named 'travel-breath' is already installed"
    has "$TMP/err" "--replace replaces it"
    [ "$(find "$TMP/home$n/$SESSIONS" -name '*.cfg' | wc -l)" -eq 1 ] ||
        fail "$src: a refused import left a second file"
    [ -z "$(find "$TMP/home$n/$SESSIONS" -name '.import-*')" ] ||
        fail "$src: a private folder was left behind"
done

# --replace: a newer version of the same session replaces the old one.
sed 's/cycles = 3/cycles = 5/' "$TMP/bundle/travel.cfg" >"$TMP/new.cfg"
cp "$TMP/bundle/chime.wav" "$TMP/"
run 0 --import "$TMP/new.cfg" --replace
run 0 --schedule travel-breath
[ "$(grep -c inhale "$TMP/out")" -eq 5 ] || fail "--replace did not replace"
[ "$(find "$XDG_CONFIG_HOME/$SESSIONS" -name '*.cfg' | wc -l)" -eq 1 ] ||
    fail "--replace kept the old file"

# A built-in session exports with its file and the sounds it takes from
# the assets, never stillpoint's own voice clips; importing it unchanged is
# refused, since every stillpoint has those sessions already.
export XDG_CONFIG_HOME="$TMP/builtin"
run 0 --export coherent-breathing "$TMP/builtin.tar.gz"
tar tzf "$TMP/builtin.tar.gz" | sort | tr '\n' ' ' >"$TMP/members"
has "$TMP/members" "ambient-soft.ogg breathing.cfg "
! grep -q voice/ "$TMP/members" || fail "voice clips went into the bundle"
run 2 --import "$TMP/builtin.tar.gz"
has "$TMP/err" "builtin.tar.gz/breathing.cfg:44: 'coherent-breathing' is the name of a built-in session"
nothing_left "$XDG_CONFIG_HOME"

# refused SRC TEXT: importing SRC exits 2 saying TEXT, into a fresh home
# that is left empty.
refused() {
    export XDG_CONFIG_HOME="$TMP/refused"
    rm -rf "$XDG_CONFIG_HOME"
    run 2 --import "$1"
    has "$TMP/err" "$2"
    nothing_left "$XDG_CONFIG_HOME"
}
CFG="$TMP/bundle/travel.cfg"
WAV="$TMP/bundle/chime.wav"
for ext in tar.gz zip; do
    H="$TMP/hostile.$ext"
    "$MK" "$H" "file:travel.cfg=$CFG" "file:../chime.wav=$WAV"
    refused "$H" "$H: member '../chime.wav' leads outside the bundle"
    "$MK" "$H" "file:travel.cfg=$CFG" "file:/tmp/chime.wav=$WAV"
    refused "$H" "$H: member '/tmp/chime.wav' has an absolute name"
    "$MK" "$H" "file:travel.cfg=$CFG" "symlink:chime.wav=/etc/passwd"
    refused "$H" "$H: member 'chime.wav' is a symbolic link"
    "$MK" "$H" "file:travel.cfg=$CFG" "zeros:big.wav=$((257 * 1024 * 1024))"
    refused "$H" "$H: member 'big.wav' is 257 MB; the limit is 256 MB a member"
    "$MK" "$H" "file:travel.cfg=$CFG" "file:$(printf 'a%.0s' $(seq 5000)).wav=$WAV"
    refused "$H" "$H: member 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' has a name too long (5004 bytes); a bundle's names are at most 1024 bytes, 255 between slashes"
done
H="$TMP/hostile.tar.gz"
"$MK" "$H" "file:travel.cfg=$CFG" "hardlink:chime.wav=/etc/passwd"
refused "$H" "$H: member 'chime.wav' is a hard link"
"$MK" "$H" "file:travel.cfg=$CFG" "fifo:chime.wav"
refused "$H" "$H: member 'chime.wav' is a device, FIFO or socket"
"$MK" "$H" "file:travel.cfg=$CFG" "chr:chime.wav"
refused "$H" "$H: member 'chime.wav' is a device, FIFO or socket"
"$MK" "$H" "file:travel.cfg=$CFG" "zeros:a=209715200" "zeros:b=209715200" \
    "zeros:c=209715200"
refused "$H" "$H: the members add up to more than 512 MB"
set -- "file:travel.cfg=$CFG"
i=0
while [ $i -lt 200 ]; do set -- "$@" "zeros:pad$i=1"; i=$((i + 1)); done
"$MK" "$H" "$@"
refused "$H" "$H: more than 200 members"

# A zip made to exhaust memory before its first member is read: a
# central directory of a million entries (92 MB), its end records saying
# so or lying about it (libarchive keeps a zip's whole directory in
# memory). Refused at once, in little time and memory: measured on the
# plain build, where the first 171 MB and 4 s.
"$MK" "$TMP/huge.zip" zipcd:1000000
"$MK" "$TMP/lying.zip" zipcd:1000000:1
for z in huge lying; do
    export XDG_CONFIG_HOME="$TMP/refused"
    rm -rf "$XDG_CONFIG_HOME"
    set +e
    /usr/bin/time -f '%e %M' -o "$TMP/cost" "$RELEASE" --import "$TMP/$z.zip" \
        >"$TMP/out" 2>"$TMP/err"
    got=$?
    set -e
    [ $got -eq 2 ] || { cat "$TMP/err" >&2; fail "$z.zip: exit $got"; }
    # time(1) says first that the command exited with status 2.
    read -r secs kb <<EOF
$(tail -n 1 "$TMP/cost")
EOF
    echo "bundles: $z.zip refused in $secs s, $kb kB resident"
    awk -v s="$secs" 'BEGIN { exit !(s <= 1.0) }' || fail "$z.zip took $secs s"
    [ "$kb" -le 30720 ] || fail "$z.zip took $kb kB"
    nothing_left "$XDG_CONFIG_HOME"
done
has "$TMP/err" "$TMP/lying.zip: the archive's list of members runs past 1024 kB; 200 members take at most 512 kB"
refused "$TMP/huge.zip" "$TMP/huge.zip: the archive lists 1000000 members; a bundle holds at most 200"
rm -f "$TMP/huge.zip" "$TMP/lying.zip"

# Zips made by common tools import: Info-ZIP deflated, and streamed to a
# pipe (data descriptors); Python's zipfile stored, and streamed to an
# unseekable file (stored, with data descriptors: a reader must trust
# the central directory for their sizes).
for z in infozip-deflate infozip-stream python-stored python-stream; do
    export XDG_CONFIG_HOME="$TMP/tool-$z"
    run 0 --import "$DATA/bundles/$z.zip"
    run 0 --schedule travel-breath
    cmp "$TMP/out" "$TMP/original" || fail "$z.zip plays differently"
done

# Unfit contents: a newer format, a broken file, no file, two files, a
# sound the bundle lacks, a folder that is not a bundle.
printf 'version = 3;\nsessions = ();\n' >"$TMP/future.cfg"
"$MK" "$H" "file:future.cfg=$TMP/future.cfg"
refused "$H" "$H/future.cfg:1: format version 3 is newer than this stillpoint reads (version 1); it needs stillpoint 3.0 or later"
"$MK" "$H" "file:range.cfg=$DATA/bad/range.cfg"
refused "$H" "$H/range.cfg:5: seconds: expected 0..14400, got -5"
"$MK" "$H" "file:chime.wav=$WAV"
refused "$H" "$H: no session file (.cfg) in the bundle"
"$MK" "$H" "file:a.cfg=$CFG" "file:b.cfg=$CFG"
refused "$H" "$H: 2 session files in the bundle"
"$MK" "$H" "file:travel.cfg=$CFG"
refused "$H" "$H/travel.cfg:5: sound file 'chime.wav' not found"
printf 'not an archive' >"$TMP/fake.zip"
refused "$TMP/fake.zip" "$TMP/fake.zip: not a readable .zip archive"
refused "$TMP/no-such.zip" "$TMP/no-such.zip: cannot open"
refused "$WAV" "$WAV: not a session file (.cfg), a bundle folder or an archive"

"$MK" "$H" "file:a/x.cfg=$CFG" "file:b/y.cfg=$CFG" "file:a/chime.wav=$WAV"
refused "$H" "$H: no session file at the top of the bundle, but 2 further down (a/x.cfg, b/y.cfg); a bundle holds one session file, at its top or in one folder around everything"

# A sound with a session file's name: installed, the library would read
# it as a second session file (here one that takes the name of the
# person's own session). The bundle is refused, the person's session
# keeps its name, and nothing of the bundle is left.
export XDG_CONFIG_HOME="$TMP/smuggle"
mkdir -p "$XDG_CONFIG_HOME/$SESSIONS/pelvic-routine" "$TMP/smuggle-src"
cat >"$XDG_CONFIG_HOME/$SESSIONS/pelvic-routine/mine.cfg" <<'CFG'
version = 1;
sessions = ( { name = "pelvic-routine"; title = "My own routine"; type = "breathing";
  steps = ( { say = "Mine."; seconds = 2; } ); } );
CFG
cat >"$TMP/smuggle-src/a-relax.cfg" <<'CFG'
version = 1;
sessions = ( { name = "a-relax"; title = "A harmless relaxation"; type = "breathing";
  sounds = { end = "hidden.cfg"; };
  steps = ( { say = "Relax."; seconds = 2; } ); } );
CFG
cat >"$TMP/smuggle-src/hidden.cfg" <<'CFG'
version = 1;
safety = { hidden = { before = { contraindications = [ " " ]; ask = " "; };
  during = { stop_signs = [ " " ]; }; after = { doctor_signs = [ " " ]; }; }; };
sessions = ( { name = "pelvic-routine"; title = "Hidden"; type = "hidden";
  steps = ( { hold = "Press firmly"; seconds = 600; } ); } );
CFG
run 2 --import "$TMP/smuggle-src/a-relax.cfg"
has "$TMP/err" "sound file 'hidden.cfg'"
run 0 --list
grep -q "^pelvic-routine	.*	My own routine$" "$TMP/out" || fail "the person's session lost its name"
[ ! -s "$TMP/err" ] || fail "after a refused import: $(cat "$TMP/err")"
[ "$(ls -A "$XDG_CONFIG_HOME/$SESSIONS")" = pelvic-routine ] ||
    fail "a refused import left: $(ls -A "$XDG_CONFIG_HOME/$SESSIONS")"

# A sound naming its own session file: refused as bad input (exit 2),
# the message about the sound and never a private folder's path.
mkdir -p "$TMP/self"
sed 's/inhale = "chime.wav"/inhale = "travel.cfg"/' "$CFG" >"$TMP/self/travel.cfg"
cp "$WAV" "$TMP/self/"
refused "$TMP/self/travel.cfg" "$TMP/self/travel.cfg:5: sound file 'travel.cfg'"
! grep -q '\.import-' "$TMP/err" || fail "a message names the private folder: $(cat "$TMP/err")"

# A sound named '.' is the session file's own folder: said so, not taken
# for a link.
sed 's/inhale = "chime.wav"/inhale = "."/' "$CFG" >"$TMP/self/dot.cfg"
refused "$TMP/self/dot.cfg" "$TMP/self/dot.cfg:5: sound file '.' is not a regular file: it is a folder"

# What is installed is exactly what was checked: the session file, under
# a name stillpoint makes from its first session's name (never a member's
# name, which may hold anything, terminal escapes and line breaks too),
# and the sounds it uses; nothing else of the bundle.
export XDG_CONFIG_HOME="$TMP/exact"
ESC=$(printf '\033')
"$MK" "$H" "file:x${ESC}[31m
relax.cfg=$CFG" "file:chime.wav=$WAV" "file:notes.txt=$CFG" "file:extra.wav=$WAV"
run 0 --import "$H"
[ "$(ls -A "$XDG_CONFIG_HOME/$SESSIONS/travel-breath" | tr '\n' ' ')" = "chime.wav travel-breath.cfg " ] ||
    fail "installed: $(ls -A "$XDG_CONFIG_HOME/$SESSIONS/travel-breath")"
! grep -q "$ESC" "$TMP/out" "$TMP/err" || fail "a member's name reached the terminal"
has "$TMP/out" "imported 'travel-breath' into $XDG_CONFIG_HOME/$SESSIONS/travel-breath/travel-breath.cfg"
run 0 --schedule travel-breath
cmp "$TMP/out" "$TMP/original" || fail "the bundle plays differently under its new name"

# Ctrl-C or SIGTERM in the middle of a large import: stillpoint removes
# its private folder, then ends by the signal (exit 128+N in the shell).
# (A script's background job starts with SIGINT ignored, which stillpoint
# keeps; env gives it the default a foreground command has.)
export XDG_CONFIG_HOME="$TMP/signal"
S="$XDG_CONFIG_HOME/$SESSIONS"
"$MK" "$TMP/large.tar.gz" "file:travel.cfg=$CFG" "file:chime.wav=$WAV" \
    "zeros:a=62914560" "zeros:b=62914560" "zeros:c=62914560" "zeros:d=62914560"
for sig in INT:130 TERM:143; do
    rm -rf "$XDG_CONFIG_HOME"
    env --default-signal=INT "$STILLPOINT" --import "$TMP/large.tar.gz" \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    i=0
    until [ -n "$(find "$S" -path '*/.import-*/unpack/*' -size +1M 2>/dev/null)" ]; do
        kill -0 $pid 2>/dev/null || fail "the import ended before SIG${sig%:*}: $(cat "$TMP/err")"
        i=$((i + 1))
        [ $i -lt 1000 ] || fail "the import never unpacked anything"
        sleep 0.01
    done
    kill -s "${sig%:*}" $pid
    set +e
    wait $pid
    got=$?
    set -e
    [ $got -eq "${sig#*:}" ] || fail "SIG${sig%:*}: exit $got, expected ${sig#*:}: $(cat "$TMP/err")"
    nothing_left "$XDG_CONFIG_HOME"
done
rm -f "$TMP/large.tar.gz"

# A private folder that an import killed outright (SIGKILL, a power cut)
# left is removed by the next start or import; never the folder of an
# import under way in another stillpoint (it holds a lock on it, which
# the shell takes here).
mkdir -p "$S/.import-Stale1/unpack" "$S/.import-Live01/unpack"
echo x >"$S/.import-Stale1/unpack/big.wav"
echo x >"$S/.import-Live01/unpack/big.wav"
exec 8<"$S/.import-Live01"
flock -n 8 || fail "cannot lock $S/.import-Live01"
run 0 --list
[ ! -e "$S/.import-Stale1" ] || fail "a start left a stale private folder"
[ -e "$S/.import-Live01/unpack/big.wav" ] || fail "a start removed an import under way"
mkdir "$S/.import-Stale2"
run 0 --import "$TMP/bundle.zip"
[ ! -e "$S/.import-Stale2" ] || fail "an import left a stale private folder"
[ -e "$S/.import-Live01/unpack/big.wav" ] || fail "an import removed another under way"
exec 8<&-
run 0 --list
[ ! -e "$S/.import-Live01" ] || fail "a private folder no import holds was kept"

# A bundle packed with its folder around it imports the same.
"$MK" "$H" "dir:travel" "file:travel/travel.cfg=$CFG" "file:travel/chime.wav=$WAV"
export XDG_CONFIG_HOME="$TMP/folded"
run 0 --import "$H"
run 0 --schedule travel-breath
cmp "$TMP/out" "$TMP/original" || fail "a folded bundle plays differently"

# The sessions folder: a session name belongs to the file installed
# first, whatever the names of the files and folders (the library reads
# the top-level files before the folders, each in name order), and a
# built-in session keeps its own. A bundle folder holds one session file:
# a folder with two has neither read.
export XDG_CONFIG_HOME="$TMP/names"
S="$XDG_CONFIG_HOME/$SESSIONS"
# one_session FILE NAME TITLE: a session file holding one session.
one_session() {
    mkdir -p "$(dirname "$1")"
    printf 'version = 1;\nsessions = ( { name = "%s"; title = "%s"; type = "breathing";\n  steps = ( { say = "Breathe."; seconds = 2; } ); } );\n' \
        "$2" "$3" >"$1"
}
one_session "$S/z-mine/mine.cfg" routine "Mine, installed first"
one_session "$S/aa-first/first.cfg" other "Other, installed first"
sleep 0.1
one_session "$S/a-later/later.cfg" routine "Copied in later"
one_session "$S/b-later.cfg" routine "Copied in later at the top"
one_session "$S/zz-later/later.cfg" other "Other, copied in later"
one_session "$S/two/a.cfg" two-a "Two a"
one_session "$S/two/b.cfg" two-b "Two b"
one_session "$S/box.cfg" box-breathing "Not the built-in one"
run 0 --list
grep -q "^routine	.*	Mine, installed first$" "$TMP/out" || fail "routine: $(grep routine "$TMP/out")"
grep -q "^other	.*	Other, installed first$" "$TMP/out" || fail "other: $(grep other "$TMP/out")"
has "$TMP/err" "$S/a-later/later.cfg:2: session name 'routine' is already used by $S/z-mine/mine.cfg:2 (installed earlier); this file is left out"
has "$TMP/err" "$S/b-later.cfg:2: session name 'routine' is already used by $S/z-mine/mine.cfg:2 (installed earlier); this file is left out"
has "$TMP/err" "$S/zz-later/later.cfg:2: session name 'other' is already used by $S/aa-first/first.cfg:2 (installed earlier)"
has "$TMP/err" "$S/two: 2 session files (a.cfg, b.cfg); a bundle folder holds one, so none of them is read"
! grep -q "^two-" "$TMP/out" || fail "a folder with two session files was read"
has "$TMP/err" "$S/box.cfg:2: session name 'box-breathing' is a built-in session's"
grep "^box-breathing" "$TMP/out" | grep -qv "Not the built-in one" || fail "a file took a built-in name"
echo "bundles: ok"
