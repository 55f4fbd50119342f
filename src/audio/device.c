/* device.c: SDL_mixer's music hook drives the engine. */
#include "device.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdio.h>

#include "decode.h"

enum { CHUNK = 1024 };

/* Owned by the audio thread while playing. */
static float scratch[CHUNK * MIX_OUT_CHANNELS];

static void hook(void *udata, Uint8 *stream, int len)
{
    struct engine *e = udata;
    int16_t *out = (int16_t *)(void *)stream;
    size_t frames = (size_t)len / (MIX_OUT_CHANNELS * sizeof(int16_t));
    while (frames > 0) {
        size_t n = frames < CHUNK ? frames : CHUNK;
        engine_render(e, scratch, n);
        mix_to_s16(scratch, out, n * MIX_OUT_CHANNELS);
        out += n * MIX_OUT_CHANNELS;
        frames -= n;
    }
}

bool device_open(bool *silent, char *err, size_t errlen)
{
    *silent = false;
    if (decode_open(false, err, errlen))
        return true;
    char why[256];
    snprintf(why, sizeof(why), "%s", err);
    decode_close();
    if (!decode_open(true, err, errlen))
        return false;
    *silent = true;
    snprintf(err, errlen,
             "no sound device (%s); the session runs silently "
             "with captions",
             why);
    return true;
}

void device_play(struct engine *e)
{
    /* Mix_HookMusic takes the audio lock: once it returns, the hook no
     * longer uses the previous engine, which may then be freed. */
    Mix_HookMusic(e ? hook : NULL, e);
}

void device_close(void)
{
    Mix_HookMusic(NULL, NULL); /* takes the audio lock: no hook runs after */
    decode_close();
}
