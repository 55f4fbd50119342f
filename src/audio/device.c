/* device.c: SDL_mixer's music hook drives the engine. */
#include "device.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include "decode.h"

enum { CHUNK = 1024 };

/* Owned by the audio thread while playing. */
static float scratch[CHUNK * MIX_OUT_CHANNELS];
/* The device SDL_mixer opened (it does not say which: found by status). */
static SDL_AudioDeviceID device_id;
/* When the playing engine first made a sound (CLOCK_MONOTONIC ns), 0
 * before. */
static atomic_llong first_sound;

static void note_first_sound(const int16_t *out, size_t samples)
{
    if (atomic_load_explicit(&first_sound, memory_order_relaxed))
        return;
    for (size_t i = 0; i < samples; i++)
        if (out[i]) {
            struct timespec t;
            clock_gettime(CLOCK_MONOTONIC, &t);
            atomic_store(&first_sound,
                         (long long)t.tv_sec * 1000000000LL + t.tv_nsec);
            return;
        }
}

static void hook(void *udata, Uint8 *stream, int len)
{
    struct engine *e = udata;
    int16_t *out = (int16_t *)(void *)stream;
    size_t frames = (size_t)len / (MIX_OUT_CHANNELS * sizeof(int16_t));
    while (frames > 0) {
        size_t n = frames < CHUNK ? frames : CHUNK;
        engine_render(e, scratch, n);
        mix_to_s16(scratch, out, n * MIX_OUT_CHANNELS);
        note_first_sound(out, n * MIX_OUT_CHANNELS);
        out += n * MIX_OUT_CHANNELS;
        frames -= n;
    }
}

static void find_device(void)
{
    device_id = 0;
    for (SDL_AudioDeviceID id = 2; id < 64 && !device_id; id++)
        if (SDL_GetAudioDeviceStatus(id) == SDL_AUDIO_PLAYING)
            device_id = id;
}

bool device_open(bool *silent, char *err, size_t errlen)
{
    *silent = false;
    if (decode_open(false, err, errlen)) {
        find_device();
        return true;
    }
    char why[256];
    snprintf(why, sizeof(why), "%s", err);
    decode_close();
    if (!decode_open(true, err, errlen))
        return false;
    *silent = true;
    find_device();
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
    atomic_store(&first_sound, 0);
    Mix_HookMusic(e ? hook : NULL, e);
}

long long device_first_sound_ns(void)
{
    return atomic_load(&first_sound);
}

void device_set_paused(bool paused)
{
    if (device_id)
        SDL_PauseAudioDevice(device_id, paused ? 1 : 0);
}

void device_close(void)
{
    device_set_paused(false);
    Mix_HookMusic(NULL, NULL); /* takes the audio lock: no hook runs after */
    decode_close();
}
