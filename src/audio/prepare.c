/* prepare.c: the worker that readies a session (see prepare.h). */
#include "prepare.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "speech.h"

struct prepare {
    const struct session *s;
    const struct timeline_options *opt;
    bool speak;
    struct sound_set set;
    struct timeline tl;
    struct diag_list problems;
    double speech_audio, speech_cpu;
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

/* The sound of the first cue that speaks, or -1. */
static int first_line(const struct timeline *t)
{
    for (size_t i = 0; i < t->count; i++)
        if ((t->cues[i].kind == CUE_SAY || t->cues[i].kind == CUE_SCAN) &&
            t->cues[i].sound >= 0)
            return t->cues[i].sound;
    return -1;
}

/* Synthesizes every text-only line in the order the cues use them. */
static void speak_lines(struct prepare *p)
{
    int first = first_line(&p->tl);
    if (first < 0 || p->set.items[first].ready)
        reach(p, PREPARE_FIRST_LINE);
    for (size_t i = 0; i < p->tl.count && !atomic_load(&p->cancel); i++) {
        int k = p->tl.cues[i].sound;
        if (k < 0)
            continue;
        struct sound *snd = &p->set.items[k];
        if (!snd->text || snd->pcm)
            continue;
        char err[200];
        if (speech_synthesize(snd, err, sizeof(err))) {
            double audio, cpu;
            speech_last_timing(&audio, &cpu);
            p->speech_audio += audio;
            p->speech_cpu += cpu;
            atomic_store_explicit(&snd->ready, 1, memory_order_release);
        } else {
            diag_add(&p->problems, snd->source, snd->line, "%s", err);
        }
        if (k == first)
            reach(p, PREPARE_FIRST_LINE);
    }
    if (!atomic_load(&p->cancel))
        reach(p, PREPARE_ALL);
}

static void *work(void *arg)
{
    struct prepare *p = arg;
    if (!sound_set_collect(&p->set, p->s, p->opt)) {
        diag_add(&p->problems, "stillpoint", 0, "out of memory");
        reach(p, PREPARE_FAILED);
        return NULL;
    }
    if (!decode_sound_set(&p->set, &p->problems, &p->cancel)) {
        if (!p->problems.count && !atomic_load(&p->cancel))
            diag_add(&p->problems, "stillpoint", 0, "out of memory");
        reach(p, PREPARE_FAILED);
        return NULL;
    }
    if (timeline_compile(p->s, &p->set, p->opt, &p->tl) != 0) {
        diag_add(&p->problems, "stillpoint", 0, "out of memory");
        reach(p, PREPARE_FAILED);
        return NULL;
    }
    reach(p, PREPARE_TIMELINE);
    if (p->speak)
        speak_lines(p);
    return NULL;
}

struct prepare *prepare_start(const struct session *s,
                              const struct timeline_options *o, bool speak)
{
    struct prepare *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->s = s;
    p->opt = o;
    p->speak = speak;
    sound_set_init(&p->set);
    diag_init(&p->problems);
    atomic_init(&p->cancel, false);
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
        if (!p->speak && now == PREPARE_TIMELINE)
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

void prepare_speech_figures(const struct prepare *p, double *audio_seconds,
                            double *cpu_seconds)
{
    *audio_seconds = p->speech_audio;
    *cpu_seconds = p->speech_cpu;
}

void prepare_free(struct prepare *p)
{
    if (!p)
        return;
    atomic_store(&p->cancel, true);
    pthread_join(p->thread, NULL);
    timeline_free(&p->tl);
    sound_set_free(&p->set);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free(p);
}
