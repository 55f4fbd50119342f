/* player.c: the session clock and its pause/resume/stop state machine. */
#include "player.h"

#include <stdlib.h>

struct player {
    const struct timeline *t;
    enum player_state state;
    int64_t pos;     /* session clock, in frames */
    size_t next_cue; /* first cue not yet started */
    float gain;      /* fade gain, 0..1 */
    int64_t fade_left;
    float fade_step; /* per frame */
};

struct player *player_new(const struct timeline *t)
{
    struct player *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->t = t;
    p->state = PLAYER_RUNNING;
    p->gain = 1.0f;
    return p;
}

void player_free(struct player *p)
{
    free(p);
}

static void start_fade(struct player *p, float target, int64_t frames)
{
    p->fade_left = frames;
    p->fade_step = (target - p->gain) / (float)frames;
}

void player_next_span(const struct player *p, int64_t max,
                      struct player_span *span)
{
    *span = (struct player_span){.frames = max, .gain = p->gain};
    if (p->state == PLAYER_PAUSED || player_done(p)) {
        span->silent = true;
        span->gain = 0.0f;
        return;
    }
    const struct timeline *t = p->t;
    size_t i = p->next_cue;
    span->first_cue = i;
    while (i < t->count && t->cues[i].frame == p->pos)
        i++;
    span->n_cues = i - p->next_cue;
    if (i < t->count && t->cues[i].frame - p->pos < span->frames)
        span->frames = t->cues[i].frame - p->pos;
    if (t->total_frames - p->pos < span->frames)
        span->frames = t->total_frames - p->pos;
    if (p->fade_left > 0) {
        if (p->fade_left < span->frames)
            span->frames = p->fade_left;
        span->gain_step = p->fade_step;
    }
}

void player_advance(struct player *p, const struct player_span *span)
{
    if (span->silent)
        return;
    p->next_cue = span->first_cue + span->n_cues;
    p->pos += span->frames;
    if (p->fade_left > 0) {
        p->fade_left -= span->frames;
        p->gain += p->fade_step * (float)span->frames;
        if (p->fade_left == 0) {
            p->gain = p->fade_step < 0 ? 0.0f : 1.0f;
            if (p->state == PLAYER_PAUSING)
                p->state = PLAYER_PAUSED;
            else if (p->state == PLAYER_STOPPING)
                p->state = PLAYER_STOPPED;
        }
    }
    if (p->pos >= p->t->total_frames && p->state != PLAYER_STOPPED)
        p->state = PLAYER_FINISHED;
}

void player_pause(struct player *p)
{
    if (p->state != PLAYER_RUNNING)
        return;
    p->state = PLAYER_PAUSING;
    start_fade(p, 0.0f, PLAYER_PAUSE_FADE);
}

void player_resume(struct player *p)
{
    if (p->state != PLAYER_PAUSED && p->state != PLAYER_PAUSING)
        return;
    p->state = PLAYER_RUNNING;
    start_fade(p, 1.0f, PLAYER_PAUSE_FADE);
}

void player_stop(struct player *p)
{
    if (player_done(p) || p->state == PLAYER_STOPPING)
        return;
    if (p->state == PLAYER_PAUSED) {
        p->state = PLAYER_STOPPED;
        return;
    }
    p->state = PLAYER_STOPPING;
    start_fade(p, 0.0f, PLAYER_STOP_FADE);
}

void player_skip(struct player *p)
{
    const struct timeline *t = p->t;
    size_t phase = timeline_phase_at(t, p->pos);
    int64_t target = t->end_frame;
    if (phase != SIZE_MAX)
        target = t->cues[phase].frame + t->cues[phase].frames;
    if (target <= p->pos || target > t->end_frame)
        return;
    p->pos = target;
    while (p->next_cue < t->count && t->cues[p->next_cue].frame < target)
        p->next_cue++;
}

enum player_state player_state(const struct player *p)
{
    return p->state;
}

int64_t player_position(const struct player *p)
{
    return p->pos;
}

const struct timeline *player_timeline(const struct player *p)
{
    return p->t;
}

bool player_done(const struct player *p)
{
    return p->state == PLAYER_STOPPED || p->state == PLAYER_FINISHED;
}

const char *player_state_name(enum player_state s)
{
    static const char *const names[] = {"running",  "pausing", "paused",
                                        "stopping", "stopped", "finished"};
    return (unsigned)s <= PLAYER_FINISHED ? names[s] : "?";
}
