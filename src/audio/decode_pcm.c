/* decode_pcm.c: every format through libsndfile, read from memory a block
 * at a time and converted to 48 kHz stereo by an SDL_AudioStream (see
 * decode_pcm.h). */
#include "decode_pcm.h"

#include <SDL.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/sound_set.h"

enum { SAMPLE_BYTES = 2, BLOCK_FRAMES = 4096 };

/* The file's bytes, as libsndfile's virtual file. */
struct memfile {
    const unsigned char *buf;
    sf_count_t len, at;
};

static sf_count_t mem_length(void *user)
{
    return ((struct memfile *)user)->len;
}

static sf_count_t mem_seek(sf_count_t offset, int whence, void *user)
{
    struct memfile *m = user;
    sf_count_t base = whence == SEEK_SET   ? 0
                      : whence == SEEK_CUR ? m->at
                                           : m->len;
    if (offset < -base || offset > m->len - base)
        return -1;
    m->at = base + offset;
    return m->at;
}

static sf_count_t mem_read(void *ptr, sf_count_t count, void *user)
{
    struct memfile *m = user;
    sf_count_t n = m->len - m->at < count ? m->len - m->at : count;
    if (n <= 0)
        return 0;
    memcpy(ptr, m->buf + m->at, (size_t)n);
    m->at += n;
    return n;
}

static sf_count_t mem_write(const void *ptr, sf_count_t count, void *user)
{
    (void)ptr, (void)count, (void)user;
    return 0; /* read only */
}

static sf_count_t mem_tell(void *user)
{
    return ((struct memfile *)user)->at;
}

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
    struct memfile m = {.buf = buf, .len = (sf_count_t)len};
    SF_VIRTUAL_IO io = {mem_length, mem_seek, mem_read, mem_write, mem_tell};
    SF_INFO info = {0};
    SNDFILE *sf = sf_open_virtual(&io, SFM_READ, &info, &m);
    if (!sf) {
        snprintf(why, whylen, "%s", sf_strerror(NULL));
        return DECODE_PCM_FAILED;
    }
    enum decode_pcm_status rc = DECODE_PCM_FAILED;
    float *block = NULL;
    SDL_AudioStream *st = NULL;
    /* Room for the resampler's filter on top of the limit itself. */
    struct out_pcm o = {.cap = max_frames + 1024};
    bool oom = false;
    /* sniff.h checked these; libsndfile may read a header differently. */
    if (info.channels < 1 || info.channels > 8 || info.samplerate < 1) {
        snprintf(why, whylen, "its header gives %d channels at %d Hz",
                 info.channels, info.samplerate);
        goto fail;
    }
    /* A mono file stays mono: half the memory, and the mixer plays it
     * on both sides. */
    o.channels = info.channels == 1 ? 1 : 2;
    /* The length the header gives, if any, sizes the buffer at once. */
    if (info.frames > 0 && info.frames < o.cap)
        o.room = info.frames * SOUND_RATE / info.samplerate + 1024;
    if (o.room > o.cap)
        o.room = o.cap;
    if (o.room &&
        !(o.pcm = malloc((size_t)o.room * SAMPLE_BYTES * (size_t)o.channels))) {
        snprintf(why, whylen, "out of memory");
        goto fail;
    }
    st = SDL_NewAudioStream(AUDIO_F32SYS, (Uint8)info.channels, info.samplerate,
                            AUDIO_S16SYS, (Uint8)o.channels, SOUND_RATE);
    block = malloc(sizeof(float) * BLOCK_FRAMES * (size_t)info.channels);
    if (!st || !block) {
        snprintf(why, whylen, "%s", st ? "out of memory" : SDL_GetError());
        goto fail;
    }
    for (;;) {
        sf_count_t got = sf_readf_float(sf, block, BLOCK_FRAMES);
        if (got <= 0)
            break;
        int bytes = (int)got * info.channels * (int)sizeof(float);
        if (SDL_AudioStreamPut(st, block, bytes) != 0) {
            snprintf(why, whylen, "%s", SDL_GetError());
            goto fail;
        }
        if (!drain(st, &o, &oom))
            goto too_long;
    }
    if (sf_error(sf) != SF_ERR_NO_ERROR) {
        snprintf(why, whylen, "%s", sf_strerror(sf));
        goto fail;
    }
    SDL_AudioStreamFlush(st);
    if (!drain(st, &o, &oom) || o.frames > max_frames)
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
    sf_close(sf);
    return rc;
}

void decode_pcm_free(struct decoded *d)
{
    free(d->pcm);
    *d = (struct decoded){0};
}
