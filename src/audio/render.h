/* render.h: renders a whole compiled session to a WAV file through the
 * same mixer the live device uses, as fast as the machine allows. */
#ifndef STILLPOINT_RENDER_H
#define STILLPOINT_RENDER_H

#include <stddef.h>

#include "../core/sound_set.h"
#include "../core/timeline.h"

/* Writes t with the sounds of set to path ("-" for stdout) as 16-bit
 * 48 kHz stereo. Returns 0, or -1 with err filled. */
int render_to_wav(const struct timeline *t, const struct sound_set *set,
                  const char *path, char *err, size_t errlen);

#endif
