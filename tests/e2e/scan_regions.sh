# scan_regions.sh: a scan step that names several parts of the body lights
# every one of them on the body figure, and its caption reads them as a
# sentence. Counted in the real window under Xvfb: the pixels of the
# figure's lit colour grow from "Neck" to "neck and shoulders" to "neck,
# abdomen, lower back and hips" (each list starts with the neck, so a
# figure that lit only the first word would fail).
. "$(dirname "$0")/lib.sh"

window_setup

cat >"$TMP/scan.cfg" <<'EOF'
version = 1;
safety = {
  quiet-scan = {
    before = { ask = "your therapist"; };
    during = { stop_signs = [ "Feeling unwell in any way" ]; };
    after = { doctor_signs = [ "Feeling unwell after the session" ]; };
  };
};
sessions = (
  { name = "one"; title = "One"; type = "quiet-scan";
    steps = ( { scan = "Neck"; seconds = 60; } ); },
  { name = "two"; title = "Two"; type = "quiet-scan";
    steps = ( { scan = ["neck", "shoulders"]; seconds = 60; } ); },
  { name = "three"; title = "Three"; type = "quiet-scan";
    steps = ( { scan = ["neck", "abdomen", "lower_back", "hips"]; seconds = 60; } ); }
);
EOF

# lit SESSION CAPTION: runs the session to its scan step (its caption
# drawn) and prints how many pixels show the figure's lit colour.
lit() {
    start --config "$TMP/scan.cfg" "$1"
    for i in 1 2 3 4 5; do
        case "$(title)" in *before*) key Return ;; *) break ;; esac
        sleep 0.3
    done
    wait_title "— running —"
    # The floor notice comes first (about 7 s).
    for i in $(seq 30); do
        grep -qF -- "$2" "$TMP/screen.txt" && break
        sleep 0.5
    done
    shown "$2"
    sleep 0.5
    # The default theme's lit figure colour (PAL_FIGURE_LIT in
    # src/core/palette.c): 150 214 234.
    xwd -root -silent | xwdtopnm 2>/dev/null | pnmtoplainpnm |
        awk 'NR > 3 { for (i = 1; i <= NF; i++) v[n++] = $i }
             END { for (i = 0; i + 2 < n; i += 3)
                       c += v[i] == 150 && v[i + 1] == 214 && v[i + 2] == 234
                   print c + 0 }'
    key Escape
    wait_title "— after"
    key Escape
    wait_exit
}

one=$(lit one "Neck")
two=$(lit two "neck and shoulders")
three=$(lit three "neck, abdomen, lower back and hips")
[ "$one" -gt 0 ] || fail "'Neck' lit nothing on the figure"
[ "$two" -gt "$one" ] ||
    fail "'neck and shoulders' lit $two pixels, no more than 'Neck' ($one)"
[ "$three" -gt "$two" ] ||
    fail "'neck, abdomen, lower back and hips' lit $three pixels, no more than two parts ($two)"
echo "scan regions: ok (lit pixels: $one, $two, $three)"
