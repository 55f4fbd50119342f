/* decode_pcm.c: SDL's decoders, bounded (see decode_pcm.h). */
#include "decode_pcm.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/sound_set.h"
#include "decode_budget.h"

enum { FRAME_BYTES = 4, PUT_BYTES = 1 << 16 };

/* Moves what the stream has ready into out, at most up to cap frames;
 * false when it holds more than that. */
static bool drain(SDL_AudioStream *st, int16_t *out, int64_t *frames,
                  int64_t cap)
{
    for (;;) {
        int ready = SDL_AudioStreamAvailable(st);
        if (ready <= 0)
            return true;
        if (*frames + ready / FRAME_BYTES > cap)
            return false;
        int got = SDL_AudioStreamGet(st, out + *frames * 2, ready);
        if (got <= 0)
            return true;
        *frames += got / FRAME_BYTES;
    }
}

/* A WAV file: SDL's reader (whose header was checked: it allocates the
 * data chunk, no more than the file), then a stream to 48 kHz stereo,
 * fed a block at a time. */
static enum decode_pcm_status wav(const unsigned char *buf, size_t len,
                                  int64_t max_frames, struct decoded *out,
                                  char *why, size_t n)
{
    SDL_AudioSpec spec;
    Uint8 *data = NULL;
    Uint32 dlen = 0;
    SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
    if (!rw || !SDL_LoadWAV_RW(rw, 1, &spec, &data, &dlen)) {
        snprintf(why, n, "%s", SDL_GetError());
        return DECODE_PCM_FAILED;
    }
    int in_frame = SDL_AUDIO_BITSIZE(spec.format) / 8 * spec.channels;
    int64_t in_frames = in_frame ? dlen / in_frame : 0;
    /* The frames it converts to, and a little room for the filter. */
    int64_t cap = in_frames * SOUND_RATE / spec.freq + 1024;
    if (cap > max_frames + 1024) {
        SDL_FreeWAV(data);
        return DECODE_PCM_TOO_LONG;
    }
    SDL_AudioStream *st = SDL_NewAudioStream(
        spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 2, SOUND_RATE);
    int16_t *pcm = st ? malloc((size_t)cap * FRAME_BYTES) : NULL;
    enum decode_pcm_status rc = DECODE_PCM_FAILED;
    int64_t frames = 0;
    if (!st || !pcm) {
        snprintf(why, n, "%s", st ? "out of memory" : SDL_GetError());
        goto done;
    }
    for (Uint32 at = 0; at < dlen;) {
        Uint32 step = dlen - at < PUT_BYTES ? dlen - at : PUT_BYTES;
        step -= step % (Uint32)in_frame;
        if (step == 0)
            break;
        if (SDL_AudioStreamPut(st, data + at, (int)step) != 0) {
            snprintf(why, n, "%s", SDL_GetError());
            goto done;
        }
        at += step;
        if (!drain(st, pcm, &frames, cap)) {
            rc = DECODE_PCM_TOO_LONG;
            goto done;
        }
    }
    SDL_AudioStreamFlush(st);
    if (!drain(st, pcm, &frames, cap)) {
        rc = DECODE_PCM_TOO_LONG;
        goto done;
    }
    *out = (struct decoded){.pcm = pcm, .frames = frames, .owner = pcm};
    pcm = NULL;
    rc = DECODE_PCM_OK;
done:
    free(pcm);
    SDL_FreeAudioStream(st);
    SDL_FreeWAV(data);
    return rc;
}

enum decode_pcm_status decode_pcm(const unsigned char *buf, size_t len,
                                  enum sniff_format f, int64_t max_frames,
                                  size_t budget, struct decoded *out, char *why,
                                  size_t whylen)
{
    *out = (struct decoded){0};
    decode_budget_begin(budget);
    enum decode_pcm_status rc;
    Mix_Chunk *chunk = NULL;
    if (f == SNIFF_WAV) {
        rc = wav(buf, len, max_frames, out, why, whylen);
    } else {
        SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)len);
        chunk = rw ? Mix_LoadWAV_RW(rw, 1) : NULL;
        rc = chunk ? DECODE_PCM_OK : DECODE_PCM_FAILED;
        if (!chunk)
            snprintf(why, whylen, "%s", Mix_GetError());
    }
    if (decode_budget_end()) { /* a decoder was refused memory */
        if (chunk)
            Mix_FreeChunk(chunk);
        decode_pcm_free(out);
        return DECODE_PCM_TOO_LONG;
    }
    if (chunk)
        *out = (struct decoded){.pcm = (const int16_t *)(void *)chunk->abuf,
                                .frames = chunk->alen / FRAME_BYTES,
                                .owner = chunk,
                                .is_chunk = true};
    if (rc == DECODE_PCM_OK && out->frames > max_frames) {
        decode_pcm_free(out);
        return DECODE_PCM_TOO_LONG;
    }
    return rc;
}

void decode_pcm_free(struct decoded *d)
{
    if (d->is_chunk)
        Mix_FreeChunk(d->owner);
    else
        free(d->owner);
    *d = (struct decoded){0};
}
