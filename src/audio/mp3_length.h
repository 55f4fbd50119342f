/* mp3_length.h: the exact length of an MP3 recording without decoding
 * it (decoding an hour to count it took 1.35 s), told by libmpg123 from
 * the file's frame headers, with a handle set up as the decoder's
 * (mp3_handle.h). Gapless decoding drops the encoder's delay at the
 * start (measured here by decoding the first few frames) and, where an
 * Info frame declares the length, stops there; without one it goes on to
 * the last frame. So the frames it delivers are what every frame holds
 * less what is dropped at the start, at most the length an Info frame
 * declares, every frame header being read as the decoder reads it
 * (mpg123_framebyframe_next, nothing decoded). A file it cannot tell
 * that way (short, damaged where the decoder would fail, changing
 * format) is left to decoding. tests/test_mp3_length.c holds it to a
 * full decode over many kinds of MP3; tests/fuzz/fuzz_mp3_length.c over
 * any bytes. */
#ifndef STILLPOINT_MP3_LENGTH_H
#define STILLPOINT_MP3_LENGTH_H

#include <stdbool.h>
#include <stdint.h>

struct mp3_length {
    int64_t frames;   /* > 0: the frames decoding it gives, */
    long rate;        /* at its own rate */
    int64_t declared; /* the length its Info frame declares, or -1 (what
                         sound_reader declares on opening it) */
};

/* Scans the regular file open at fd from its start into *len. False when
 * its length cannot be told without decoding it (see above; or not MPEG
 * audio libmpg123 can parse, or out of memory). Leaves fd's offset
 * anywhere. */
bool mp3_length_scan(int fd, struct mp3_length *len);

#endif
