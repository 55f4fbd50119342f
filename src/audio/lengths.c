/* lengths.c: the menu's session lengths, measured in a worker (see
 * lengths.h). */
#include "lengths.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "prepare.h"

struct lengths {
    const struct session *const *list;
    size_t n;
    const struct timeline_options *o;
    const struct adapt_options *ad;
    _Atomic long long *tenths; /* per session: tenths of a second, or -1 */
    atomic_size_t done;
    atomic_bool cancel;
    pthread_t thread;
};

/* Waits for the timeline, looking at cancel (when there is one) every
 * 20 ms. */
static bool wait_timeline(struct prepare *p, const atomic_bool *cancel)
{
    if (!cancel)
        return prepare_wait(p, PREPARE_TIMELINE);
    enum prepare_stage st;
    while ((st = prepare_stage(p)) < PREPARE_TIMELINE) {
        if (cancel && atomic_load(cancel))
            return false;
        nanosleep(&(struct timespec){0, 20 * 1000000L}, NULL);
    }
    return st != PREPARE_FAILED;
}

double lengths_measure(const struct session *s,
                       const struct timeline_options *o,
                       const struct adapt_options *ad, struct diag_list *d,
                       const atomic_bool *cancel)
{
    struct arena *scratch = arena_new();
    const struct session *as = scratch ? adapt_session(s, ad, scratch) : NULL;
    struct prepare *p = as ? prepare_start(as, o, PREPARE_MEASURE) : NULL;
    double seconds = -1;
    if (!p)
        diag_add(d, "stillpoint", 0, "out of memory");
    else if (wait_timeline(p, cancel))
        seconds = (double)prepare_timeline(p)->total_frames / SOUND_RATE;
    else if (prepare_stage(p) == PREPARE_FAILED)
        diag_merge(d, prepare_problems(p));
    prepare_free(p);
    arena_free(scratch);
    return seconds;
}

static void *work(void *arg)
{
    struct lengths *l = arg;
    for (size_t i = 0; i < l->n && !atomic_load(&l->cancel); i++) {
        struct diag_list d;
        diag_init(&d);
        double s = lengths_measure(l->list[i], l->o, l->ad, &d, &l->cancel);
        atomic_store(&l->tenths[i], s < 0 ? -1 : (long long)(s * 10 + 0.5));
        atomic_fetch_add(&l->done, 1);
    }
    return NULL;
}

struct lengths *lengths_start(const struct session *const *list, size_t n,
                              const struct timeline_options *o,
                              const struct adapt_options *ad)
{
    struct lengths *l = calloc(1, sizeof(*l));
    if (!l)
        return NULL;
    l->tenths = calloc(n + 1, sizeof(*l->tenths));
    if (!l->tenths) {
        free(l);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        atomic_init(&l->tenths[i], -1);
    *l = (struct lengths){
        .list = list, .n = n, .o = o, .ad = ad, .tenths = l->tenths};
    atomic_init(&l->done, 0);
    atomic_init(&l->cancel, false);
    if (pthread_create(&l->thread, NULL, work, l) != 0) {
        free(l->tenths);
        free(l);
        return NULL;
    }
    return l;
}

double lengths_get(const struct lengths *l, size_t i)
{
    if (!l || i >= l->n)
        return -1;
    long long t = atomic_load(&l->tenths[i]);
    return t < 0 ? -1 : (double)t / 10;
}

size_t lengths_done(const struct lengths *l)
{
    return l ? atomic_load(&l->done) : 0;
}

void lengths_free(struct lengths *l)
{
    if (!l)
        return;
    atomic_store(&l->cancel, true);
    pthread_join(l->thread, NULL);
    free(l->tenths);
    free(l);
}
