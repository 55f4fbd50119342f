/* breath_view.c: the running screen's visuals at a moment, from the
 * timeline alone; phases too short to show change nothing (see
 * breath_view.h). */
#include "breath_view.h"

#include <math.h>

#include "pace.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static int64_t min_frames(void)
{
    return pace_frames(BREATH_VIEW_MIN_SECONDS);
}

/* The phase-opening cue before cue i, or SIZE_MAX. */
static size_t prev_phase(const struct timeline *t, size_t i)
{
    while (i > 0) {
        const struct cue *c = &t->cues[--i];
        if (c->frames > 0 && c->kind != CUE_AMBIENT)
            return i;
    }
    return SIZE_MAX;
}

static bool is_breath(const struct cue *c)
{
    return c->kind == CUE_INHALE || c->kind == CUE_HOLD ||
           c->kind == CUE_EXHALE;
}

/* Whether cue c moves the breathing visual: an in or out long enough. */
static bool moves(const struct cue *c)
{
    return (c->kind == CUE_INHALE || c->kind == CUE_EXHALE) &&
           c->frames >= min_frames();
}

size_t breath_view_steady(const struct timeline *t, int64_t frame)
{
    size_t now = timeline_phase_at(t, frame);
    for (size_t i = now; i != SIZE_MAX; i = prev_phase(t, i))
        if (t->cues[i].frames >= min_frames())
            return i;
    return now;
}

/* The size the breathing visual has when breath cue i begins: where the
 * last in or out that moved it left it (small at the first breath). */
static double start_size(const struct timeline *t, size_t i)
{
    for (size_t k = prev_phase(t, i); k != SIZE_MAX; k = prev_phase(t, k)) {
        const struct cue *c = &t->cues[k];
        if (!is_breath(c))
            return 0;
        if (moves(c))
            return c->kind == CUE_INHALE ? 1 : 0;
    }
    return 0;
}

bool breath_view_at(const struct timeline *t, int64_t frame,
                    struct breath_view *v)
{
    size_t i = breath_view_steady(t, frame);
    if (i == SIZE_MAX || !is_breath(&t->cues[i]))
        return false;
    const struct cue *c = &t->cues[i];
    int64_t gone = frame - c->frame;
    if (gone < 0)
        gone = 0;
    if (gone > c->frames)
        gone = c->frames;
    double u = (double)gone / (double)c->frames;
    double from = start_size(t, i);
    v->phase = c->phase;
    v->size = from;
    if (moves(c)) {
        double to = c->kind == CUE_INHALE ? 1 : 0;
        v->size = from + (to - from) * (0.5 - 0.5 * cos(M_PI * u));
    }
    v->fill = c->frames >= pace_frames(BREATH_VIEW_BAR_MIN_SECONDS) ? u : 1;
    v->seconds = (int)((c->frames + SOUND_RATE - 1) / SOUND_RATE);
    v->count = (int)(gone / SOUND_RATE) + 1;
    if (v->count > v->seconds)
        v->count = v->seconds;
    return true;
}

bool breath_view_caption_shows(const struct cue *c, int64_t frame)
{
    return c->caption && (c->kind != CUE_CAPTION ||
                          frame < c->frame + c->frames + min_frames());
}

const char *breath_view_word(enum breath_phase phase)
{
    switch (phase) {
    case BREATH_IN:
        return "In";
    case BREATH_OUT:
        return "Out";
    case BREATH_HOLD_IN:
    case BREATH_HOLD_OUT:
        break;
    }
    return "Hold";
}
