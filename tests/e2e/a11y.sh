# a11y.sh: the window for people who see less well. Every screen (the
# offer to read screens aloud, menu,
# choices, history, the before screens, blocked, running with the
# breathing circle, calm motion's still circle and filling bar, the body
# figure and a hold, the stop-signs panel, the rating question and its
# pause words, after, the note box, import) is visited in the default
# theme, in high contrast at
# text size 2, and at text size 2 in an 800x600 window; each screenshot's
# contrast is measured colour by colour against its theme
# (tests/tools/shot_contrast: text 4.5:1, 7:1 in high contrast; graphics
# 3:1, 4.5:1), and each frame's layout (STILLPOINT_LAYOUT_LOG) is checked:
# no text past the window's edge, over another text, over the body
# figure or the circle, or under the buttons. Then, on a 1024x600
# screen, the window opens wholly on it with its Stop button in sight,
# and opens again at the size and place it was left. SHOTS=DIR keeps the
# screenshots as PNG files to look at.
. "$(dirname "$0")/lib.sh"

# ---- the display, at a size -------------------------------------------------

# display WxH: a private X server of that size (lib.sh's window_setup,
# whose server is 1280x800, then another in its place when asked).
display() {
    stop_x
    if [ "$1" = 1280x800 ]; then
        window_setup
        return
    fi
    exec 3>"$TMP/display.$1"
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp -noreset >"$TMP/xvfb.log" 2>&1 &
    XVFB=$!
    for i in $(seq 50); do [ -s "$TMP/display.$1" ] && break; sleep 0.1; done
    export DISPLAY=":$(cat "$TMP/display.$1")"
    for i in $(seq 100); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.1
    done
}

# shot NAME THEME: the window's pixels, cut from the screen, measured.
shot() {
    eval "$(xdotool getwindowgeometry --shell "$WIN")"
    sleep 0.3
    xwd -root -silent | xwdtopnm 2>/dev/null |
        pnmcut -left "$X" -top "$Y" -width "$WIDTH" -height "$HEIGHT" |
        pnmdepth 255 >"$TMP/$1.ppm"
    if [ -n "${SHOTS:-}" ]; then
        mkdir -p "$SHOTS"
        pnmtopng "$TMP/$1.ppm" >"$SHOTS/$1.png"
    fi
    "$TOOLS/shot_contrast" "$2" "$TMP/$1.ppm" >"$TMP/$1.contrast" || {
        cat "$TMP/$1.contrast" >&2
        fail "$1: contrast under what $2 needs (or a colour not in it)"
    }
    cat "$TMP/$1.contrast" >>"$TMP/contrast.all"
}

# has_pair NAME FG BG: the screenshot shows FG beside BG (so the figure
# measured is one the screen really draws).
has_pair() {
    grep -Eq "^pair ([^ ]*/)?$2(/[^ ]*)? on ([^ ]*/)?$3(/[^ ]*)? " "$TMP/$1.contrast" || {
        cat "$TMP/$1.contrast" >&2
        fail "$1: no $2 on $3 measured"
    }
}

# layout_ok: every frame logged so far keeps its texts inside the window,
# apart, clear of the body figure and the circle, and above the buttons.
layout_ok() {
    awk -F'\t' '
        function over(a, b) {
            return X[a] < X[b] + W[b] && X[b] < X[a] + W[a] &&
                   Y[a] < Y[b] + H[b] && Y[b] < Y[a] + H[a]
        }
        function bad(why) { print "frame " f " (" fw "x" fh "): " why; nbad++ }
        $1 ~ /^frame / { split($1, p, " "); fw = p[2]; fh = p[3]; n = 0; f++; next }
        $1 == "end" {
            top = fh
            for (i = 1; i <= n; i++)
                if (K[i] == "button" && S[i] != "" && Y[i] < top) top = Y[i]
            for (i = 1; i <= n; i++) {
                if (X[i] < 0 || Y[i] < 0 || X[i] + W[i] > fw || Y[i] + H[i] > fh)
                    bad(K[i] " past the window: " X[i] "," Y[i] " " W[i] "x" H[i] " " S[i])
                lab[i] = 0
                for (j = 1; K[i] == "text" && j <= n; j++)
                    if (K[j] == "button" && S[j] == S[i] && over(i, j)) {
                        lab[i] = 1
                        if (X[i] < X[j] || Y[i] < Y[j] || X[i] + W[i] > X[j] + W[j] ||
                            Y[i] + H[i] > Y[j] + H[j])
                            bad("label past its button: " S[i])
                    }
            }
            for (i = 1; i <= n; i++) {
                if (K[i] != "text" || lab[i]) continue
                if (Y[i] + H[i] > top)
                    bad("text under the buttons (top " top "): " S[i] " at y " Y[i] "+" H[i])
                for (j = 1; j <= n; j++) {
                    if (j == i || !over(i, j)) continue
                    if (K[j] == "text" && j > i && !lab[j])
                        bad("texts over each other: \"" S[i] "\" and \"" S[j] "\"")
                    if (K[j] == "shape" && S[j] != "panel")
                        bad("text over the " S[j] ": " S[i])
                }
            }
            next
        }
        { split($1, p, " "); n++; K[n] = p[1]; X[n] = p[2]; Y[n] = p[3];
          W[n] = p[4]; H[n] = p[5]; S[n] = $2; lab[n] = 0 }
        END { if (nbad) exit 1; if (!f) { print "no frames logged"; exit 1 } }
    ' "$TMP/layout.log" >"$TMP/layout.bad" 2>&1 || {
        sed "s/^frame [0-9]* //" "$TMP/layout.bad" | sort -u | head -n 30 >&2
        fail "the layout at $1 has text clipped, overlapping or under the buttons"
    }
}

# ---- a tour of every screen -----------------------------------------------

export STILLPOINT_LAYOUT_LOG="$TMP/layout.log"
CFG="$TMP/a11y.cfg"
cat >"$CFG" <<'SESSIONS'
version = 1;
sessions = (
  { name = "a11y-breath"; title = "Breathing, for the screenshots"; type = "breathing";
    steps = ( { breathe = [4, 2, 6, 0]; cycles = 6; } ); },
  { name = "a11y-scan"; title = "Shoulder and chest scan"; type = "body-scan";
    steps = ( { scan = ["shoulders", "chest"];
                say = "Let your attention rest on your shoulders and your chest.";
                seconds = 60; } ); },
  { name = "a11y-hold"; title = "Shoulder hold"; type = "bodywork";
    steps = ( { hold = "Upper shoulder, left side"; seconds = 90; } ); }
);
SESSIONS
mkdir -p "$TMP/bin"
printf '#!/bin/sh\necho true\n' >"$TMP/bin/gsettings"
chmod +x "$TMP/bin/gsettings"
"$STILLPOINT" --config "$CFG" --export a11y-scan "$TMP/scan.zip" >/dev/null
"$STILLPOINT" --export box-breathing "$TMP/refused.tar.gz" >/dev/null

# history_rows: a few weeks of sessions for the history screen's chart.
history_rows() {
    h="$XDG_STATE_HOME/stillpoint/history.csv"
    mkdir -p "$(dirname "$h")"
    echo "started,session,type,planned_s,elapsed_s,outcome,detail" >"$h"
    for ago in 20 13 9 5 2 1 0; do
        echo "$(date -d "$ago days ago 08:00" +%Y-%m-%dT%H:%M:%S%:z),box-breathing,x,300.0,$((ago * 60 + 120)).0,completed," >>"$h"
    done
    # ratings before and after for some (the history's dots)
    for ago in 13 5 1 0; do
        s="$(date -d "$ago days ago 08:00" +%Y-%m-%dT%H:%M:%S%:z),box-breathing,x,300.0,$((ago * 60 + 120)).0"
        echo "$s,rated-before,$((ago % 7 + 3))" >>"$h"
        echo "$s,rated-after,$((ago % 4 + 2))" >>"$h"
    done
}

# before P THEME: a picture of every screen before the session, answering
# no to each question.
before() {
    n=1
    for i in $(seq 20); do
        case "$(title)" in *"— before"*) ;; *) return 0 ;; esac
        shot "$1-before-$n" "$2"
        n=$((n + 1))
        key n
        key Return
    done
}

# tour P THEME [OPTION...]: every screen, pictured as P-NAME and measured
# in THEME; the layout of every frame checked at the end.
tour() {
    p=$1 th=$2
    shift 2
    : >"$TMP/layout.log"
    history_rows
    # a first start on a desktop whose screen reader is on: the offer to
    # read the screens aloud (gsettings stands in for the desktop's)
    rm -rf "$XDG_CONFIG_HOME"
    PATH="$TMP/bin:$PATH" start --config "$CFG" "$@"
    wait_title stillpoint
    shot "$p-offer" "$th"
    key Escape
    key Escape
    wait_exit
    start --config "$CFG" "$@"
    wait_title stillpoint
    shot "$p-menu" "$th"
    has_pair "$p-menu" text button
    for i in $(seq 12); do key Down; done
    shot "$p-menu-scrolled" "$th"
    key c
    shot "$p-choices" "$th"
    for i in $(seq 40); do xdotool key Down; sleep 0.03; done
    shot "$p-choices-end" "$th"
    key Escape
    key h
    shot "$p-history" "$th"
    has_pair "$p-history" figure-lit background
    key Escape
    key Escape
    wait_exit

    start --config "$CFG" "$@" a11y-breath
    before "$p" "$th"
    wait_title "— running —"
    sleep 9
    shot "$p-breathing" "$th"
    [ "$(grep "	circle$" "$TMP/layout.log" | sort -u | wc -l)" -gt 5 ] ||
        fail "$p: the breathing circle does not grow and shrink"
    key i
    shot "$p-stop-signs" "$th"
    key i
    key Escape
    wait_title "— after"
    shot "$p-after-stopped" "$th"
    key Escape
    wait_exit

    # calm motion: the still circle, the word and count, the filling bar;
    # over 9 s of breathing the circle never changes its size
    from=$(($(wc -l <"$TMP/layout.log") + 1))
    start --config "$CFG" "$@" --calm-motion a11y-breath
    pass_before
    wait_title "— running —"
    sleep 9
    shot "$p-calm" "$th"
    has_pair "$p-calm" accent background
    tail -n +"$from" "$TMP/layout.log" >"$TMP/calm.log"
    grep -q "^shape .*	bar$" "$TMP/calm.log" || fail "$p: no bar on the calm-motion screen"
    grep -q "^text .*	In · [0-9]*$" "$TMP/calm.log" || fail "$p: no count on the calm-motion screen"
    [ "$(grep "	circle$" "$TMP/calm.log" | sort -u | wc -l)" = 1 ] ||
        fail "$p: the calm-motion circle changed its size"
    key Escape
    key Escape
    wait_exit

    start --config "$CFG" "$@" a11y-scan
    pass_before
    wait_title "— running —"
    sleep 8
    shot "$p-scan" "$th"
    has_pair "$p-scan" figure background
    key d
    wait_title "— after"
    shot "$p-after-discomfort" "$th"
    key Escape
    wait_exit

    start --config "$CFG" "$@" a11y-hold
    pass_before
    wait_title "— running —"
    sleep 8
    shot "$p-hold" "$th"
    key Escape
    key Escape
    wait_exit

    # The rating question (trauma-informed asks, and pauses at 8), its
    # pause words, the question after and the note box.
    start "$@" grounded-scan
    pass_before
    wait_title "— how you feel"
    key 9
    shot "$p-rating" "$th"
    key Return
    wait_title "— before"
    shot "$p-rating-pause" "$th"
    key Return
    wait_title "— running —"
    key Escape
    wait_title "— how you feel"
    key 3
    shot "$p-rating-after" "$th"
    key Return
    wait_title "— after"
    key n
    xdotool type --delay 40 'Calmer, café'
    key shift+Return
    shot "$p-note" "$th"
    key Return
    shot "$p-note-saved" "$th"
    key Escape
    wait_exit

    start "$@" box-breathing
    wait_title "— before"
    key Return
    key y
    wait_title "— blocked"
    shot "$p-blocked" "$th"
    key Escape
    wait_exit

    start "$@" "$TMP/scan.zip"
    wait_title "Import"
    shot "$p-import" "$th"
    key Escape
    key Escape
    wait_exit
    start "$@" "$TMP/refused.tar.gz"
    wait_title "Import"
    shot "$p-import-refused" "$th"
    key Escape
    key Escape
    wait_exit
    layout_ok "$p"
}

# TOURS=... runs some only (default, contrast, small, fit).
TOURS=${TOURS:-default contrast small fit}
want() { case " $TOURS " in *" $1 "*) return 0 ;; esac; return 1; }

display 1280x800
if want default; then
    tour default default
    # the body figure: lit beside unlit, each against the background
    has_pair default-scan figure-lit figure
fi
if want contrast; then
    tour contrast high-contrast --theme high-contrast --text-size 2
    has_pair contrast-scan figure-lit figure
fi
if want small; then
    display 800x600
    tour small default --text-size 2
fi

# ---- a window that fits: a 1024x600 screen ----------------------------------

# geometry: the window's place and size as X Y WIDTH HEIGHT.
geometry() {
    eval "$(xdotool getwindowgeometry --shell "$WIN")"
    echo "$X $Y $WIDTH $HEIGHT"
}

if want fit; then
    display 1024x600
    PLACE="$XDG_STATE_HOME/stillpoint/window"
    rm -f "$PLACE"
    : >"$TMP/layout.log"
    start box-breathing
    pass_before
    wait_title "— running —"
    sleep 1
    set -- $(geometry)
    [ "$1" -ge 0 ] && [ "$2" -ge 0 ] && [ $(($1 + $3)) -le 1024 ] && [ $(($2 + $4)) -le 600 ] ||
        fail "the window ($*) is not wholly on the 1024x600 screen"
    shot fit-running default
    # The Stop button, as the last frame placed it, is inside the window
    # and stops the session when clicked.
    stop=$(grep "^button .*	Stop (Esc)$" "$TMP/layout.log" | tail -n1 | cut -f1)
    [ -n "$stop" ] || fail "no Stop button drawn"
    set -- $stop
    [ $(($2 + $4)) -le 1024 ] && [ $(($3 + $5)) -le 600 ] ||
        fail "the Stop button ($stop) is outside the 1024x600 window"
    xdotool mousemove --window "$WIN" $(($2 + $4 / 2)) $(($3 + $5 / 2)) click 1
    wait_title "— after"
    layout_ok fit
    # The size and place a person gives it are kept for the next start.
    xdotool windowsize --sync "$WIN" 860 600
    xdotool windowmove --sync "$WIN" 120 0
    sleep 0.5
    key Escape
    wait_exit
    [ "$(cat "$PLACE")" = "120 0 860 600" ] || fail "the window's place was kept as '$(cat "$PLACE" 2>/dev/null)'"
    [ "$(stat -c %a "$PLACE")" = 600 ] || fail "the window's place file is not private"
    start
    wait_title stillpoint
    [ "$(geometry)" = "120 0 860 600" ] || fail "the window opened at $(geometry), not where it was left"
    key Escape
    wait_exit
    # A place off this screen (a monitor since unplugged) opens on it.
    echo "3000 40 900 600" >"$PLACE"
    start
    wait_title stillpoint
    set -- $(geometry)
    [ "$1" -ge 0 ] && [ $(($1 + $3)) -le 1024 ] || fail "a place off the screen was used: $*"
    key Escape
    wait_exit
    # Nothing is written through a link in its place.
    rm -f "$PLACE"
    ln -s "$TMP/elsewhere" "$PLACE"
    start
    wait_title stillpoint
    xdotool windowmove --sync "$WIN" 10 0
    sleep 0.3
    key Escape
    wait_exit
    [ ! -e "$TMP/elsewhere" ] && [ -L "$PLACE" ] || fail "the place was written through a link"
fi
echo "a11y: ok"
