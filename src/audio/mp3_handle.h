/* mp3_handle.h: a libmpg123 handle set up the one way stillpoint decodes
 * MP3 (sound_reader.c) and counts it (mp3_length.c), so a count is what
 * decoding gives: float output at the file's own rate (no resampling),
 * gapless (the encoder's delay and padding trimmed, where an Info frame
 * tells them), no stitched-together streams (the format never changes
 * midway: a second file glued on is not played), quiet (libmpg123 writes
 * nothing to stderr). */
#ifndef STILLPOINT_MP3_HANDLE_H
#define STILLPOINT_MP3_HANDLE_H

#include <mpg123.h>
#include <stdint.h>

/* A new handle, or NULL when out of memory. Free with mpg123_delete. */
mpg123_handle *mp3_handle_new(void);

/* The length an Info frame declares, after opening (decoding stops
 * there), or -1: the length libmpg123 guesses from a file's size when
 * there is none is no length. */
int64_t mp3_handle_declared(mpg123_handle *mh);

#endif
