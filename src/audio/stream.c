/* stream.c: a recording decoded into a single-producer, single-consumer
 * ring as it plays (see stream.h). */
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/pace.h"
#include "../core/sound_check.h"
#include "decode_pcm.h"
#include "mp3_length.h"
#include "resample.h"
#include "sound_reader.h"

enum {
    BLOCK_FRAMES = 2048,             /* read from the decoder at a time */
    STAGE_FRAMES = 8 * BLOCK_FRAMES, /* room for what a block becomes */
    RING_FRAMES = STREAM_SECONDS * SOUND_RATE,
    WORKER_NAP_MS = 40, /* the worker's sleep once the ring is full */
    SHORT_FRAMES = SOUND_RATE / 20, /* an end this early is a failure */
};

struct stream {
    /* The ring: frames [read, written) are sound to play. */
    int16_t *ring;
    int channels;
    _Atomic uint64_t written, read;
    atomic_bool ended; /* nothing more will be written */
    atomic_long underruns;
    uint64_t owed; /* consumer: frames to skip when they come */
    /* Producer. */
    int fd;
    struct sound_reader r;
    struct resampler *rs;
    float *block;
    const float *in; /* frames of block not yet taken by the resampler */
    size_t in_left;
    bool input_done; /* the decoder has no more: flushing the resampler */
    int16_t *stage;  /* resampled, not yet in the ring */
    size_t stage_at, stage_n;
    int64_t length, produced;
    /* A failure: why, and the frames given out before it. */
    char why[256];
    int64_t failed_at;
    atomic_bool failed, failure_taken;
    /* The worker. */
    bool has_worker;
    atomic_bool stop;
    pthread_t thread;
};

/* A descriptor of the regular file at path, opened without blocking. */
static int open_file(const char *path, char *why, size_t whylen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        snprintf(why, whylen, "cannot be read: %s", strerror(errno));
    return fd;
}

static int64_t at_sound_rate(int64_t frames, int rate)
{
    return (frames * SOUND_RATE + rate / 2) / rate;
}

/* Decodes r through to its end: its frames, or -1 with why filled. */
static int64_t count_frames(struct sound_reader *r, char *why, size_t whylen)
{
    float *block = malloc(sizeof(float) * BLOCK_FRAMES * (size_t)r->channels);
    if (!block) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    int64_t n = 0;
    long got;
    while ((got = sound_reader_read(r, block, BLOCK_FRAMES, why, whylen)) > 0)
        n += got;
    free(block);
    return got < 0 ? -1 : n;
}

bool stream_measure(const char *path, enum stream_length how, int64_t *frames,
                    char *why, size_t whylen)
{
    int fd = open_file(path, why, whylen);
    if (fd < 0)
        return false;
    /* Scanned before the decoder opens: it reads the same descriptor. */
    struct mp3_length scan = {0};
    if (how == STREAM_LENGTH_MP3 && !mp3_length_scan(fd, &scan))
        scan.frames = 0;
    struct sound_reader r;
    char reason[200];
    bool ok = sound_reader_open_fd(&r, fd, reason, sizeof(reason));
    if (!ok) {
        snprintf(why, whylen, "cannot be decoded: %s", reason);
        close(fd);
        return false;
    }
    int64_t n = r.frames;
    /* The scan's handle saw what the decoder's did: its frames are what
     * the decoder gives. */
    if (how == STREAM_LENGTH_MP3 && scan.frames > 0 && scan.rate == r.rate &&
        scan.declared == r.frames)
        n = scan.frames;
    else if (how != STREAM_LENGTH_DECLARED || n <= 0)
        n = count_frames(&r, reason, sizeof(reason));
    if (n < 0) {
        snprintf(why, whylen, "cannot be decoded: %s", reason);
        ok = false;
    } else {
        *frames = at_sound_rate(n, r.rate);
    }
    sound_reader_close(&r);
    close(fd);
    return ok;
}

struct stream *stream_open(const char *path, int64_t length, char *why,
                           size_t whylen)
{
    struct stream *s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    s->length = length;
    s->fd = open_file(path, why, whylen);
    if (s->fd < 0) {
        free(s);
        return NULL;
    }
    char reason[200];
    if (!sound_reader_open_fd(&s->r, s->fd, reason, sizeof(reason))) {
        snprintf(why, whylen, "cannot be decoded: %s", reason);
        close(s->fd);
        free(s);
        return NULL;
    }
    s->channels = s->r.channels == 1 ? 1 : 2;
    s->rs = resampler_new(s->r.rate, SOUND_RATE, s->channels, why, whylen);
    s->block = malloc(sizeof(float) * BLOCK_FRAMES * (size_t)s->r.channels);
    s->stage = malloc(sizeof(int16_t) * STAGE_FRAMES * (size_t)s->channels);
    s->ring = malloc(sizeof(int16_t) * RING_FRAMES * (size_t)s->channels);
    if (!s->rs || !s->block || !s->stage || !s->ring) {
        if (s->rs)
            snprintf(why, whylen, "out of memory");
        stream_close(s);
        return NULL;
    }
    return s;
}

/* The producer stops: at the end, or on a damaged file (why). */
static void end(struct stream *s, const char *why)
{
    if (why) {
        snprintf(s->why, sizeof(s->why), "%s", why);
        s->failed_at = s->produced;
        atomic_store_explicit(&s->failed, true, memory_order_release);
    }
    s->stage_n = s->stage_at = 0;
    atomic_store_explicit(&s->ended, true, memory_order_release);
}

/* Refills the stage from the decoder through the resampler. */
static void restage(struct stream *s)
{
    char why[200];
    if (!s->in_left && !s->input_done) {
        long got =
            sound_reader_read(&s->r, s->block, BLOCK_FRAMES, why, sizeof(why));
        if (got < 0) {
            end(s, why);
            return;
        }
        if (got == 0) {
            s->input_done = true;
        } else {
            decode_pcm_fold(s->block, got, s->r.channels, s->channels);
            s->in = s->block;
            s->in_left = (size_t)got;
        }
    }
    size_t used = 0;
    long made = resampler_run(s->rs, s->input_done ? NULL : s->in, s->in_left,
                              &used, s->stage, STAGE_FRAMES, why, sizeof(why));
    if (made < 0) {
        end(s, why);
        return;
    }
    s->in += used * (size_t)s->channels;
    s->in_left -= used;
    if (made == 0 && s->input_done) { /* all given out */
        char len[32], msg[96];
        sound_check_length_text(len, sizeof(len),
                                (double)s->length / SOUND_RATE);
        /* Short of its measured length: cut or changed since. */
        snprintf(msg, sizeof(msg),
                 "the file ends there, short of the %s measured before it "
                 "played",
                 len);
        end(s, s->produced + SHORT_FRAMES < s->length ? msg : NULL);
        return;
    }
    if (s->produced + made > s->length)
        made = s->length - s->produced; /* the planned length is the end */
    s->stage_at = 0;
    s->stage_n = (size_t)made;
}

/* Moves what it can into the ring: false when the ring is full or the
 * stream has ended. */
static bool produce(struct stream *s)
{
    if (atomic_load_explicit(&s->ended, memory_order_relaxed))
        return false;
    if (s->stage_at == s->stage_n) {
        if (s->produced >= s->length) {
            end(s, NULL);
            return false;
        }
        restage(s);
        return true;
    }
    uint64_t w = atomic_load_explicit(&s->written, memory_order_relaxed);
    uint64_t room = RING_FRAMES -
                    (w - atomic_load_explicit(&s->read, memory_order_acquire));
    size_t n = s->stage_n - s->stage_at;
    if (room == 0)
        return false;
    if (n > room)
        n = (size_t)room;
    size_t at = (size_t)(w % RING_FRAMES), first = RING_FRAMES - at;
    if (first > n)
        first = n;
    size_t ch = (size_t)s->channels;
    memcpy(s->ring + at * ch, s->stage + s->stage_at * ch,
           first * ch * sizeof(int16_t));
    memcpy(s->ring, s->stage + (s->stage_at + first) * ch,
           (n - first) * ch * sizeof(int16_t));
    s->stage_at += n;
    s->produced += (int64_t)n;
    atomic_store_explicit(&s->written, w + n, memory_order_release);
    return true;
}

void stream_fill(struct stream *s)
{
    while (produce(s))
        ;
}

static void *work(void *arg)
{
    struct stream *s = arg;
    const struct timespec nap = {0, WORKER_NAP_MS * 1000000L};
    while (!atomic_load(&s->stop) &&
           !atomic_load_explicit(&s->ended, memory_order_relaxed)) {
        if (!produce(s))
            nanosleep(&nap, NULL);
    }
    return NULL;
}

bool stream_start(struct stream *s)
{
    if (s->has_worker)
        return true;
    s->has_worker = pthread_create(&s->thread, NULL, work, s) == 0;
    return s->has_worker;
}

int stream_channels(const struct stream *s)
{
    return s->channels;
}

/* Copies n frames from the ring at r into out (NULL: drops them). */
static void take(struct stream *s, uint64_t r, int16_t *out, size_t n)
{
    size_t ch = (size_t)s->channels;
    size_t at = (size_t)(r % RING_FRAMES), first = RING_FRAMES - at;
    if (first > n)
        first = n;
    if (out) {
        memcpy(out, s->ring + at * ch, first * ch * sizeof(int16_t));
        memcpy(out + first * ch, s->ring, (n - first) * ch * sizeof(int16_t));
    }
    atomic_store_explicit(&s->read, r + n, memory_order_release);
}

/* Frames the ring holds for the reader at r, past any owed. */
static uint64_t available(struct stream *s, uint64_t *r)
{
    uint64_t avail =
        atomic_load_explicit(&s->written, memory_order_acquire) - *r;
    if (s->owed && avail) { /* frames heard as silence: skipped */
        uint64_t skip = s->owed < avail ? s->owed : avail;
        take(s, *r, NULL, (size_t)skip);
        *r += skip;
        avail -= skip;
        s->owed -= skip;
    }
    return avail;
}

size_t stream_read(struct stream *s, int16_t *out, size_t frames)
{
    uint64_t r = atomic_load_explicit(&s->read, memory_order_relaxed);
    uint64_t avail = available(s, &r);
    bool ended = false;
    if (avail < frames) {
        /* Written before it was marked ended: read again once it is. */
        ended = atomic_load_explicit(&s->ended, memory_order_acquire);
        if (ended)
            avail = available(s, &r);
    }
    size_t n = avail < frames ? (size_t)avail : frames;
    if (n)
        take(s, r, out, n);
    if (n < frames) {
        memset(out + n * (size_t)s->channels, 0,
               (frames - n) * (size_t)s->channels * sizeof(int16_t));
        if (!ended) {
            atomic_fetch_add_explicit(&s->underruns, 1, memory_order_relaxed);
            s->owed += frames - n;
        }
    }
    return n;
}

long stream_underruns(const struct stream *s)
{
    return atomic_load_explicit(&s->underruns, memory_order_relaxed);
}

bool stream_failure(struct stream *s, int64_t *at, char *why, size_t whylen)
{
    if (!atomic_load_explicit(&s->failed, memory_order_acquire) ||
        atomic_exchange(&s->failure_taken, true))
        return false;
    *at = s->failed_at;
    snprintf(why, whylen, "%s", s->why);
    return true;
}

void stream_close(struct stream *s)
{
    if (!s)
        return;
    if (s->has_worker) {
        atomic_store(&s->stop, true);
        pthread_join(s->thread, NULL);
    }
    resampler_free(s->rs);
    sound_reader_close(&s->r);
    close(s->fd);
    free(s->block);
    free(s->stage);
    free(s->ring);
    free(s);
}
