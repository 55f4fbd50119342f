# history.sh: the session history as a person and a spreadsheet see it:
# --history (the table, titles, aligned UTF-8 columns), --csv, --since, a
# bad --since, damaged lines named and skipped, fields a spreadsheet
# would run made safe, a file that is not ours; then in the window:
# --no-history records nothing, appending makes the file private, a
# question that is a formula is recorded safe, and the history screen
# opens with H or its button.
. "$(dirname "$0")/lib.sh"

HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"
put() { mkdir -p "$(dirname "$HISTORY")" && cp "$DATA/history/$1" "$HISTORY"; }

# No history yet: a friendly line, exit 0; --csv gives just the header.
run 0 --history
has "$TMP/out" "No sessions recorded yet."
run 0 --history --csv
[ "$(cat "$TMP/out")" = "started,session,type,planned_s,elapsed_s,outcome,detail,before,after,note" ] ||
    fail "--csv without a history: $(cat "$TMP/out")"

# The table: titles for known sessions, names for the rest, the start row
# and end row of a session merged into one line, oldest first.
put good.csv
run 0 --history
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "--history wrote to stderr"; }
[ "$(wc -l <"$TMP/out")" -eq 8 ] || { cat "$TMP/out"; fail "not 6 rows with a heading and a total"; }
has "$TMP/out" "When"
sed -n 2p "$TMP/out" | grep -q '^Fri 2026-11-20 08:00  Box breathing  .* 5:00   5:00  completed$' ||
    fail "first row: $(sed -n 2p "$TMP/out")"
has "$TMP/out" "Sat 2026-11-21 22:15  Body scan, 15 minutes"
has "$TMP/out" "6:52  stopped"
has "$TMP/out" "körperreise"
has "$TMP/out" "0:00  blocked"
has "$TMP/out" "Mon 2026-11-23 11:00  One-minute reset"
has "$TMP/out" "6 sessions, 35:00 practised"
[ "$(grep -c 'interrupted$' "$TMP/out")" -eq 1 ] ||
    fail "merged sessions still show as interrupted (only one was cut off)"
# Every column lines up on screen: without the outcome word, each line
# is as wide in terminal columns (wc -L counts wide characters as two).
widths=$(sed '$d; s/ *[A-Za-z]*$//' "$TMP/out" | while IFS= read -r line; do
    printf '%s\n' "$line" | LC_ALL=C.UTF-8 wc -L
done | sort -u | wc -l)
[ "$widths" -eq 1 ] || { cat "$TMP/out"; fail "the columns do not line up"; }

# --csv: the merged rows, as the file writes them (RFC 4180 quoting),
# with three more columns, empty for a history without ratings or notes.
run 0 --history --csv
[ "$(wc -l <"$TMP/out")" -eq 7 ] || fail "--csv: not a header and 6 rows"
[ "$(head -n1 "$TMP/out")" = "started,session,type,planned_s,elapsed_s,outcome,detail,before,after,note" ] ||
    fail "--csv header"
has "$TMP/out" '2026-11-20T08:00:00+01:00,box-breathing,breathing,300.0,300.0,completed,played to the end,,,'
has "$TMP/out" ',blocked,"Do you have ""pain"", now?",,,'
has "$TMP/out" ',completed,"über Mitternacht, 日本",,,'

# --since DATE: sessions that started on that local date or later.
run 0 --history --since 2026-11-23
[ "$(wc -l <"$TMP/out")" -eq 5 ] || { cat "$TMP/out"; fail "--since: not 3 rows"; }
grep -q 2026-11-22 "$TMP/out" && fail "--since kept an earlier session"
has "$TMP/out" "Mon 2026-11-23 09:00"
run 0 --history --csv --since 2026-11-22
[ "$(wc -l <"$TMP/out")" -eq 5 ] || fail "--csv --since: not a header and 4 rows"
run 0 --history --since 2030-01-01
has "$TMP/out" "No sessions recorded since 2030-01-01."

# A bad --since: exit 2, saying what a date looks like; nothing printed.
for bad in 2026-02-30 yesterday 2026-1-5 "" 23.11.2026; do
    run 2 --history --since "$bad"
    has "$TMP/err" "--since: '$bad' is not a date like 2026-11-23 (YYYY-MM-DD)"
    [ ! -s "$TMP/out" ] || fail "--since '$bad' printed rows"
done
run 2 --since 2026-11-23
has "$TMP/err" "--since goes with --history or --report"
run 2 --csv
has "$TMP/err" "--csv goes with --history"
run 2 --report --csv

# Damaged lines (a hand edit, a crash mid-write) are named and skipped;
# the other rows still show.
put damaged.csv
run 0 --history
has "$TMP/err" "$HISTORY:3: fewer than 7 fields; skipped"
has "$TMP/err" "$HISTORY:4: outcome: not completed, stopped, discomfort, blocked, interrupted, rated-before, rated-after or note; skipped"
has "$TMP/err" "$HISTORY:6: fewer than 7 fields (the last line, cut short: no newline at its end); skipped"
[ "$(wc -l <"$TMP/err")" -eq 3 ] || fail "more than the damaged lines named"
has "$TMP/out" "Fri 2026-11-20 08:00"
has "$TMP/out" "Sun 2026-11-22 08:00"
has "$TMP/out" "2 sessions, 10:00 practised"
run 0 --history --csv
[ "$(wc -l <"$TMP/out")" -eq 3 ] || fail "--csv with damaged lines: not a header and 2 rows"

# A first write cut inside the header loses only that line.
put cut-header.csv
run 0 --history
has "$TMP/err" "$HISTORY:1: the header, cut short; skipped"
has "$TMP/out" "1 session, 5:00 practised"

# Fields a spreadsheet would run as formulas, in rows written before
# stillpoint made them safe (or by hand): --csv gives each an apostrophe
# in front (seconds stay numbers); the table shows them as they are, and
# a row already made safe shows without its apostrophe.
put formula.csv
run 0 --history --csv
has "$TMP/out" "2026-11-20T08:00:00+01:00,'=cmd|' /C calc'!A0,'+type,300.0,300.0,completed,'-2+3"
has "$TMP/out" "2026-11-21T08:00:00+01:00,'@home,breathing,300.0,0.0,blocked,\"'=HYPERLINK(\"\"http://example.test/\"\",\"\"Open your results\"\")\""
run 0 --history
has "$TMP/out" "Fri 2026-11-20 08:00  =cmd|' /C calc'!A0 "
has "$TMP/out" "Sat 2026-11-21 08:00  @home "
grep -q "'@home" "$TMP/out" && fail "the table shows the apostrophe that made @home safe"

# Ratings and a note, recorded as rows of their own, show with their
# session: two numbers in the table, three columns in --csv (the note's
# line break as \n, its quotes doubled).
put ratings.csv
run 0 --history
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "--history named a rating row"; }
has "$TMP/out" "Before  After  Outcome"
has "$TMP/out" "Mon 2026-11-23 09:00  Box breathing             5:00  5:00       7      4  completed"
has "$TMP/out" "15:00  3:12       0      -  discomfort"
has "$TMP/out" "3 sessions, 13:12 practised"
run 0 --history --csv
has "$TMP/out" ',completed,played to the end,7,4,"Jaw loosened, then the phone rang.\nBreathing helped ""a little""."'
has "$TMP/out" ',discomfort,stopped for discomfort at 03:12,0,,'
# --csv's export reads back as the same sessions.
cp "$TMP/out" "$HISTORY"
run 0 --history
has "$TMP/out" "15:00  3:12       0      -  discomfort"

# A file that is not a stillpoint history is left alone: exit 1.
put not-history.csv
run 1 --history
has "$TMP/err" "$HISTORY: not a stillpoint history"

# Every file in tests/data/history (fuzzer finds included) reads without
# a crash or a sanitizer report.
for f in "$DATA"/history/*; do
    mkdir -p "$(dirname "$HISTORY")" && cp "$f" "$HISTORY"
    set +e
    "$STILLPOINT" --history >/dev/null 2>"$TMP/err"
    status=$?
    set -e
    [ "$status" -le 1 ] || { cat "$TMP/err"; fail "$f: exit $status"; }
    grep -q Sanitizer "$TMP/err" && fail "$f: sanitizer report"
done
rm -f "$HISTORY"
echo "history (command line): ok"

# ---- the window

window_setup
# wait_title PATTERN: here the whole title must match (lib.sh's checks
# that it contains the text).
wait_title() {
    for i in $(seq 100); do
        # shellcheck disable=SC2254
        case "$(title)" in $1) return 0 ;; esac
        sleep 0.05
    done
    fail "title '$(title)' never became '$1'"
}


# --no-history: a session run to its after screen, and a blocked one,
# leave no history file.
start --no-history box-breathing
wait_title "stillpoint — Box breathing — before"
key Return
for i in 1 2 3 4 5 6; do key n; done
key Return
wait_title "stillpoint — Box breathing — running — *"
key Escape
wait_title "stillpoint — Box breathing — after"
key Escape
wait_exit
start --no-history box-breathing
key Return
key y
wait_title "stillpoint — Box breathing — blocked"
key Escape
wait_exit
[ ! -e "$HISTORY" ] || { cat "$HISTORY"; fail "--no-history recorded a session"; }

# Without it the same blocked session is recorded, and a history file
# that others could read is made private when the row is appended.
put good.csv
chmod 0644 "$HISTORY"
start box-breathing
key Return
key y
wait_title "stillpoint — Box breathing — blocked"
key Escape
wait_exit
tail -n1 "$HISTORY" | grep -q ',box-breathing,breathing,.*,blocked,' ||
    fail "the blocked session was not recorded"
[ "$(stat -c %a "$HISTORY")" = 600 ] || fail "history left mode $(stat -c %a "$HISTORY")"

# A session file's question that a spreadsheet would run as a formula,
# answered yes: the blocked row's detail has an apostrophe in front, in
# history.csv (which people open in a spreadsheet) and in --csv.
mkdir -p "$XDG_CONFIG_HOME/stillpoint/sessions"
cat >"$XDG_CONFIG_HOME/stillpoint/sessions/formula.cfg" <<'EOF'
version = 1;
safety = {
  formula-test = {
    before = {
      contraindications = [ "=HYPERLINK(\"http://example.test/\",\"Open your results\")" ];
      ask = "your therapist";
    };
    during = { stop_signs = [ "Feeling dizzy" ]; };
    after = { doctor_signs = [ "Pain that does not go away" ]; };
  };
};
sessions = (
  { name = "formula-check"; title = "Formula check"; type = "formula-test";
    steps = ( { say = "Breathe."; seconds = 5; } ); }
);
EOF
start formula-check
wait_title "stillpoint — Formula check — before"
key Return
key y
wait_title "stillpoint — Formula check — blocked"
key Escape
wait_exit
safe=",0.0,blocked,\"'=HYPERLINK(\"\"http://example.test/\"\",\"\"Open your results\"\")\""
tail -n1 "$HISTORY" | grep -F ',formula-check,formula-test,' | grep -qF -- "$safe" ||
    fail "history.csv holds a live formula: $(tail -n1 "$HISTORY")"
run 0 --history --csv
has "$TMP/out" "$safe"
run 0 --history
has "$TMP/out" "Formula check"
rm "$XDG_CONFIG_HOME/stillpoint/sessions/formula.cfg"

# The history screen: H opens it from the menu, Esc goes back; so does
# the menu's History button, and Back.
start
wait_title "stillpoint"
key h
wait_title "stillpoint — History — history"
key Escape
wait_title "stillpoint"
xdotool mousemove --window "$WIN" 798 746 click 1
wait_title "stillpoint — History — history"
xdotool mousemove --window "$WIN" 1100 746 click 1
wait_title "stillpoint"
key Escape
wait_exit

# A history written by hand or by an older stillpoint: a C1 control (CSI,
# which clears a terminal) and a right-to-left override never reach the
# terminal, in the table or in --csv: the reader makes them spaces.
mkdir -p "$TMP/raw/stillpoint"
printf 'started,session,type,planned_s,elapsed_s,outcome,detail\n2026-11-20T10:00:00+00:00,calm\302\2332J,breathing,60,60,completed,"bad \342\200\256 title"\n' \
    >"$TMP/raw/stillpoint/history.csv"
for fmt in "" --csv; do
    XDG_STATE_HOME="$TMP/raw" run 0 --history $fmt
    if grep -q "$(printf '\302\233')" "$TMP/out" ||
        grep -q "$(printf '\342\200\256')" "$TMP/out"; then
        fail "--history $fmt printed a control raw: $(cat -v "$TMP/out")"
    fi
    has "$TMP/out" 'calm  2J'
done
has "$TMP/out" 'bad     title'
echo "history: ok"
