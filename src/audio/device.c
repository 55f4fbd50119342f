/* device.c: SDL_mixer's music hook drives the engine. */
#include "device.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "decode.h"

enum { CHUNK = 1024 };

/* Owned by the audio thread while playing. */
static float scratch[CHUNK * MIX_OUT_CHANNELS];
/* The device SDL_mixer opened (it does not say which: found by status). */
static SDL_AudioDeviceID device_id;
/* When the playing engine first and last handed a sound to the device
 * (CLOCK_MONOTONIC ns; 0 before), for make bench. */
static atomic_llong first_sound, last_sound;
/* Only make bench asks: the callback does no timing work otherwise. */
static bool timing;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void note_sound(const int16_t *out, size_t samples)
{
    for (size_t i = 0; i < samples; i++)
        if (out[i]) {
            long long t = now_ns();
            if (!atomic_load_explicit(&first_sound, memory_order_relaxed))
                atomic_store(&first_sound, t);
            atomic_store(&last_sound, t);
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
        if (timing)
            note_sound(out, n * MIX_OUT_CHANNELS);
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
    timing = getenv("STILLPOINT_BENCH") != NULL;
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

/* The engine the hook drives, kept across a sleep. */
static struct engine *playing;
static bool asleep, went_silent;

void device_play(struct engine *e)
{
    playing = e;
    atomic_store(&first_sound, 0);
    atomic_store(&last_sound, 0);
    /* Mix_HookMusic takes the audio lock: once it returns, the hook no
     * longer uses the previous engine, which may then be freed. Asleep,
     * no hook runs at all; waking hooks the engine. */
    if (!asleep)
        Mix_HookMusic(e ? hook : NULL, e);
}

long long device_first_sound_ns(void)
{
    return atomic_load(&first_sound);
}

long long device_last_sound_ns(void)
{
    return atomic_load(&last_sound);
}

void device_set_paused(bool paused)
{
    if (paused == asleep)
        return;
    if (paused) {
        /* Stop the callbacks, then close the device: SDL's audio thread
         * would otherwise keep waking to play silence. */
        if (device_id)
            SDL_PauseAudioDevice(device_id, 1);
        Mix_HookMusic(NULL, NULL);
        decode_suspend();
        asleep = true;
        return;
    }
    char err[256];
    if (!decode_resume(err, sizeof(err))) {
        /* The device went away while asleep: go on silently, as when
         * there was none at the start. */
        decode_close();
        if (!decode_open(true, err, sizeof(err)))
            return;
        went_silent = true;
    }
    asleep = false;
    find_device();
    Mix_HookMusic(playing ? hook : NULL, playing);
}

bool device_went_silent(void)
{
    return went_silent;
}

void device_close(void)
{
    if (!asleep)
        Mix_HookMusic(NULL, NULL); /* the audio lock: no hook runs after */
    decode_close();
    asleep = false;
    playing = NULL;
}
