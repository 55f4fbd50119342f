/* wav.h: writes 16-bit PCM WAV files for --render. The header is written
 * first with the final length, so the output may also be a pipe ("-").
 * A file is written under a new, random name beside it (never a name
 * that was there, nor through a link: fsutil_create_temp) and renamed
 * into place only when complete, so a failed render never leaves a
 * partial file; a path that is a device or a FIFO (/dev/null) is written
 * to directly. A path that is a symbolic link is refused: nothing is
 * written through one. */
#ifndef STILLPOINT_WAV_H
#define STILLPOINT_WAV_H

#include <stddef.h>
#include <stdint.h>

struct wav_writer;

/* Opens path ("-" for stdout) for frames frames of rate/channels audio.
 * Returns NULL and fills err on failure ("PATH: " FSUTIL_LINK_REFUSED for
 * a symbolic link). */
struct wav_writer *wav_open(const char *path, int rate, int channels,
                            int64_t frames, char *err, size_t errlen);
/* Appends interleaved float samples in -1..1 (clipped). 0 or -1. */
int wav_write(struct wav_writer *w, const float *samples, size_t frames);
/* Flushes, closes and renames into place. 0, or -1 with err filled. */
int wav_close(struct wav_writer *w, char *err, size_t errlen);
/* Closes and removes the temporary file. */
void wav_abort(struct wav_writer *w);

#endif
