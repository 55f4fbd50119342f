/* engine.h: the handoff between the thread that owns the session clock
 * (the audio callback, or a silent timer thread when there is no sound
 * device) and the window thread. Commands go in through a small lock-free
 * queue; the state comes out through one snapshot. Pure C11 atomics, no
 * SDL, no locks, no allocation after engine_new.
 *
 * Thread rules: engine_send and engine_snapshot are for the window
 * thread (one sender); engine_render is for the clock thread only. */
#ifndef STILLPOINT_ENGINE_H
#define STILLPOINT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mix.h"

enum engine_cmd {
    ENGINE_PAUSE,
    ENGINE_RESUME,
    ENGINE_STOP,
    ENGINE_SKIP,
    ENGINE_VOLUME,         /* arg: 0..1 */
    ENGINE_VOICE_VOLUME,   /* arg: 0..1, the spoken lines */
    ENGINE_CUE_VOLUME,     /* arg: 0..1, cue tones and bells */
    ENGINE_AMBIENT_VOLUME, /* arg: 0..1, the ambient bed */
};

struct engine_snapshot {
    uint64_t seq;     /* grows with every render call */
    int64_t position; /* session clock, frames */
    enum player_state state;
    float volume;
    uint64_t frames_out; /* frames handed to the device so far */
};

struct engine;

/* The engine drives m (and the player m was made with). */
struct engine *engine_new(struct mixer *m, struct player *p);
void engine_free(struct engine *e);

/* Queues a command; false when the queue is full (64 pending). */
bool engine_send(struct engine *e, enum engine_cmd cmd, float arg);

/* Clock thread: applies queued commands, renders frames of stereo float
 * into out, publishes the snapshot. Bounded work, wait-free. */
void engine_render(struct engine *e, float *out, size_t frames);

/* Clock thread: whether its player still sounds (neither paused nor
 * done), and ducking its ambient bed under a screen read aloud. */
bool engine_sounding(const struct engine *e);
void engine_duck(struct engine *e, bool on);

/* Window thread: a consistent copy of the latest state. */
void engine_snapshot(const struct engine *e, struct engine_snapshot *out);

#endif
