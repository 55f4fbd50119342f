# import_window.sh: the window's import screen, under Xvfb. It lists every
# session a file adds before Enter adds them (a file may hold several, and
# the screen hides none of them); a file holding more than the window can
# list is not imported from it. The menu names a file left out because
# its session name is taken.
. "$(dirname "$0")/lib.sh"

window_setup
S="$XDG_CONFIG_HOME/stillpoint/sessions"

# Four sessions of four types: the first one's questions alone would fill
# the screen, and each session is listed all the same.
cat >"$TMP/four.cfg" <<'CFG'
version = 1;
sessions = (
  { name = "first-breath"; title = "A harmless relaxation"; type = "breathing";
    steps = ( { say = "Relax."; seconds = 20; } ); },
  { name = "second-scan"; title = "A body scan"; type = "body-scan";
    steps = ( { say = "Scan."; seconds = 20; } ); },
  { name = "third-work"; title = "Some bodywork"; type = "bodywork";
    steps = ( { hold = "Press gently"; seconds = 30; } ); },
  { name = "pelvic-routine"; title = "Pelvic routine"; type = "pelvic-care";
    steps = ( { hold = "Press firmly"; seconds = 600; } ); }
);
CFG
start "$TMP/four.cfg"
wait_title "Import — before"
for t in "A harmless relaxation" "A body scan" "Some bodywork" "Pelvic routine"; do
    shown "$t"
done
shown "Enter adds them all to your sessions"
key Return
wait_title "stillpoint"
key Escape
wait_exit
run 0 --list
for n in first-breath second-scan third-work pelvic-routine; do
    grep -q "^$n	" "$TMP/out" || fail "Enter did not add $n"
done

# Sixty sessions: more than the window lists, so Enter imports nothing.
{
    echo 'version = 1;'
    echo 'sessions = ('
    i=1
    while [ $i -le 60 ]; do
        [ $i -lt 60 ] && sep=, || sep=
        printf '  { name = "many-%02d"; title = "Session number %d of many"; type = "breathing";\n    steps = ( { say = "Relax."; seconds = 20; } ); }%s\n' $i $i "$sep"
        i=$((i + 1))
    done
    echo ');'
} >"$TMP/sixty.cfg"
start "$TMP/sixty.cfg"
wait_title "Import — blocked"
shown "It holds 60 sessions, more than this window can list at once"
key Return
key Escape
key Escape
wait_exit
run 0 --list
! grep -q "^many-" "$TMP/out" || fail "a file the screen could not list was imported"

# A session file copied in later with the name of one installed before:
# left out, and the menu says why.
# one_session FILE TITLE: a file holding one session named "shared".
one_session() {
    mkdir -p "$(dirname "$1")"
    printf 'version = 1;\nsessions = (\n  { name = "shared"; title = "%s"; type = "breathing";\n    steps = ( { say = "Relax."; seconds = 20; } ); } );\n' "$2" >"$1"
}
one_session "$S/zz-mine/mine.cfg" "Mine"
sleep 0.1
one_session "$S/aa-later/later.cfg" "Copied in later"
start
shown "$S/aa-later/later.cfg:3: session name 'shared' is already used by $S/zz-mine/mine.cfg:3 (installed earlier); this file is left out"
key Escape
wait_exit
echo "import_window: ok"
