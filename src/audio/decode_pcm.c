/* decode_pcm.c: a sound file read a block at a time (sound_reader.h),
 * folded to mono or stereo and converted to 48 kHz by libsoxr
 * (resample.h); see decode_pcm.h. */
#include "decode_pcm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/sound_set.h"
#include "resample.h"
#include "sound_reader.h"

enum { SAMPLE_BYTES = 2, BLOCK_FRAMES = 4096 };

/* The output so far: grown as the sound turns out longer, never past cap
 * frames. */
struct out_pcm {
    int16_t *pcm;
    int channels;
    int64_t frames, room, cap;
};

/* Makes room in o for `more` frames; false when that would pass cap (too
 * long) or memory runs out (*oom set). */
static bool grow(struct out_pcm *o, int64_t more, bool *oom)
{
    int64_t want = o->frames + more;
    if (want > o->cap)
        return false;
    if (want <= o->room)
        return true;
    int64_t room = o->room ? o->room : SOUND_RATE;
    while (room < want)
        room *= 2;
    if (room > o->cap)
        room = o->cap;
    int16_t *p =
        realloc(o->pcm, (size_t)room * SAMPLE_BYTES * (size_t)o->channels);
    if (!p) {
        *oom = true;
        return false;
    }
    o->pcm = p;
    o->room = room;
    return true;
}

void decode_pcm_fold(float *block, long frames, int from, int to)
{
    if (from == to)
        return;
    for (long f = 0; f < frames; f++) {
        const float *in = block + f * from;
        float l = 0, r = 0;
        int nl = 0, nr = 0;
        for (int c = 0; c < from; c++) {
            if (c % 2 == 0)
                l += in[c], nl++;
            else
                r += in[c], nr++;
        }
        block[f * to] = l / (float)nl;
        if (to == 2)
            block[f * to + 1] = nr ? r / (float)nr : l / (float)nl;
    }
}

/* Runs in (NULL: the end) through the resampler into o until it is all
 * taken (or all given out, at the end). */
static int feed(struct resampler *rs, const float *in, size_t frames,
                struct out_pcm *o, bool *oom, char *why, size_t whylen)
{
    for (;;) {
        /* Enough room for what these frames can become, at most. */
        int64_t more = (int64_t)(frames * 8) + 8192;
        if (!grow(o, o->cap - o->frames < more ? o->cap - o->frames : more,
                  oom))
            return *oom ? -1 : 0;
        size_t used = 0;
        long got = resampler_run(rs, in, frames, &used,
                                 o->pcm + o->frames * o->channels,
                                 (size_t)(o->room - o->frames), why, whylen);
        if (got < 0)
            return -1;
        o->frames += got;
        if (in) {
            in += used * (size_t)o->channels;
            frames -= used;
            if (frames == 0)
                return 1;
        } else if (got == 0) {
            return 1;
        }
        if (got == 0 && used == 0 && o->frames >= o->cap)
            return 0; /* full: too long */
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
    struct resampler *rs = NULL;
    /* Room on top of the limit for what the resampler holds back. */
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
    rs = resampler_new(r.rate, SOUND_RATE, o.channels, why, whylen);
    block = malloc(sizeof(float) * BLOCK_FRAMES * (size_t)r.channels);
    if (!rs || !block) {
        if (rs)
            snprintf(why, whylen, "out of memory");
        goto fail;
    }
    int64_t in_frames = 0;
    int fed = 1;
    for (;;) {
        long got = sound_reader_read(&r, block, BLOCK_FRAMES, why, whylen);
        if (got < 0)
            goto fail;
        if (got == 0)
            break;
        in_frames += got;
        decode_pcm_fold(block, got, r.channels, o.channels);
        if ((fed = feed(rs, block, (size_t)got, &o, &oom, why, whylen)) <= 0)
            break;
    }
    if (fed > 0)
        fed = feed(rs, NULL, 0, &o, &oom, why, whylen);
    if (fed < 0 && !oom)
        goto fail;
    if (fed <= 0)
        goto too_long;
    /* The input's length at 48 kHz, to the frame. */
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
    resampler_free(rs);
    sound_reader_close(&r);
    return rc;
}

void decode_pcm_free(struct decoded *d)
{
    free(d->pcm);
    *d = (struct decoded){0};
}
