# report.sh: the practice report a person brings to a therapist, from
# four weeks of daily sessions (some stopped for discomfort, some kept
# from starting by a safety question, ratings, notes with hostile text):
# --report -o FILE.html writes a private page (0600), refuses a link at
# the destination, writes to stdout without -o, takes --since; then a
# real browser (Debian's chromium, headless) loads it with nothing on its
# console, prints it to PDF on at most three A4 pages, and takes a
# screenshot (kept in $TMP, or where REPORT_SHOT says).
. "$(dirname "$0")/lib.sh"

export TZ=UTC
HISTORY="$XDG_STATE_HOME/stillpoint/history.csv"
mkdir -p "$(dirname "$HISTORY")"

# ---- four weeks of history, as the window writes it: a row when a
# session starts, one when it ends, then its ratings and its note.
row() { printf '%s\n' "$1" >>"$HISTORY"; }
echo "started,session,type,planned_s,elapsed_s,outcome,detail" >"$HISTORY"
i=27
while [ "$i" -ge 0 ]; do
    day=$(date -d "-$i days" +%F)
    s="${day}T08:00:00+00:00,box-breathing,breathing,300.0"
    case $i in
    20)
        row "$s,0.0,blocked,Do you have high blood pressure?"
        i=$((i - 1))
        continue
        ;;
    esac
    row "$s,0.0,interrupted,"
    row "$s,0.0,rated-before,$(( (i * 7) % 11 ))"
    case $i in
    24 | 10 | 3) row "$s,192.0,discomfort,stopped for discomfort at 03:12" ;;
    *) row "$s,300.0,completed,played to the end" ;;
    esac
    row "$s,300.0,rated-after,$(( (i * 3) % 8 ))"
    case $i in
    25) row "$s,300.0,note,\"<script>alert(\"\"x\"\")</script> & <b>bold</b>\\nA second line, \"\"quoted\"\".\"" ;;
    18) row "$s,300.0,note,\"'=HYPERLINK(\"\"evil\"\",\"\"Open\"\")\"" ;;
    *) row "$s,300.0,note,\"Day $i: shoulders loosened during the long out-breath; the jaw stayed tight.\\nSlept better afterwards.\"" ;;
    esac
    if [ $((i % 2)) -eq 0 ]; then
        e="${day}T21:30:00+00:00,body-scan-15,body-scan,900.0"
        row "$e,0.0,interrupted,"
        row "$e,900.0,completed,played to the end"
    fi
    i=$((i - 1))
done
first=$(date -d "-27 days" +%F)

# ---- the command line
run 0 --report -o "$TMP/r.html"
has "$TMP/out" "$TMP/r.html: the practice report, 41 sessions"
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "--report wrote to stderr"; }
[ "$(stat -c %a "$TMP/r.html")" = 600 ] ||
    fail "the report has mode $(stat -c %a "$TMP/r.html"), not 600"
has "$TMP/r.html" "<h1>stillpoint practice report</h1>"
has "$TMP/r.html" "(28 days)"
has "$TMP/r.html" "<dt>Sessions</dt><dd>41</dd>"
has "$TMP/r.html" "stopped for discomfort: 3"
has "$TMP/r.html" "The question that stopped it: “Do you have high blood pressure?”"
has "$TMP/r.html" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;
A second line, &quot;quoted&quot;."
has "$TMP/r.html" "=HYPERLINK(&quot;evil&quot;,&quot;Open&quot;)"
has "$TMP/r.html" "Body scan, 15 minutes"
for bad in "<script" "<b>" "http:" "https:" "src=" "href="; do
    grep -qF -- "$bad" "$TMP/r.html" && fail "the report holds $bad"
done

# An older report is replaced, and stays private.
chmod 0644 "$TMP/r.html"
run 0 --report -o "$TMP/r.html"
[ "$(stat -c %a "$TMP/r.html")" = 600 ] || fail "a replaced report is not 600"

# A link at the destination is refused; what it leads to is untouched.
echo keep >"$TMP/target"
ln -s "$TMP/target" "$TMP/link.html"
run 2 --report -o "$TMP/link.html"
has "$TMP/err" "$TMP/link.html: is a symbolic link; stillpoint will not write through it"
[ "$(cat "$TMP/target")" = keep ] || fail "the report was written through a link"
[ -L "$TMP/link.html" ] || fail "the link was replaced"
run 1 --report -o "$TMP/no/such/folder/r.html"
has "$TMP/err" "$TMP/no/such/folder/r.html: cannot be written: No such file or directory"

# Without -o, and with -o -: the page on stdout.
run 0 --report
head -n1 "$TMP/out" | grep -qx '<!DOCTYPE html>' || fail "stdout is not the page"
has "$TMP/out" "</html>"
run 0 --report -o -
has "$TMP/out" "<h1>stillpoint practice report</h1>"

# --since: the period starts there; a bad date is refused.
since=$(date -d "-6 days" +%F)
run 0 --report --since "$since"
has "$TMP/out" "(7 days)"
grep -q "$first" "$TMP/out" && fail "--since kept an earlier session"
run 2 --report --since 2026-02-30
has "$TMP/err" "--since: '2026-02-30' is not a date like 2026-11-23 (YYYY-MM-DD)"

# No history: a page that says so.
XDG_STATE_HOME="$TMP/empty" run 0 --report
has "$TMP/out" "No sessions in this period."
echo "report (command line): ok"

# ---- in a real browser
command -v chromium >/dev/null ||
    fail "chromium is needed to check the report in a browser (scripts/install-deps installs it)"
command -v pdfinfo >/dev/null ||
    fail "pdfinfo is needed to count the report's pages (scripts/install-deps installs poppler-utils)"
# root (as in a container) needs --no-sandbox; a private profile.
browse() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu \
        --user-data-dir="$TMP/chromium" --no-first-run "$@"
}
url="file://$TMP/r.html"

# Loaded, with nothing on the console: the page has no script, so any
# console line (an error, a blocked load) means something is wrong.
browse --enable-logging=stderr --v=0 --dump-dom "$url" >"$TMP/dom" 2>"$TMP/console" ||
    { cat "$TMP/console"; fail "chromium could not load the report"; }
has "$TMP/dom" "stillpoint practice report"
has "$TMP/dom" "<svg"
if grep -E ':CONSOLE|Uncaught' "$TMP/console"; then
    fail "the browser's console has messages for the report"
fi

# Printed on A4: four weeks on at most three pages.
browse --no-pdf-header-footer --print-to-pdf="$TMP/r.pdf" "$url" 2>"$TMP/print" ||
    { cat "$TMP/print"; fail "chromium could not print the report"; }
pages=$(pdfinfo "$TMP/r.pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$TMP/r.pdf" | sed -n 's/^Page size: *//p')
echo "report: $pages pages ($size), $(wc -c <"$TMP/r.html") bytes of HTML"
[ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le 3 ] ||
    fail "four weeks print on $pages pages (at most 3)"
case "$size" in
*"595.92 x 841.92"* | *"595 x 842"* | *A4*) ;;
*) fail "the report does not print on A4: $size" ;;
esac

# A screenshot, for a person to look at (REPORT_SHOT=FILE.png keeps one).
shot=${REPORT_SHOT:-$TMP/r.png}
browse --screenshot="$shot" --window-size=1200,1600 "$url" 2>"$TMP/shot" ||
    { cat "$TMP/shot"; fail "chromium could not take a screenshot"; }
[ "$(wc -c <"$shot")" -gt 20000 ] || fail "the screenshot is blank"
echo "report: ok"
