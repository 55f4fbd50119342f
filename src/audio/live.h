/* live.h: one session played live: its player (the clock), its mixer and
 * the engine between them and the window, handed to the sound device.
 * The window thread starts it, sends it commands and reads snapshots of
 * it; the audio callback alone runs the clock (engine.h). */
#ifndef STILLPOINT_LIVE_H
#define STILLPOINT_LIVE_H

#include <stdbool.h>

#include "../core/sound_set.h"
#include "../core/timeline.h"
#include "engine.h"
#include "mix.h"

struct live;

/* The loudness of the whole and of each layer, 0..1. */
struct live_volumes {
    float master, voice, cues, ambient;
};

/* Builds the chain for tl and set (both must outlive it) at the given
 * volumes. NULL when out of memory. */
struct live *live_new(const struct timeline *tl, const struct sound_set *set,
                      const struct live_volumes *v);

/* Hands it to the device, which plays it as soon as it is not paused. */
void live_play(struct live *l);

/* Hands it to the device on top of the session playing (a screen read
 * aloud); live_free takes it back. */
void live_play_over(struct live *l);

/* Hands a command to the clock thread, applied in its next callback. */
void live_send(struct live *l, enum engine_cmd cmd, float arg);

/* The clock's latest state, into *snap. */
void live_snapshot(struct live *l, struct engine_snapshot *snap);

/* Whether snap (a snapshot just taken) shows every command sent applied. */
bool live_settled(const struct live *l, const struct engine_snapshot *snap);

/* Stops the clock, with its short fade, and waits for it (at most a
 * moment: a device that stopped calling back is not waited for), so
 * *snap holds the exact time played. */
void live_stop(struct live *l, struct engine_snapshot *snap);

/* Takes the chain from the device and frees it. NULL is fine. */
void live_free(struct live *l);

#endif
