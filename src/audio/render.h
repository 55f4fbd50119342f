/* render.h: renders a whole compiled session to a WAV file through the
 * same mixer the live device uses, as fast as the machine allows. */
#ifndef STILLPOINT_RENDER_H
#define STILLPOINT_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "../core/sound_set.h"
#include "../core/timeline.h"

/* Called before each block is mixed with the frame the block starts at,
 * so that what sounds from there is in memory (prepare_page). */
typedef void (*render_ahead_fn)(void *ctx, int64_t position);

/* Writes t with the sounds of set to path ("-" for stdout) as 16-bit
 * 48 kHz stereo; ahead (may be NULL) is told where the render is. Returns
 * 0, or -1 with err filled. */
int render_to_wav(const struct timeline *t, const struct sound_set *set,
                  const char *path, render_ahead_fn ahead, void *ctx, char *err,
                  size_t errlen);

#endif
