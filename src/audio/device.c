/* device.c: SDL_mixer opens the sound device and its music hook drives
 * the engine. */
#include "device.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { CHUNK = 1024 };

/* Owned by the audio thread while playing. */
static float scratch[CHUNK * MIX_OUT_CHANNELS];
static float over_scratch[CHUNK * MIX_OUT_CHANNELS];
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

/* The session's engine and the one of a screen read aloud over it; set
 * by the window thread, then the hook is set again (Mix_HookMusic takes
 * the audio lock, so no hook call still uses the engine replaced). */
static _Atomic(struct engine *) playing, over;

/* Renders the session and, added on top, the screen being read aloud,
 * the session's ambient bed stepping back under it as under its own
 * voice. */
static void render(size_t n)
{
    struct engine *e = atomic_load_explicit(&playing, memory_order_acquire);
    struct engine *o = atomic_load_explicit(&over, memory_order_acquire);
    if (e) {
        engine_duck(e, o && engine_sounding(o));
        engine_render(e, scratch, n);
    } else {
        memset(scratch, 0, n * MIX_OUT_CHANNELS * sizeof(float));
    }
    if (o) {
        engine_render(o, over_scratch, n);
        for (size_t i = 0; i < n * MIX_OUT_CHANNELS; i++)
            scratch[i] += over_scratch[i];
    }
}

static void hook(void *udata, Uint8 *stream, int len)
{
    (void)udata;
    int16_t *out = (int16_t *)(void *)stream;
    size_t frames = (size_t)len / (MIX_OUT_CHANNELS * sizeof(int16_t));
    while (frames > 0) {
        size_t n = frames < CHUNK ? frames : CHUNK;
        render(n);
        mix_to_s16(scratch, out, n * MIX_OUT_CHANNELS);
        if (timing)
            note_sound(out, n * MIX_OUT_CHANNELS);
        out += n * MIX_OUT_CHANNELS;
        frames -= n;
    }
}

static bool opened_sdl, opened_mixer;

/* Opens SDL's audio and SDL_mixer on the sound device, or with offline
 * set on SDL's "dummy" driver, which sounds nowhere but keeps time. */
static bool mixer_open(bool offline, char *err, size_t errlen)
{
    if (opened_mixer)
        return true;
    if (offline)
        SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            snprintf(err, errlen, "cannot start audio: %s", SDL_GetError());
            return false;
        }
        opened_sdl = true;
    }
    /* The buffer sets how soon a pause or stop is heard. */
    if (Mix_OpenAudioDevice(SOUND_RATE, AUDIO_S16SYS, 2, DEVICE_BUFFER_FRAMES,
                            NULL, 0) != 0) {
        snprintf(err, errlen, "cannot open the audio mixer: %s",
                 Mix_GetError());
        return false;
    }
    opened_mixer = true;
    return true;
}

/* Closes the device only (asleep), or SDL's audio as well. */
static void mixer_close(bool all)
{
    if (opened_mixer)
        Mix_CloseAudio();
    opened_mixer = false;
    if (all && opened_sdl)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    if (all)
        opened_sdl = false;
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
    if (mixer_open(false, err, errlen)) {
        find_device();
        return true;
    }
    char why[256];
    snprintf(why, sizeof(why), "%s", err);
    mixer_close(true);
    if (!mixer_open(true, err, errlen))
        return false;
    *silent = true;
    find_device();
    snprintf(err, errlen,
             "no sound device (%s); the session runs silently "
             "with captions",
             why);
    return true;
}

static bool asleep, went_silent;
/* The session asked the device to sleep (it sleeps once no screen is
 * being read aloud either). */
static bool session_resting;

/* Sets the hook again for the engines there are now. Mix_HookMusic takes
 * the audio lock: once it returns, no hook call uses an engine replaced,
 * which may then be freed. Asleep, no hook runs at all; waking hooks. */
static void rehook(void)
{
    if (!asleep)
        Mix_HookMusic(atomic_load(&playing) || atomic_load(&over) ? hook : NULL,
                      NULL);
}

void device_play(struct engine *e)
{
    atomic_store_explicit(&playing, e, memory_order_release);
    atomic_store(&first_sound, 0);
    atomic_store(&last_sound, 0);
    rehook();
}

static void sleep_device(void);
static void wake_device(void);

void device_play_over(struct engine *e)
{
    atomic_store_explicit(&over, e, memory_order_release);
    if (e && !atomic_load(&playing)) { /* its own first sound, for bench */
        atomic_store(&first_sound, 0);
        atomic_store(&last_sound, 0);
    }
    if (e && asleep)
        wake_device();
    else
        rehook();
}

void device_settle(void)
{
    if (session_resting && !atomic_load(&over) && !asleep)
        sleep_device();
}

long long device_first_sound_ns(void)
{
    return atomic_load(&first_sound);
}

long long device_last_sound_ns(void)
{
    return atomic_load(&last_sound);
}

/* The device the session sounds on went away (SDL keeps calling the hook
 * at the same pace, into nothing): the next wake opens the one there is
 * now. */
static bool lost;

bool device_removed(unsigned which, bool capture)
{
    if (capture || !device_id || which != device_id || asleep)
        return false;
    lost = true;
    return true;
}

/* Stops the callbacks, then closes the device: SDL's audio thread would
 * otherwise keep waking to play silence. */
static void sleep_device(void)
{
    if (device_id)
        SDL_PauseAudioDevice(device_id, 1);
    Mix_HookMusic(NULL, NULL);
    mixer_close(false);
    device_id = 0;
    lost = false;
    asleep = true;
}

/* Opens the default device again, or when there is none (it went away
 * while asleep) SDL's silent one, as when there was none at the start. */
static void wake_device(void)
{
    char err[256];
    if (!mixer_open(false, err, sizeof(err))) {
        mixer_close(true);
        if (!mixer_open(true, err, sizeof(err)))
            return;
        went_silent = true;
    }
    asleep = false;
    find_device();
    rehook();
}

void device_set_paused(bool paused)
{
    session_resting = paused;
    if (paused && atomic_load(&over))
        return; /* a screen is being read aloud: it sleeps after */
    if (paused && !asleep) {
        sleep_device();
    } else if (!paused && (asleep || lost)) {
        if (!asleep)
            sleep_device();
        wake_device();
    }
}

bool device_went_silent(void)
{
    return went_silent;
}

void device_close(void)
{
    if (!asleep)
        Mix_HookMusic(NULL, NULL); /* the audio lock: no hook runs after */
    mixer_close(true);
    asleep = false;
    atomic_store(&playing, NULL);
    atomic_store(&over, NULL);
}
