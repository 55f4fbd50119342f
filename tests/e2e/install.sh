# install.sh: `make install` and `make uninstall` with PREFIX and DESTDIR;
# the installed program finding its sessions and sounds from any folder;
# and the man pages, desktop entry, icons and AppStream metadata it
# installs. Builds and installs a copy of the tree, so this tree's own
# ./stillpoint is left as it was.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP_ID=io.github.stillpoint.Stillpoint
# The installed program must find its data by itself; and the makes below
# are ours, not part of the make that runs this test.
unset STILLPOINT_DATA MAKEFLAGS MFLAGS MAKELEVEL

# man_clean FILE: the page renders at 80 columns without a groff warning.
man_clean() {
    MANWIDTH=80 man --warnings -E UTF-8 -l "$1" 2>"$TMP/man.err" >"$TMP/man.txt" ||
        fail "man -l $1 failed"
    [ ! -s "$TMP/man.err" ] || { cat "$TMP/man.err" >&2; fail "$1: groff warnings"; }
}

# ---- the man pages stay true to the program --------------------------------

# Every long option of --help is in stillpoint.1.
run 0 --help
for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMP/out" | sort -u); do
    grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$ROOT/man/stillpoint.1" ||
        fail "man/stillpoint.1 does not describe $opt"
done
# stillpoint.5's PREFERENCES section names every preference.
run 0 --prefs-reference
sed -n '/^\.SH PREFERENCES/,/^\.SH /p' "$ROOT/man/stillpoint.5" >"$TMP/prefs.man"
for key in $(sed -n 's/^| `\([a-z_]*\)` |.*/\1/p' "$TMP/out" | grep -vx version); do
    grep -qE "^\.BR? $key( |\$)" "$TMP/prefs.man" ||
        fail "man/stillpoint.5 PREFERENCES does not name $key"
done
# stillpoint.5's REFERENCE section is what the loader checks.
run 0 --format-reference
sh "$ROOT/scripts/man-reference" <"$TMP/out" >"$TMP/ref.roff"
sed -n '/^\.\\" BEGIN format-reference/,/^\.\\" END format-reference/p' \
    "$ROOT/man/stillpoint.5" >"$TMP/ref.man"
diff -u "$TMP/ref.roff" "$TMP/ref.man" >&2 || fail "man/stillpoint.5 REFERENCE out of date:" \
    "run ./stillpoint --format-reference | scripts/man-reference man/stillpoint.5"
# Both render cleanly, and stillpoint.5's complete example, copied from the
# page as a reader sees it, passes --check.
man_clean "$ROOT/man/stillpoint.1"
man_clean "$ROOT/man/stillpoint.5"
mkdir -p "$TMP/example/voice"
cp "$ROOT/assets/bowl.ogg" "$TMP/example/voice/welcome.ogg"
awk '/^EXAMPLE/ { on = 1 } /^SEE ALSO/ { on = 0 } on && /^ +# stretch/ { code = 1 } on && code' \
    "$TMP/man.txt" >"$TMP/example/example.cfg"
[ -s "$TMP/example/example.cfg" ] || fail "no example found in stillpoint.5"
(export STILLPOINT_DATA="$ROOT"; run 0 --check "$TMP/example/example.cfg")
echo "man pages: ok"

# ---- a copy of the tree, installed without DESTDIR into PREFIX ----------------

SRC=$TMP/src P=$TMP/prefix
mkdir "$SRC"
for f in Makefile mk src config assets scripts man data; do cp -R "$ROOT/$f" "$SRC/"; done
make -C "$SRC" install PREFIX="$P" >"$TMP/make.log" 2>&1 ||
    { cat "$TMP/make.log" >&2; fail "make install PREFIX=$P"; }

# expected PREFIX: the files an install under PREFIX must hold, sorted.
expected() {
    {
        echo "$1/bin/stillpoint"
        for f in "$ROOT"/config/sessions/*.cfg; do
            echo "$1/share/stillpoint/config/sessions/${f##*/}"
        done
        (cd "$ROOT" && find assets -name '.*' -prune -o -type f -print) |
            sed "s|^|$1/share/stillpoint/|"
        echo "$1/share/man/man1/stillpoint.1"
        echo "$1/share/man/man5/stillpoint.5"
        echo "$1/share/applications/$APP_ID.desktop"
        echo "$1/share/metainfo/$APP_ID.metainfo.xml"
        echo "$1/share/icons/hicolor/scalable/apps/$APP_ID.svg"
        for s in 48 128 256; do
            echo "$1/share/icons/hicolor/${s}x$s/apps/$APP_ID.png"
        done
    } | LC_ALL=C sort
}
expected "$P" >"$TMP/want"
find "$P" -type f ! -name installed-files | LC_ALL=C sort >"$TMP/got"
diff -u "$TMP/want" "$TMP/got" >&2 || fail "make install: wrong files under $P"
diff -u "$TMP/want" "$P/share/stillpoint/installed-files" >&2 ||
    fail "installed-files does not list what was installed"
(cd "$ROOT" && find assets -name '.*' -prune -o -type f -print) | while read -r f; do
    cmp -s "$ROOT/$f" "$P/share/stillpoint/$f" || fail "$f installed wrongly"
done
[ -x "$P/bin/stillpoint" ] || fail "the installed program is not executable"

# The installed program, with the copy it was built from moved away and
# STILLPOINT_DATA unset, lists the built-in sessions from another folder...
(export STILLPOINT_DATA="$ROOT"; run 0 --list)
mv "$TMP/out" "$TMP/builtins"
mv "$SRC" "$TMP/away"
mkdir "$TMP/elsewhere"
cd "$TMP/elsewhere"
STILLPOINT=$P/bin/stillpoint
run 0 --list
diff -u "$TMP/builtins" "$TMP/out" >&2 || fail "installed --list differs from the tree's"
# ...and renders a session whose bell is the bundled bowl.ogg: the same
# bytes as from the source tree, and an error once that sound is gone.
run 0 --schedule interval-bells
has "$TMP/out" "$(printf '\tbell\tbowl.ogg\t')"
"$STILLPOINT" --render interval-bells -o - | cksum >"$TMP/installed.sum"
STILLPOINT_DATA=$ROOT "$STILLPOINT" --render interval-bells -o - | cksum >"$TMP/tree.sum"
[ "$(cut -d' ' -f2 "$TMP/installed.sum")" -gt 1000000 ] || fail "render too short"
cmp -s "$TMP/installed.sum" "$TMP/tree.sum" || fail "installed render differs from the tree's"
mv "$P/share/stillpoint/assets/bowl.ogg" "$TMP/bowl.ogg"
run 2 --render interval-bells -o "$TMP/x.wav"
has "$TMP/err" "sound file 'bowl.ogg' not found"
mv "$TMP/bowl.ogg" "$P/share/stillpoint/assets/bowl.ogg"
mv "$TMP/away" "$SRC"

# The source tree still runs in place, from any folder.
STILLPOINT=$SRC/stillpoint
run 0 --list
diff -u "$TMP/builtins" "$TMP/out" >&2 || fail "./stillpoint in the tree lost its sessions"
echo "install PREFIX=$P: ok"

# ---- what it installs: desktop entry, metadata, icons, man pages -------------

desktop-file-validate "$P/share/applications/$APP_ID.desktop" >"$TMP/v" 2>&1 ||
    { cat "$TMP/v" >&2; fail "desktop-file-validate"; }
[ ! -s "$TMP/v" ] || { cat "$TMP/v" >&2; fail "desktop-file-validate has remarks"; }
has "$P/share/applications/$APP_ID.desktop" "Icon=$APP_ID"
has "$P/share/applications/$APP_ID.desktop" "Exec=stillpoint "
# validate-tree also checks the metadata's launchable against the
# installed desktop file. Only pedantic remarks are allowed.
appstreamcli validate-tree --no-net --pedantic "$P" >"$TMP/v" 2>&1 ||
    { cat "$TMP/v" >&2; fail "appstreamcli validate-tree"; }
! grep -E '^ *[EWI]: ' "$TMP/v" || fail "appstreamcli: errors, warnings or infos"
has "$P/share/metainfo/$APP_ID.metainfo.xml" '<release version="1.0.0"'
for s in 48 128 256; do
    png=$P/share/icons/hicolor/${s}x$s/apps/$APP_ID.png
    [ "$(od -An -tx1 -N8 "$png" | tr -d ' ')" = 89504e470d0a1a0a ] || fail "$png: not a PNG"
    size=$(od -An -tu1 -j16 -N8 "$png" |
           awk '{ printf "%dx%d", (($1 * 256 + $2) * 256 + $3) * 256 + $4,
                                  (($5 * 256 + $6) * 256 + $7) * 256 + $8 }')
    [ "$size" = "${s}x$s" ] || fail "$png: $size, not ${s}x$s"
done
for page in man1/stillpoint.1 man5/stillpoint.5; do
    has "$P/share/man/$page" "$P/share/stillpoint/"
    ! grep -q /usr/local/share/stillpoint "$P/share/man/$page" || fail "$page names the wrong data folder"
done
[ "$(MANPATH=$P/share/man man -w 5 stillpoint)" = "$P/share/man/man5/stillpoint.5" ] ||
    fail "man does not find the installed stillpoint(5)"
echo "desktop entry, metadata, icons: ok"

# ---- the same build installed for another PREFIX, staged in DESTDIR ----------

# A sound in a sub-folder is installed too; after it leaves the tree, a
# second install still lists it, so uninstall removes it.
S=$TMP/stage Q=/opt/stillpoint
mkdir -p "$SRC/assets/voice"
cp "$ROOT/assets/bowl.ogg" "$SRC/assets/voice/extra.ogg"
make -C "$SRC" install DESTDIR="$S" PREFIX="$Q" >"$TMP/make.log" 2>&1 ||
    { cat "$TMP/make.log" >&2; fail "make install DESTDIR=$S PREFIX=$Q"; }
{ expected "$Q"; echo "$Q/share/stillpoint/assets/voice/extra.ogg"; } | LC_ALL=C sort >"$TMP/want"
(cd "$S" && find . -type f ! -name installed-files | sed 's|^\.||' | LC_ALL=C sort) >"$TMP/got"
diff -u "$TMP/want" "$TMP/got" >&2 || fail "make install: wrong files under $S"
# The program was rebuilt for the new PREFIX: it looks in /opt/stillpoint.
grep -aq "$Q/share/stillpoint" "$S$Q/bin/stillpoint" || fail "staged program does not look in $Q"
! grep -aqF "$P/share/stillpoint" "$S$Q/bin/stillpoint" || fail "staged program still looks in $P"
# Its man pages name its data folder and render cleanly. (A PREFIX as long
# as this test's $P can make groff warn that a line cannot be broken.)
for page in man1/stillpoint.1 man5/stillpoint.5; do
    man_clean "$S$Q/share/man/$page"
    has "$TMP/man.txt" "$Q/share/stillpoint/"
done
STILLPOINT=$S$Q/bin/stillpoint
(export STILLPOINT_DATA="$S$Q/share/stillpoint"; run 0 --list)
diff -u "$TMP/builtins" "$TMP/out" >&2 || fail "staged data: wrong sessions"
rm -r "$SRC/assets/voice"
make -C "$SRC" install DESTDIR="$S" PREFIX="$Q" >"$TMP/make.log" 2>&1 ||
    { cat "$TMP/make.log" >&2; fail "second make install"; }
has "$S$Q/share/stillpoint/installed-files" "$Q/share/stillpoint/assets/voice/extra.ogg"
echo "install DESTDIR=$S PREFIX=$Q: ok"

# ---- uninstall leaves nothing of ours ----------------------------------------

for where in "DESTDIR=$S PREFIX=$Q:$S" "PREFIX=$P:$P"; do
    args=${where%:*} top=${where##*:}
    # shellcheck disable=SC2086
    make -C "$SRC" uninstall $args >"$TMP/make.log" 2>&1 ||
        { cat "$TMP/make.log" >&2; fail "make uninstall $args"; }
    find "$top" -type f >"$TMP/left"
    [ ! -s "$TMP/left" ] || { cat "$TMP/left" >&2; fail "make uninstall $args left files"; }
    ! find "$top" -path '*/share/stillpoint*' | grep . >&2 ||
        fail "make uninstall $args left share/stillpoint"
done
# Uninstalling what is not there says so and fails.
set +e
make -C "$SRC" uninstall PREFIX="$P" >"$TMP/make.log" 2>&1
st=$?
set -e
[ "$st" -ne 0 ] || fail "make uninstall of nothing succeeded"
has "$TMP/make.log" "no $P/share/stillpoint/installed-files"
echo "uninstall: ok"
echo "install: ok"
