/* decode.c: SDL_mixer opened for decoding, and every sound of a set
 * readied: files (sound_file.c) and synthesized tones. */
#include "decode.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include "decode_budget.h"
#include "device.h"
#include "sound_file.h"
#include "synth.h"

static bool opened_sdl, opened_mixer;

bool decode_open(bool offline, char *err, size_t errlen)
{
    if (opened_mixer)
        return true;
    decode_budget_install(); /* before SDL's audio thread starts */
    if (offline)
        SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            snprintf(err, errlen, "cannot start audio: %s", SDL_GetError());
            return false;
        }
        opened_sdl = true;
    }
    Mix_Init(MIX_INIT_OGG | MIX_INIT_FLAC | MIX_INIT_MP3);
    /* Offline, a small buffer: closing the dummy device waits for its
     * thread, which sleeps one buffer at a time. Live, the buffer sets
     * how soon a pause or stop is heard. */
    int buffer = offline ? 256 : DEVICE_BUFFER_FRAMES;
    if (Mix_OpenAudioDevice(SOUND_RATE, AUDIO_S16SYS, 2, buffer, NULL, 0) !=
        0) {
        snprintf(err, errlen, "cannot open the audio mixer: %s",
                 Mix_GetError());
        return false;
    }
    opened_mixer = true;
    return true;
}

void decode_suspend(void)
{
    if (opened_mixer)
        Mix_CloseAudio();
    opened_mixer = false;
}

bool decode_resume(char *err, size_t errlen)
{
    if (opened_mixer)
        return true;
    if (Mix_OpenAudioDevice(SOUND_RATE, AUDIO_S16SYS, 2, DEVICE_BUFFER_FRAMES,
                            NULL, 0) != 0) {
        snprintf(err, errlen, "cannot open the audio mixer: %s",
                 Mix_GetError());
        return false;
    }
    opened_mixer = true;
    return true;
}

void decode_close(void)
{
    if (opened_mixer)
        Mix_CloseAudio();
    Mix_Quit();
    if (opened_sdl)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    opened_mixer = opened_sdl = false;
}

void decode_thread_end(void)
{
    SDL_TLSCleanup();
}

static bool decode_sound(struct sound *snd, struct diag_list *d);

bool decode_sound_set(struct sound_set *set, struct diag_list *d,
                      const atomic_bool *cancel)
{
    bool ok = true;
    for (size_t i = 0; i < set->count; i++) {
        if (cancel && atomic_load(cancel))
            return false;
        ok = decode_sound(&set->items[i], d) && ok;
    }
    return ok;
}

bool decode_measure_set(struct sound_set *set, struct diag_list *d,
                        const atomic_bool *cancel)
{
    bool ok = true;
    for (size_t i = 0; i < set->count; i++) {
        if (cancel && atomic_load(cancel))
            return false;
        struct sound *snd = &set->items[i];
        if (snd->text || snd->length > 0)
            continue;
        if (snd->path) {
            ok = sound_file_measure(snd, d) && ok;
            /* A file whose header has no length was decoded to learn it. */
            if (snd->pcm)
                atomic_store_explicit(&snd->ready, 1, memory_order_release);
        } else if (!snd->pcm) {
            if (!synth_generate(snd)) {
                diag_add(d, "stillpoint", 0, "out of memory making '%s'",
                         snd->name);
                ok = false;
                continue;
            }
            atomic_store_explicit(&snd->ready, 1, memory_order_release);
        }
    }
    return ok;
}

static bool decode_sound(struct sound *snd, struct diag_list *d)
{
    if (snd->pcm || snd->text)
        return true;
    bool made = snd->path ? sound_file_decode(snd, d) : synth_generate(snd);
    if (!made && !snd->path)
        diag_add(d, "stillpoint", 0, "out of memory making '%s'", snd->name);
    if (made)
        atomic_store_explicit(&snd->ready, 1, memory_order_release);
    return made;
}
