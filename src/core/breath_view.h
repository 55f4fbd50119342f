/* breath_view.h: what the running screen's visuals show at a moment,
 * worked out from the timeline alone (so live play, a seek and a pause
 * all agree): which phase's look is on screen, the breathing visual's
 * size, how far the phase has gone (calm motion's bar) and its count.
 *
 * Nothing may flash: a phase shorter than BREATH_VIEW_MIN_SECONDS
 * changes nothing on screen (the look of the phase before it stays, and
 * the breathing visual keeps its size), so the screen changes at most
 * once in that time, under three times a second, whatever a session
 * file's phases are. */
#ifndef STILLPOINT_BREATH_VIEW_H
#define STILLPOINT_BREATH_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline.h"

/* The shortest phase that changes what the screen shows. Above 1/3 s, so
 * that no one second holds more than three changes. */
#define BREATH_VIEW_MIN_SECONDS 0.35
/* The shortest phase whose bar fills: the bar empties at each new phase,
 * a change and its reverse, so it needs more time than the rest (a
 * shorter phase shows its bar full). */
#define BREATH_VIEW_BAR_MIN_SECONDS 1.0

/* The phase cue whose look shows at frame: the phase at frame, or when
 * it is shorter than the minimum, the last one before it that is not
 * (the phase at frame when none is). SIZE_MAX before the first phase. */
size_t breath_view_steady(const struct timeline *t, int64_t frame);

struct breath_view {
    enum breath_phase phase;
    double size; /* the breathing visual: 0 smallest (out) to 1 largest */
    double fill; /* 0 to 1: how much of the phase has gone by (1 all
                    through a phase too short for its bar) */
    int count;   /* whole seconds into the phase, from 1 */
    int seconds; /* the phase's length in whole seconds (rounded up) */
};

/* Whether the steady phase at frame is a breath phase (in, hold, out);
 * when it is, fills *v for frame. */
bool breath_view_at(const struct timeline *t, int64_t frame,
                    struct breath_view *v);

/* Whether the caption of cue c, the steady phase at frame, shows: a
 * recording's caption (CUE_CAPTION) shows for its own time and the
 * minimum after, so a gap shorter than that between two captions does
 * not blink; every other cue's caption shows until the next phase. */
bool breath_view_caption_shows(const struct cue *c, int64_t frame);

/* The word of a breath phase, as the calm screen shows it: "In",
 * "Hold" or "Out". */
const char *breath_view_word(enum breath_phase phase);

#endif
