/* player.h: plays a timeline by frames. It owns the session clock (the
 * number of frames rendered while running), the pause/resume/stop state
 * and the fade that keeps every change click-free. The mixer asks it for
 * the next span to render and tells it when the span is done; the live
 * device and --render drive it the same way.
 *
 * Thread rule: one thread only (the audio callback, or the render loop)
 * calls these functions; others send commands and read snapshots. */
#ifndef STILLPOINT_PLAYER_H
#define STILLPOINT_PLAYER_H

#include <stdbool.h>
#include <stdint.h>

#include "timeline.h"

enum player_state {
    PLAYER_RUNNING,
    PLAYER_PAUSING,  /* fading out; the clock runs until the fade ends */
    PLAYER_PAUSED,   /* silent; the clock is frozen */
    PLAYER_STOPPING, /* fading out, then PLAYER_STOPPED */
    PLAYER_STOPPED,  /* stopped before the end */
    PLAYER_FINISHED, /* played to the end */
};

enum {
    PLAYER_PAUSE_FADE = SOUND_RATE / 100, /* 10 ms */
    PLAYER_STOP_FADE = SOUND_RATE / 100,  /* 10 ms: silence at once */
};

struct player;

/* A stretch of frames the mixer renders in one go: no cue starts inside
 * it and the fade gain moves linearly across it. */
struct player_span {
    int64_t frames;
    bool silent; /* paused or over: output zeros, voices stay put */
    float gain, gain_step;
    size_t first_cue; /* cues starting on the span's first frame */
    size_t n_cues;
};

struct player *player_new(const struct timeline *t);
void player_free(struct player *p);

/* The next span of at most max frames (max > 0). */
void player_next_span(const struct player *p, int64_t max,
                      struct player_span *span);
/* Marks the span returned by player_next_span as rendered. */
void player_advance(struct player *p, const struct player_span *span);

void player_pause(struct player *p);
void player_resume(struct player *p);
void player_stop(struct player *p);
/* Moves the clock to the start of the next phase (skip), silently. */
void player_skip(struct player *p);

enum player_state player_state(const struct player *p);
int64_t player_position(const struct player *p);
const struct timeline *player_timeline(const struct player *p);
/* True once nothing more will sound (stopped or finished). */
bool player_done(const struct player *p);

const char *player_state_name(enum player_state s);

#endif
