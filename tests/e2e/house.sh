# house.sh: the shape the code keeps (docs/design.md): no file in src/
# over 700 lines and app.c under 400; no function over 100 lines; no two
# files including each other's headers in a circle; SDL only at its
# edges (src/audio/device* and src/ui/); libconfig and libarchive only in
# src/load/. A change that breaks one says where.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

for f in $(find src -name '*.[ch]'); do
    n=$(wc -l <"$f")
    [ "$n" -le 700 ] || fail "$f has $n lines (at most 700: split it along a seam)"
done
n=$(wc -l <src/ui/app.c)
[ "$n" -lt 400 ] || fail "src/ui/app.c has $n lines (under 400: a screen's code goes in its own file)"

# Functions: from a line that starts a definition at the left margin to
# the brace that closes it there.
long=$(for f in $(find src -name '*.c'); do
    awk -v f="$f" '/^[a-z].*\(/ && !/;$/ { name = $0; start = NR }
        /^}/ && start { if (NR - start + 1 > 100) print f ": " NR - start + 1 " lines: " name; start = 0 }' "$f"
done)
[ -z "$long" ] || fail "functions over 100 lines:
$long"

# Includes, as edges between modules (a .c and its .h are one): tsort
# names a loop when there is one.
for f in $(find src -name '*.[ch]'); do
    m=${f%.*}
    d=$(dirname "$f")
    sed -n 's/^#include "\(.*\)"/\1/p' "$f" | while read -r inc; do
        t=$(realpath -m --relative-to=. "$d/$inc")
        t=${t%.*}
        [ "$t" = "$m" ] || echo "$m $t"
    done
done >"$TMP/edges"
tsort "$TMP/edges" >/dev/null 2>"$TMP/loops" || true
[ ! -s "$TMP/loops" ] || fail "headers included in a circle:
$(cat "$TMP/loops")"

sdl=$(grep -rl '#include <SDL' src | grep -v -e '^src/audio/device' -e '^src/ui/' || true)
[ -z "$sdl" ] || fail "SDL outside src/audio/device* and src/ui/: $sdl"
cfg=$(grep -rl -e '#include <libconfig' -e '#include <archive' src | grep -v '^src/load/' || true)
[ -z "$cfg" ] || fail "libconfig or libarchive outside src/load/: $cfg"
echo "house: ok"
