/* engine.c: a single-producer single-consumer command ring and a seqlock
 * snapshot around the mixer. */
#include "engine.h"

#include <stdatomic.h>
#include <stdlib.h>

enum { QUEUE = 64 }; /* a power of two */

struct command {
    enum engine_cmd cmd;
    float arg;
};

struct engine {
    struct mixer *mix;
    struct player *player;
    /* The ring: the sender writes slots and publishes head; the clock
     * thread reads them and publishes tail. */
    struct command ring[QUEUE];
    _Atomic size_t head, tail;
    /* The snapshot, under a sequence counter that is odd while it is
     * being written. */
    _Atomic uint64_t seq;
    _Atomic int64_t position;
    _Atomic int state;
    _Atomic float volume;
    _Atomic uint64_t frames_out;
};

struct engine *engine_new(struct mixer *m, struct player *p)
{
    struct engine *e = calloc(1, sizeof(*e));
    if (!e)
        return NULL;
    e->mix = m;
    e->player = p;
    atomic_init(&e->head, 0);
    atomic_init(&e->tail, 0);
    atomic_init(&e->seq, 0);
    atomic_init(&e->position, player_position(p));
    atomic_init(&e->state, player_state(p));
    atomic_init(&e->volume, mix_volume(m));
    atomic_init(&e->frames_out, 0);
    return e;
}

void engine_free(struct engine *e)
{
    free(e);
}

bool engine_send(struct engine *e, enum engine_cmd cmd, float arg)
{
    size_t head = atomic_load_explicit(&e->head, memory_order_relaxed);
    size_t tail = atomic_load_explicit(&e->tail, memory_order_acquire);
    if (head - tail == QUEUE)
        return false;
    e->ring[head % QUEUE] = (struct command){cmd, arg};
    atomic_store_explicit(&e->head, head + 1, memory_order_release);
    return true;
}

static void apply(struct engine *e, const struct command *c)
{
    switch (c->cmd) {
    case ENGINE_PAUSE:
        player_pause(e->player);
        break;
    case ENGINE_RESUME:
        player_resume(e->player);
        break;
    case ENGINE_STOP:
        player_stop(e->player);
        break;
    case ENGINE_SKIP:
        player_skip(e->player);
        break;
    case ENGINE_VOLUME:
        mix_set_volume(e->mix, c->arg);
        break;
    case ENGINE_VOICE_VOLUME:
        mix_set_layer_volume(e->mix, MIX_VOICE, c->arg);
        break;
    case ENGINE_CUE_VOLUME:
        mix_set_layer_volume(e->mix, MIX_CUES, c->arg);
        break;
    case ENGINE_AMBIENT_VOLUME:
        mix_set_layer_volume(e->mix, MIX_AMBIENT, c->arg);
        break;
    }
}

void engine_render(struct engine *e, float *out, size_t frames)
{
    size_t tail = atomic_load_explicit(&e->tail, memory_order_relaxed);
    size_t head = atomic_load_explicit(&e->head, memory_order_acquire);
    for (; tail != head; tail++)
        apply(e, &e->ring[tail % QUEUE]);
    atomic_store_explicit(&e->tail, tail, memory_order_release);

    mix_render(e->mix, out, frames);

    uint64_t s = atomic_load_explicit(&e->seq, memory_order_relaxed);
    atomic_store_explicit(&e->seq, s + 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&e->position, player_position(e->player),
                          memory_order_relaxed);
    atomic_store_explicit(&e->state, (int)player_state(e->player),
                          memory_order_relaxed);
    atomic_store_explicit(&e->volume, mix_volume(e->mix), memory_order_relaxed);
    atomic_fetch_add_explicit(&e->frames_out, frames, memory_order_relaxed);
    atomic_store_explicit(&e->seq, s + 2, memory_order_release);
}

bool engine_sounding(const struct engine *e)
{
    enum player_state st = player_state(e->player);
    return st == PLAYER_RUNNING || st == PLAYER_PAUSING ||
           st == PLAYER_STOPPING;
}

void engine_duck(struct engine *e, bool on)
{
    mix_duck(e->mix, on);
}

void engine_snapshot(const struct engine *e, struct engine_snapshot *out)
{
    struct engine *m = (struct engine *)e; /* atomics are read-only here */
    for (;;) {
        uint64_t s1 = atomic_load_explicit(&m->seq, memory_order_acquire);
        if (s1 & 1)
            continue;
        out->position =
            atomic_load_explicit(&m->position, memory_order_relaxed);
        out->state = (enum player_state)atomic_load_explicit(
            &m->state, memory_order_relaxed);
        out->volume = atomic_load_explicit(&m->volume, memory_order_relaxed);
        out->frames_out =
            atomic_load_explicit(&m->frames_out, memory_order_relaxed);
        atomic_thread_fence(memory_order_acquire);
        uint64_t s2 = atomic_load_explicit(&m->seq, memory_order_relaxed);
        if (s1 == s2) {
            out->seq = s1 / 2;
            return;
        }
    }
}
