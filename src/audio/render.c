/* render.c: the offline render loop: player -> mixer -> WAV writer. */
#include "render.h"

#include <stdio.h>

#include "mix.h"
#include "wav.h"

enum { RENDER_BLOCK = 4096 };

int render_to_wav(const struct timeline *t, const struct sound_set *set,
                  const char *path, render_ahead_fn ahead, void *ctx, char *err,
                  size_t errlen)
{
    static float block[RENDER_BLOCK * MIX_OUT_CHANNELS];
    struct player *p = player_new(t);
    struct mixer *m = p ? mix_new(set, p) : NULL;
    if (!m) {
        player_free(p);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    struct wav_writer *w = wav_open(path, SOUND_RATE, MIX_OUT_CHANNELS,
                                    t->total_frames, err, errlen);
    int rc = w ? 0 : -1;
    int64_t left = t->total_frames;
    while (rc == 0 && left > 0) {
        size_t n = left < RENDER_BLOCK ? (size_t)left : RENDER_BLOCK;
        if (ahead)
            ahead(ctx, t->total_frames - left);
        mix_render(m, block, n);
        if (wav_write(w, block, n) != 0)
            rc = -1;
        left -= (int64_t)n;
    }
    if (w && wav_close(w, err, errlen) != 0)
        rc = -1;
    mix_free(m);
    player_free(p);
    return rc;
}
