/* adapt.h: a session as one person chose to have it. Trauma-informed
 * practice gives the person choices: body regions to leave out (each is
 * replaced by a neutral anchor, not just skipped), wording for open eyes,
 * and a gentle mode without breath holds and with shorter timed holds.
 * The result is an ordinary session, so the timeline, --schedule,
 * --render and the window all follow the same choices. */
#ifndef STILLPOINT_ADAPT_H
#define STILLPOINT_ADAPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "session.h"

struct adapt_options {
    uint32_t leave_out; /* bit i: SESSION_REGIONS[i] is left out */
    bool eyes_open;
    bool gentle;
};

/* A neutral place to rest attention instead of a left-out region. */
struct adapt_anchor {
    const char *region; /* lit on the body figure, or NULL (the room) */
    const char *say;
};
extern const struct adapt_anchor ADAPT_ANCHORS[];
extern const size_t ADAPT_ANCHOR_COUNT;

/* Said first when the person keeps their eyes open. */
extern const char ADAPT_EYES_OPEN_LINE[];

/* Whether the options change anything at all. */
bool adapt_any(const struct adapt_options *o);

/* The session with the options applied, its memory in a; s itself when
 * nothing applies. NULL only when out of memory. */
const struct session *adapt_session(const struct session *s,
                                    const struct adapt_options *o,
                                    struct arena *a);

/* Bit mask of a region name, or 0 when the name is not a region. */
uint32_t adapt_region_bit(const char *region);

#endif
