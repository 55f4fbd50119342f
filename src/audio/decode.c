/* decode.c: SDL_mixer decoding of sound files into int16 buffers. */
#include "decode.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "device.h"
#include "synth.h"

static bool opened_sdl, opened_mixer;

bool decode_open(bool offline, char *err, size_t errlen)
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

/* Stores the decoded stereo chunk, as mono when both channels agree. */
static bool store(struct sound *snd, const int16_t *src, int64_t frames)
{
    bool mono = true;
    for (int64_t i = 0; i < frames && mono; i++)
        mono = src[2 * i] == src[2 * i + 1];
    int ch = mono ? 1 : 2;
    int16_t *pcm = malloc((size_t)(frames * ch) * sizeof(int16_t));
    if (!pcm)
        return false;
    if (mono)
        for (int64_t i = 0; i < frames; i++)
            pcm[i] = src[2 * i];
    else
        memcpy(pcm, src, (size_t)(frames * 2) * sizeof(int16_t));
    free(snd->pcm);
    snd->pcm = pcm;
    snd->channels = ch;
    snd->frames = frames;
    return true;
}

static bool decode_file(struct sound *snd, struct diag_list *d)
{
    const char *src = snd->source ? snd->source : "?";
    struct stat st;
    if (stat(snd->path, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_add(d, src, snd->line, "sound file '%s' cannot be read",
                 snd->name);
        return false;
    }
    if (st.st_size > DECODE_MAX_FILE_BYTES) {
        diag_add(d, src, snd->line,
                 "sound file '%s' is %lld MB; the limit is %d MB", snd->name,
                 (long long)(st.st_size >> 20), DECODE_MAX_FILE_BYTES >> 20);
        return false;
    }
    Mix_Chunk *chunk = Mix_LoadWAV(snd->path);
    if (!chunk) {
        diag_add(d, src, snd->line, "sound file '%s' cannot be decoded: %s",
                 snd->name, Mix_GetError());
        return false;
    }
    int64_t frames = chunk->alen / 4;
    bool ok = false;
    if (frames == 0)
        diag_add(d, src, snd->line, "sound file '%s' holds no sound",
                 snd->name);
    else if (frames > (int64_t)DECODE_MAX_SECONDS * SOUND_RATE)
        diag_add(d, src, snd->line,
                 "sound file '%s' lasts over %d minutes; the limit is %d",
                 snd->name, DECODE_MAX_SECONDS / 60, DECODE_MAX_SECONDS / 60);
    else if (!store(snd, (const int16_t *)chunk->abuf, frames))
        diag_add(d, src, snd->line, "out of memory decoding '%s'", snd->name);
    else
        ok = true;
    Mix_FreeChunk(chunk);
    return ok;
}

void decode_thread_end(void)
{
    SDL_TLSCleanup();
}

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

/* The length of a file, from its header (SDL_mixer's music reader opens
 * it without decoding): exact for Ogg Vorbis, FLAC and WAV at 48 kHz,
 * within a frame at other rates, estimated for MP3. */
static bool measure_file(struct sound *snd, struct diag_list *d)
{
    const char *src = snd->source ? snd->source : "?";
    struct stat st;
    if (stat(snd->path, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_add(d, src, snd->line, "sound file '%s' cannot be read",
                 snd->name);
        return false;
    }
    Mix_Music *m = Mix_LoadMUS(snd->path);
    double seconds = m ? Mix_MusicDuration(m) : -1;
    if (m)
        Mix_FreeMusic(m);
    if (!m || !(seconds > 0)) {
        diag_add(d, src, snd->line, "sound file '%s' cannot be decoded%s%s",
                 snd->name, m ? ": it has no length" : ": ",
                 m ? "" : Mix_GetError());
        return false;
    }
    if (seconds > DECODE_MAX_SECONDS) {
        diag_add(d, src, snd->line,
                 "sound file '%s' lasts over %d minutes; the limit is %d",
                 snd->name, DECODE_MAX_SECONDS / 60, DECODE_MAX_SECONDS / 60);
        return false;
    }
    snd->length = (int64_t)llround(seconds * SOUND_RATE);
    return true;
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
            ok = measure_file(snd, d) && ok;
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

bool decode_sound(struct sound *snd, struct diag_list *d)
{
    if (snd->pcm || snd->text)
        return true;
    bool made = snd->path ? decode_file(snd, d) : synth_generate(snd);
    if (!made && !snd->path)
        diag_add(d, "stillpoint", 0, "out of memory making '%s'", snd->name);
    if (made)
        atomic_store_explicit(&snd->ready, 1, memory_order_release);
    return made;
}
