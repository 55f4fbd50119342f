/* prepare.c: the worker that readies a session (see prepare.h). */
#include "prepare.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/pace.h"
#include "decode.h"
#include "recording.h"
#include "speech.h"
#include "speech_batch.h"
#include "stream.h"

struct prepare {
    const struct session *s;
    const struct timeline_options *opt;
    enum prepare_mode mode;
    size_t late_seen; /* problems the window was told of */
    struct sound_set set;
    struct timeline tl;
    struct diag_list problems;
    struct speech_batch_figures speech;
    atomic_size_t speech_done, speech_total; /* lines measured, of all */
    /* Speech is held only around the clock: from AHEAD before a line is
     * heard until BEHIND after it ends; read back from the cache, or
     * spoken again (the same samples) when the cache could not keep it. */
    bool *wanted;          /* per sound: scratch for page() */
    int64_t longest;       /* the longest line of speech, in frames */
    atomic_llong position; /* where the clock is (prepare_follow) */
    time_t started;        /* lines used since are kept in the cache */
    atomic_bool cancel;
    atomic_int stage;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

static void reach(struct prepare *p, enum prepare_stage stage)
{
    pthread_mutex_lock(&p->lock);
    atomic_store_explicit(&p->stage, stage, memory_order_release);
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

/* The frame of the first cue that speaks (the end when none does):
 * every sound that starts up to there must be ready at the start. */
static int64_t first_line_frame(const struct timeline *t)
{
    for (size_t i = 0; i < t->count; i++)
        if ((t->cues[i].kind == CUE_SAY || t->cues[i].kind == CUE_SCAN ||
             t->cues[i].kind == CUE_PLAY) &&
            t->cues[i].sound >= 0)
            return t->cues[i].frame;
    return t->total_frames;
}

enum { AHEAD = 45 * SOUND_RATE, BEHIND = 3 * SOUND_RATE };

/* Speech measured before the timeline: its samples can be had again. */
static bool is_speech(const struct sound *snd)
{
    return snd->text && snd->length > 0;
}

/* Brings a line's samples back: from the cache, or spoken again when the
 * cache could not keep it (no cache folder, a full disk) or lost it
 * (removed by hand, or by another stillpoint keeping the folder small).
 * A line that comes back another length than measured is left out. */
static bool bring_back(struct sound *snd)
{
    char err[200];
    bool cached;
    if (!speech_reload(snd) &&
        !speech_synthesize(snd, &cached, err, sizeof(err)))
        return false;
    if (snd->frames == snd->length)
        return true;
    free(snd->pcm);
    snd->pcm = NULL;
    snd->frames = 0;
    return false;
}

/* Holds in memory the lines of speech heard within [pos - BEHIND, pos +
 * AHEAD] and lets go of the others. The mixer only starts a sound that is
 * ready and reads it until it ends; a line is let go only once the clock
 * is BEHIND past its every use, so no voice can be reading it. */
static void page(struct prepare *p, int64_t pos)
{
    if (!p->wanted || p->longest == 0)
        return; /* no speech: nothing to let go or bring back */
    memset(p->wanted, 0, p->set.count * sizeof(bool));
    const struct timeline *t = &p->tl;
    int64_t from = pos - p->longest - BEHIND;
    size_t lo = 0, hi = t->count;
    while (lo < hi) { /* the first cue at or after from */
        size_t mid = (lo + hi) / 2;
        if (t->cues[mid].frame < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < t->count && t->cues[i].frame <= pos + AHEAD; i++) {
        int k = t->cues[i].sound;
        if (k >= 0 && is_speech(&p->set.items[k]) &&
            t->cues[i].frame + p->set.items[k].length + BEHIND >= pos)
            p->wanted[k] = true;
    }
    for (size_t k = 0; k < p->set.count; k++) {
        struct sound *snd = &p->set.items[k];
        bool ready = atomic_load_explicit(&snd->ready, memory_order_acquire);
        if (!is_speech(snd) || p->wanted[k] == ready)
            continue;
        if (ready) {
            atomic_store_explicit(&snd->ready, 0, memory_order_release);
            free(snd->pcm);
            snd->pcm = NULL;
            snd->frames = 0;
        } else if (bring_back(snd)) {
            atomic_store_explicit(&snd->ready, 1, memory_order_release);
        }
    }
}

/* Decodes one file. A file that fails now (its header was fine) is
 * told to the window, which shows its caption without it. */
static void ready_file(struct prepare *p, struct sound *snd)
{
    if (snd->text || atomic_load_explicit(&snd->ready, memory_order_acquire))
        return;
    struct diag_list found;
    diag_init(&found);
    /* A recording's worker keeps its ring full while it plays. */
    if (decode_sound(snd, &found) && snd->stream && p->mode == PREPARE_LIVE &&
        !stream_start(snd->stream))
        diag_add(&found, snd->source, snd->line,
                 "sound file '%s' cannot be played: no thread to read it",
                 snd->name);
    pthread_mutex_lock(&p->lock); /* the window may be reading them */
    diag_merge(&p->problems, &found);
    pthread_mutex_unlock(&p->lock);
}

/* Readies the sounds in the order the cues use them: the speech around
 * the start first, then the files; the session can start as soon as what
 * sounds up to its first line is ready, and the rest is decoded ahead of
 * the clock (decoding runs hundreds of times faster than real time). */
static void ready_in_order(struct prepare *p)
{
    page(p, atomic_load(&p->position));
    int64_t start = first_line_frame(&p->tl);
    bool started = false;
    for (size_t i = 0; i < p->tl.count && !atomic_load(&p->cancel); i++) {
        if (!started && p->tl.cues[i].frame > start) {
            reach(p, PREPARE_FIRST_LINE);
            started = true;
        }
        if (p->tl.cues[i].sound >= 0) {
            ready_file(p, &p->set.items[p->tl.cues[i].sound]);
            page(p, atomic_load(&p->position));
        }
    }
    if (atomic_load(&p->cancel))
        return;
    speech_cache_tidy(p->started);
    if (!started)
        reach(p, PREPARE_FIRST_LINE);
    reach(p, PREPARE_ALL);
}

/* While the session plays: keeps the lines around the clock in memory
 * until the session is over, and tells the window of a recording that
 * could not be read to its end (once: prepare_late_problem). */
static void follow(struct prepare *p)
{
    pthread_mutex_lock(&p->lock);
    while (!atomic_load(&p->cancel)) {
        for (size_t k = 0; k < p->set.count; k++)
            recording_failure(&p->set.items[k], &p->problems);
        pthread_mutex_unlock(&p->lock);
        page(p, atomic_load(&p->position));
        pthread_mutex_lock(&p->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (!atomic_load(&p->cancel))
            pthread_cond_timedwait(&p->changed, &p->lock, &until);
    }
    pthread_mutex_unlock(&p->lock);
}

/* The four-hour limit, on the true length: the loader's estimate cannot
 * know a recording's length or a line's speech. */
static bool within_limit(struct prepare *p)
{
    double secs = (double)p->tl.end_frame / SOUND_RATE;
    if (secs <= PACE_MAX_SECONDS)
        return true;
    diag_add(&p->problems, p->s->source, p->s->line,
             "session '%s' lasts %.0f h %02.0f min with its recordings and "
             "speech; the limit is 4 hours",
             p->s->name, floor(secs / 3600), floor(fmod(secs, 3600) / 60));
    return false;
}

static void steps(struct prepare *p)
{
    bool ok = sound_set_collect(&p->set, p->s, p->opt);
    /* Lengths first, from the files' headers: the timeline is the same
     * whether the files are decoded now or while the session plays. */
    ok = ok && decode_measure_set(&p->set, &p->problems, &p->cancel);
    /* --render and --schedule decode every file before anything else, so
     * a file that cannot be decoded is refused before they begin; the
     * window decodes while the session plays. */
    if (p->mode == PREPARE_SCHEDULE || p->mode == PREPARE_RENDER)
        ok = ok && decode_file_set(&p->set, &p->problems, &p->cancel);
    /* Then the speech, for its true lengths (a line flite cannot speak
     * keeps its caption). */
    ok = ok &&
         speech_batch_measure(&p->set, &p->problems, &p->cancel,
                              &p->speech_done, &p->speech_total, &p->speech);
    ok = ok && timeline_compile(p->s, &p->set, p->opt, &p->tl) == 0;
    ok = ok && within_limit(p);
    if (ok) {
        p->wanted = calloc(p->set.count + 1, sizeof(bool));
        ok = p->wanted != NULL;
        for (size_t k = 0; k < p->set.count; k++)
            if (is_speech(&p->set.items[k]) &&
                p->set.items[k].length > p->longest)
                p->longest = p->set.items[k].length;
    }
    if (!ok) {
        if (!p->problems.count && !atomic_load(&p->cancel))
            diag_add(&p->problems, "stillpoint", 0, "out of memory");
        reach(p, PREPARE_FAILED);
        return;
    }
    reach(p, PREPARE_TIMELINE);
    if (p->mode == PREPARE_RENDER || p->mode == PREPARE_LIVE)
        ready_in_order(p);
    if (p->mode == PREPARE_LIVE)
        follow(p);
}

static void *work(void *arg)
{
    steps(arg);
    return NULL;
}

struct prepare *prepare_start(const struct session *s,
                              const struct timeline_options *o,
                              enum prepare_mode mode)
{
    struct prepare *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->s = s;
    p->opt = o;
    p->mode = mode;
    sound_set_init(&p->set);
    diag_init(&p->problems);
    atomic_init(&p->cancel, false);
    atomic_init(&p->position, 0);
    atomic_init(&p->speech_done, 0);
    atomic_init(&p->speech_total, 0);
    p->started = time(NULL);
    atomic_init(&p->stage, PREPARE_WORKING);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    if (pthread_create(&p->thread, NULL, work, p) != 0) {
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->changed);
        free(p);
        return NULL;
    }
    return p;
}

enum prepare_stage prepare_stage(const struct prepare *p)
{
    return (enum prepare_stage)atomic_load_explicit(&p->stage,
                                                    memory_order_acquire);
}

bool prepare_wait(struct prepare *p, enum prepare_stage stage)
{
    pthread_mutex_lock(&p->lock);
    enum prepare_stage now;
    while ((now = prepare_stage(p)) < stage && now != PREPARE_FAILED) {
        /* Without speech, the worker ends at the timeline. */
        if ((p->mode == PREPARE_SCHEDULE || p->mode == PREPARE_MEASURE) &&
            now == PREPARE_TIMELINE)
            break;
        pthread_cond_wait(&p->changed, &p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return now != PREPARE_FAILED;
}

const struct sound_set *prepare_sounds(const struct prepare *p)
{
    return &p->set;
}

const struct timeline *prepare_timeline(const struct prepare *p)
{
    return &p->tl;
}

const struct diag_list *prepare_problems(const struct prepare *p)
{
    return &p->problems;
}

bool prepare_late_problem(struct prepare *p, char *buf, size_t len)
{
    pthread_mutex_lock(&p->lock);
    bool found = p->late_seen < p->problems.count;
    if (found)
        snprintf(buf, len, "%s", p->problems.msgs[p->late_seen++]);
    pthread_mutex_unlock(&p->lock);
    return found;
}

void prepare_speech_figures(const struct prepare *p,
                            struct speech_batch_figures *fig)
{
    *fig = p->speech;
}

void prepare_speech_progress(const struct prepare *p, size_t *done,
                             size_t *total)
{
    *done = atomic_load(&p->speech_done);
    *total = atomic_load(&p->speech_total);
}

void prepare_follow(struct prepare *p, int64_t position)
{
    long long was = atomic_exchange(&p->position, (long long)position);
    /* A second of sound on: the worker looks now rather than at its next
     * quarter second (a clock faster than real time, in tests). */
    if (position / SOUND_RATE != was / SOUND_RATE)
        pthread_cond_signal(&p->changed);
}

void prepare_page(struct prepare *p, int64_t position)
{
    atomic_store(&p->position, (long long)position);
    page(p, position);
    /* Recordings: decoded here, ahead of the mixer, so a render never
     * runs dry and is the same on every machine. */
    for (size_t k = 0; k < p->set.count; k++)
        if (p->set.items[k].stream)
            stream_fill(p->set.items[k].stream);
}

bool prepare_render_failures(struct prepare *p, struct diag_list *d)
{
    bool any = false;
    for (size_t k = 0; k < p->set.count; k++)
        any = recording_failure(&p->set.items[k], d) || any;
    return any;
}

void prepare_free(struct prepare *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    atomic_store(&p->cancel, true);
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
    pthread_join(p->thread, NULL);
    free(p->wanted);
    timeline_free(&p->tl);
    recording_close_all(&p->set);
    sound_set_free(&p->set);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free(p);
}
