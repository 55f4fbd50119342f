#!/bin/sh
# make.sh: makes the small sound files tests/e2e/bad_sounds.sh feeds to
# stillpoint (they are committed; run this only to change them). Each bad
# file is a good one damaged in one way. Needs sox. The big ones are made
# by bad_sounds.sh at test time.
set -eu
cd "$(dirname "$0")"

# put FILE OFFSET OCTAL...: overwrites bytes at OFFSET with printf octals.
put() {
    f=$1 at=$2
    shift 2
    printf "$@" | dd of="$f" bs=1 seek="$at" conv=notrunc status=none
}

# put32 FILE OFFSET VALUE: a little-endian 32-bit number at OFFSET.
put32() {
    put "$1" "$2" "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) \
        $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))"
}

# Good files: a short soft tone in each format.
sox -n -r 16000 -c 1 -b 16 tone.wav synth 0.5 sine 660 fade 0.02 0.5 0.1 vol 0.4
sox tone.wav tone.ogg
sox tone.wav tone.flac
# Ogg Opus, which sox cannot write: libsndfile (the decoder stillpoint
# uses) writes it.
python3 - <<'PY'
import ctypes, ctypes.util
sf = ctypes.CDLL(ctypes.util.find_library("sndfile"))
class Info(ctypes.Structure):
    _fields_ = [("frames", ctypes.c_int64), ("samplerate", ctypes.c_int),
                ("channels", ctypes.c_int), ("format", ctypes.c_int),
                ("sections", ctypes.c_int), ("seekable", ctypes.c_int)]
sf.sf_open.restype = ctypes.c_void_p
sf.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(Info)]
sf.sf_readf_short.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
sf.sf_writef_short.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
sf.sf_close.argtypes = [ctypes.c_void_p]
src_info = Info()
src = sf.sf_open(b"tone.wav", 0x10, ctypes.byref(src_info))
buf = (ctypes.c_short * src_info.frames)()
sf.sf_readf_short(src, buf, src_info.frames)
sf.sf_close(src)
out_info = Info(0, 48000, 1, 0x200000 | 0x0064, 0, 0)  # OGG | OPUS
# (Opus takes 8, 12, 16, 24 or 48 kHz; 16 kHz as the tone is.)
out_info.samplerate = 16000
dst = sf.sf_open(b"tone.opus", 0x20, ctypes.byref(out_info))
sf.sf_writef_short(dst, buf, src_info.frames)
sf.sf_close(dst)
PY
# An MP3 of silence, made by hand (no encoder needed): MPEG-1 layer III
# frames, 128 kbit/s at 44.1 kHz, 417 bytes each, all side info zero.
: >tone.mp3
for i in 1 2 3 4 5 6 7 8 9 10; do
    { printf '\377\373\220\144'; head -c 413 /dev/zero; } >>tone.mp3
done

# Mislabelled and unknown.
: >empty.ogg
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 2048; i++) printf "%c", int(rand() * 255) + 1 }' >random.ogg
cp tone.mp3 mp3-named.ogg
cp tone.wav wav-named.ogg
{ printf 'MThd\0\0\0\6\0\0\0\1\0\140MTrk\0\0\0\4\0\377\57\0'; } >song.mid
{ printf 'RIFF\44\0\0\0AVI LIST\0\0\0\0'; } >movie.wav

# Cut short: the WAV and the FLAC in their sound, the Ogg inside a page
# and, for cut-page.ogg, exactly after a page.
head -c 6000 tone.wav >cut.wav
head -c 3000 tone.flac >cut.flac
size=$(wc -c <tone.ogg)
head -c $((size - 200)) tone.ogg >cut.ogg
# The last page starts at the last "OggS"; keep everything before it.
last=$(grep -obUaP 'OggS' tone.ogg | tail -n1 | cut -d: -f1)
head -c "$last" tone.ogg >cut-page.ogg
# Whole pages, but one byte of the Vorbis setup header (in the second
# page) changed: only the decoder finds it out.
cp tone.ogg bad-setup.ogg
put bad-setup.ogg 1965 '\377'

# Damaged WAV headers (tone.wav: RIFF, fmt at 12, data at 36).
cp tone.wav huge-header.wav
put32 huge-header.wav 40 4294967280 # data: 4 GB
cp tone.wav rate-1hz.wav
put32 rate-1hz.wav 24 1
cp tone.wav rate-4ghz.wav
put32 rate-4ghz.wav 24 4000000000
cp tone.wav channels.wav
put channels.wav 22 '\310\0' # 200 channels
head -c 36 tone.wav >no-data.wav
put32 no-data.wav 4 28 # the RIFF size agrees: no data chunk, not cut
{ head -c 12 tone.wav; tail -c +37 tone.wav; } >no-fmt.wav
put32 no-fmt.wav 4 $(($(wc -c <no-fmt.wav) - 8))
{ head -c 40 tone.wav; printf '\0\0\0\0'; } >silent.wav

# Damaged FLAC and Ogg.
cp tone.flac no-streaminfo.flac
put no-streaminfo.flac 4 '\4' # the first block claims to be a comment
sed 's/\x01vorbis/\x01vorbiz/' tone.ogg >not-vorbis.ogg

# Too long by its header: eleven minutes of silence, 16 kB.
sox -n -r 8000 -c 1 eleven-minutes.flac trim 0 660
