/* decode_pcm.c: a sound file read a block at a time (sound_reader.h) and
 * converted to 48 kHz by an SDL_AudioStream (see decode_pcm.h). */
#include "decode_pcm.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/sound_set.h"
#include "sound_reader.h"

enum { SAMPLE_BYTES = 2, BLOCK_FRAMES = 4096 };

/* The output so far: grown as the sound turns out longer, never past cap
 * frames. */
struct out_pcm {
    int16_t *pcm;
    int channels;
    int64_t frames, room, cap;
};

/* Moves what the stream has ready into o; false when it would pass cap
 * (too long) or memory runs out (*oom set). */
static bool drain(SDL_AudioStream *st, struct out_pcm *o, bool *oom)
{
    for (;;) {
        int ready = SDL_AudioStreamAvailable(st);
        if (ready <= 0)
            return true;
        int frame_bytes = SAMPLE_BYTES * o->channels;
        int64_t want = o->frames + ready / frame_bytes;
        if (want > o->cap)
            return false;
        if (want > o->room) {
            int64_t room = o->room ? o->room : SOUND_RATE;
            while (room < want)
                room *= 2;
            if (room > o->cap)
                room = o->cap;
            int16_t *p = realloc(o->pcm, (size_t)(room * frame_bytes));
            if (!p) {
                *oom = true;
                return false;
            }
            o->pcm = p;
            o->room = room;
        }
        int got =
            SDL_AudioStreamGet(st, o->pcm + o->frames * o->channels, ready);
        if (got <= 0)
            return true;
        o->frames += got / frame_bytes;
    }
}

enum decode_pcm_status decode_pcm(const unsigned char *buf, size_t len,
                                  int64_t max_frames, struct decoded *out,
                                  char *why, size_t whylen)
{
    *out = (struct decoded){0};
    struct sound_reader r;
    if (!sound_reader_open(&r, buf, len, why, whylen))
        return DECODE_PCM_FAILED;
    enum decode_pcm_status rc = DECODE_PCM_FAILED;
    float *block = NULL;
    SDL_AudioStream *st = NULL;
    /* Room on top of the limit for the silence that flushes the
     * resampler (1024 frames at 8 kHz or more: 6144 at 48 kHz). */
    struct out_pcm o = {.cap = max_frames + 8192};
    bool oom = false;
    /* A mono file stays mono: half the memory, and the mixer plays it
     * on both sides. */
    o.channels = r.channels == 1 ? 1 : 2;
    /* The length the header gives, if any, sizes the buffer at once. */
    if (r.frames > 0 && r.frames < o.cap)
        o.room = r.frames * SOUND_RATE / r.rate + 1024;
    if (o.room > o.cap)
        o.room = o.cap;
    if (o.room &&
        !(o.pcm = malloc((size_t)o.room * SAMPLE_BYTES * (size_t)o.channels))) {
        snprintf(why, whylen, "out of memory");
        goto fail;
    }
    st = SDL_NewAudioStream(AUDIO_F32SYS, (Uint8)r.channels, r.rate,
                            AUDIO_S16SYS, (Uint8)o.channels, SOUND_RATE);
    block = malloc(sizeof(float) * BLOCK_FRAMES * (size_t)r.channels);
    if (!st || !block) {
        snprintf(why, whylen, "%s", st ? "out of memory" : SDL_GetError());
        goto fail;
    }
    int64_t in_frames = 0;
    for (;;) {
        long got = sound_reader_read(&r, block, BLOCK_FRAMES, why, whylen);
        if (got < 0)
            goto fail;
        if (got == 0)
            break;
        in_frames += got;
        int bytes = (int)got * r.channels * (int)sizeof(float);
        if (SDL_AudioStreamPut(st, block, bytes) != 0) {
            snprintf(why, whylen, "%s", SDL_GetError());
            goto fail;
        }
        if (!drain(st, &o, &oom))
            goto too_long;
    }
    /* SDL's resampler keeps the last 512 frames back even when flushed
     * (measured: a 0.5 s tone at 16 kHz came out 32 ms short): silence
     * after the end pushes them out, and the sound is cut back to the
     * length it has at 48 kHz. */
    if (r.rate != SOUND_RATE) {
        memset(block, 0, sizeof(float) * BLOCK_FRAMES * (size_t)r.channels);
        if (SDL_AudioStreamPut(
                st, block, (int)(sizeof(float) * 1024 * (size_t)r.channels)) !=
            0) {
            snprintf(why, whylen, "%s", SDL_GetError());
            goto fail;
        }
    }
    SDL_AudioStreamFlush(st);
    if (!drain(st, &o, &oom))
        goto too_long;
    int64_t exact = (in_frames * SOUND_RATE + r.rate / 2) / r.rate;
    if (o.frames > exact)
        o.frames = exact;
    if (o.frames > max_frames)
        goto too_long;
    if (o.frames > 0 && o.frames < o.room) { /* give back what is left */
        int16_t *p = realloc(o.pcm, (size_t)o.frames * SAMPLE_BYTES *
                                        (size_t)o.channels);
        if (p)
            o.pcm = p;
    }
    *out = (struct decoded){
        .pcm = o.pcm, .channels = o.channels, .frames = o.frames};
    rc = DECODE_PCM_OK;
    goto done;
too_long:
    if (oom) /* not too long after all */
        snprintf(why, whylen, "out of memory");
    rc = oom ? DECODE_PCM_FAILED : DECODE_PCM_TOO_LONG;
fail:
    free(o.pcm);
    out->frames = o.frames; /* how far it got */
done:
    free(block);
    SDL_FreeAudioStream(st);
    sound_reader_close(&r);
    return rc;
}

void decode_pcm_free(struct decoded *d)
{
    free(d->pcm);
    *d = (struct decoded){0};
}
