# cli.sh: the command line: help, version, usage errors, --list, --check
# and a broken user file that must not hide the others.
. "$(dirname "$0")/lib.sh"

run 0 --help
has "$TMP/out" "Usage: stillpoint"
# --help comes from the table of options: each one shown once, and each
# one shown is taken (with an argument where it shows one, FILE... being
# the files after the options; then --help ends the run before anything
# is done).
grep -oE -- '^  (-[[:alnum:]], |    )--[a-z-]+( [A-Z][^ ]*)?' "$TMP/out" >"$TMP/opts"
[ "$(wc -l <"$TMP/opts")" -ge 20 ] || fail "--help shows fewer than 20 options"
[ -z "$(grep -oE -- '--[a-z-]+' "$TMP/opts" | sort | uniq -d)" ] ||
    fail "--help shows an option twice"
[ -z "$(grep -oE -- '-[[:alnum:]],' "$TMP/opts" | sort | uniq -d)" ] ||
    fail "--help shows a short option twice"
while read -r line; do
    opt=$(echo "$line" | grep -oE -- '--[a-z-]+')
    case $line in *...) ;; *" "[A-Z]*) opt="$opt=x" ;; esac
    "$STILLPOINT" "$opt" --help >/dev/null 2>"$TMP/err" || true
    ! grep -qE "unrecognized|allow an argument|requires an argument" "$TMP/err" ||
        fail "stillpoint $opt: $(cat "$TMP/err")"
done <"$TMP/opts"
run 0 --version
has "$TMP/out" "session format version 1"
run 2 --bogus
has "$TMP/err" "Try 'stillpoint --help'."
run 2 --render box-breathing
has "$TMP/err" "--render needs -o"
run 2 --check
run 2 --list --check x
run 2 --schedule no-such-session
has "$TMP/err" "no session named 'no-such-session'"

# --list: NAME TYPE MINUTES TITLE, tab-separated, all five types.
run 0 --list
[ "$(wc -l <"$TMP/out")" -ge 7 ] || fail "fewer than 7 sessions listed"
awk -F'\t' 'NF != 4 || $3 !~ /^[0-9]+\.[0-9]$/ { print "bad line: " $0; bad = 1 }
            END { exit bad }' "$TMP/out" || fail "--list format"
for t in breathing body-scan bodywork pelvic-care trauma-informed; do
    cut -f2 "$TMP/out" | grep -qx "$t" || fail "--list has no $t session"
done
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "--list wrote to stderr"; }
builtins=$(wc -l <"$TMP/out")

# The user's own sessions are listed; a broken file is named on stderr with
# its first error and the rest are still listed.
mkdir -p "$XDG_CONFIG_HOME/stillpoint/sessions"
cp "$DATA/good/complete.cfg" "$DATA/good/chime.wav" "$XDG_CONFIG_HOME/stillpoint/sessions/"
cp "$DATA/bad/range.cfg" "$XDG_CONFIG_HOME/stillpoint/sessions/"
run 0 --list
has "$TMP/out" "$(printf 'stretch-and-breathe\tstretching\t')"
has "$TMP/err" "stillpoint/sessions/range.cfg:5: seconds: expected 0..14400, got -5"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "more than the first error shown"
[ "$(wc -l <"$TMP/out")" -eq $((builtins + 2)) ] || fail "sessions missing from --list"
rm -r "$XDG_CONFIG_HOME/stillpoint"

# --check: ok lines for good files, FILE:LINE for bad ones, exit 2 if any bad.
run 0 --check "$DATA/good/complete.cfg"
has "$TMP/out" "$DATA/good/complete.cfg: ok (2 sessions)"
run 2 --check "$DATA/good/complete.cfg" "$DATA/bad/several.cfg"
has "$TMP/out" "complete.cfg: ok (2 sessions)"
has "$TMP/err" "several.cfg:5: seconds: expected 0..14400, got -1"
has "$TMP/err" "several.cfg:8: unknown setting 'colour'"
run 2 --check /dev/zero
has "$TMP/err" "/dev/zero: not a regular file"
run 2 --check "$TMP/no-such-file.cfg"
has "$TMP/err" "no-such-file.cfg: cannot open: No such file or directory"

# A broken --config file is an error the user asked about: exit 2.
run 2 --config "$DATA/bad/range.cfg" --list
has "$TMP/err" "range.cfg:5: seconds"
run 0 --config "$DATA/good/complete.cfg" --schedule short-breath
has "$TMP/out" "$(printf '\tYou can stop this session at any moment')"
head -n1 "$TMP/out" | grep -q '^0.000	say	' || fail "the floor notice is not said first"

# Every built-in session file passes --check.
for f in "$(dirname "$0")"/../../config/sessions/*.cfg; do
    run 0 --check "$f"
done


# config/README.md stays true: its reference tables are what the loader
# checks, its preferences table is the program's table of preferences, and
# its complete example passes --check.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# in_readme WHAT OPTION: the output of the last run (stillpoint OPTION)
# stands whole in config/README.md.
in_readme() {
    awk 'NR == FNR { ref = ref $0 "\n"; next } { doc = doc $0 "\n" }
         END { exit index(doc, ref) == 0 }' "$TMP/out" "$ROOT/config/README.md" \
        || fail "config/README.md: $1 out of date (stillpoint $2)"
}
run 0 --format-reference
in_readme "reference tables" --format-reference
run 0 --prefs-reference
in_readme "preferences table" --prefs-reference
mkdir -p "$TMP/example/voice"
cp "$ROOT/assets/bowl.ogg" "$TMP/example/voice/welcome.ogg"
awk '/^## A complete example/ { on = 1 } on && /^```$/ { n++; next } on && n == 1' \
    "$ROOT/config/README.md" >"$TMP/example/example.cfg"
run 0 --check "$TMP/example/example.cfg"
echo "docs: ok"
echo "cli: ok"
