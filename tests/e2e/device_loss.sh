# device_loss.sh: the sound device goes away mid-session (a headset
# unplugged, a sound server gone), on a private PulseAudio server whose
# only sink is then unloaded. The session pauses at once, its clock
# stands still and the window says why; Space goes on with the sound on
# the sink there is now, heard there; when no sink is left, Space goes on
# silently with captions and says so.
. "$(dirname "$0")/lib.sh"
for c in pulseaudio pactl parec sox; do
    command -v $c >/dev/null || fail "$c is needed (scripts/install-deps)"
done
window_setup

PA="$TMP/pa"
mkdir -p "$PA"
export PULSE_RUNTIME_PATH="$PA/run" PULSE_STATE_PATH="$PA/state"
export PULSE_SERVER="unix:$PA/socket" SDL_AUDIODRIVER=pulseaudio
HOME="$PA" pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    --log-target="file:$PA/log" \
    -L "module-native-protocol-unix socket=$PA/socket auth-anonymous=1" \
    -L "module-null-sink sink_name=first" &
PAPID=$!
trap 'stop_x; kill $PAPID 2>/dev/null || true; wait $PAPID 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
for i in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || { cat "$PA/log" >&2; fail "pulseaudio did not start"; }

# sink NAME: the index of sink NAME; module NAME: the module that made it.
sink() { pactl list short sinks | awk -v n="$1" '$2 == n { print $1 }'; }
module() { pactl list short modules | awk -v n="sink_name=$1" '$3 == n { print $1 }'; }
# playing_on NAME: waits up to 3 s for our stream to play on sink NAME.
playing_on() {
    for i in $(seq 60); do
        [ "$(pactl list short sink-inputs | awk '{ print $2 }')" = "$(sink "$1")" ] &&
            return 0
        sleep 0.05
    done
    pactl list short sink-inputs >&2
    fail "the sound does not play on sink $1"
}
# still SECONDS: the clock the title shows stands still that long.
still() {
    t1=$(left)
    sleep "$1"
    [ "$(left)" = "$t1" ] || fail "the clock ran on while paused: $t1, then $(left)"
}
# runs: the clock the title shows counts down.
runs() {
    t1=$(left)
    sleep 1.3
    [ "$(left)" -lt "$t1" ] || fail "the clock stands still: $t1, then $(left)"
}

start box-breathing
pass_before
wait_title "— running —"
playing_on first
runs

# The only sink goes: paused within a moment, and said.
pactl unload-module "$(module first)"
wait_title "— paused —"
shown "The sound device was disconnected, so the session is paused."
still 1.2

# A new sink comes; Space goes on with it, and the session is heard there.
pactl load-module module-null-sink sink_name=second >/dev/null
key space
wait_title "— running —"
playing_on second
timeout 5 parec -d second.monitor --raw --format=s16le --rate=48000 \
    --channels=2 >"$TMP/second.raw" || true
peak=$(sox -t raw -r 48000 -e signed -b 16 -c 2 "$TMP/second.raw" -n stat 2>&1 |
    awk '/^Maximum amplitude/ { print $3 }')
awk -v p="$peak" 'BEGIN { exit !(p > 0.01) }' ||
    fail "nothing heard on the new sink (peak $peak)"
runs

# No sink left at all: Space goes on silently, with captions, and says so.
pactl unload-module "$(module second)"
wait_title "— paused —"
key space
wait_title "— running —"
shown "The sound device is gone; the session goes on silently, with captions."
runs

key Escape
wait_title "— after"
key Escape
wait_exit
echo "device_loss: paused, resumed on a new sink (peak $peak), then silent"
