/* adapt.c: applies a person's choices to a session (see adapt.h). */
#include "adapt.h"

#include <string.h>

const struct adapt_anchor ADAPT_ANCHORS[] = {
    {"hands", "Let your attention rest on your hands instead: their weight, "
              "their warmth, whatever you can feel there."},
    {"feet", "Let your attention rest on your feet instead, and the places "
             "where they meet the floor or the bed."},
    {NULL, "Let your attention rest on the sounds in the room instead, near "
           "and far, letting them come and go."},
};
const size_t ADAPT_ANCHOR_COUNT =
    sizeof(ADAPT_ANCHORS) / sizeof(ADAPT_ANCHORS[0]);

const char ADAPT_EYES_OPEN_LINE[] =
    "You have chosen to keep your eyes open. That is a fine way to practise, "
    "and you can look around whenever you like.";

/* Gentle mode: timed holds last half as long, but never under this. */
static const double GENTLE_HOLD_MIN = 10.0;

uint32_t adapt_region_bit(const char *region)
{
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++)
        if (strcmp(SESSION_REGIONS[i], region) == 0)
            return 1u << i;
    return 0;
}

bool adapt_any(const struct adapt_options *o)
{
    return o->leave_out || o->eyes_open || o->gentle;
}

/* A scan step that lights any left-out region ("chest and belly" with the
 * chest left out). A step made without its regions goes by its label. */
static bool left_out(const struct step *st, const struct adapt_options *o)
{
    if (st->kind != STEP_SCAN)
        return false;
    if (st->n_regions == 0)
        return st->label && (adapt_region_bit(st->label) & o->leave_out);
    for (size_t i = 0; i < st->n_regions; i++)
        if (adapt_region_bit(st->regions[i]) & o->leave_out)
            return true;
    return false;
}

/* The next anchor, in turn, that is not itself left out; the room is
 * always there. */
static const struct adapt_anchor *next_anchor(const struct adapt_options *o,
                                              size_t *turn)
{
    for (size_t k = 0; k < ADAPT_ANCHOR_COUNT; k++) {
        const struct adapt_anchor *an =
            &ADAPT_ANCHORS[(*turn + k) % ADAPT_ANCHOR_COUNT];
        if (!an->region || !(adapt_region_bit(an->region) & o->leave_out)) {
            *turn += k + 1;
            return an;
        }
    }
    return &ADAPT_ANCHORS[ADAPT_ANCHOR_COUNT - 1];
}

static void gentle_hold(struct step *st, struct arena *a)
{
    if (st->seconds <= GENTLE_HOLD_MIN)
        return;
    double len = st->seconds / 2;
    if (len < GENTLE_HOLD_MIN)
        len = GENTLE_HOLD_MIN;
    double scale = len / st->seconds;
    if (st->n_bells) {
        double *bells = arena_alloc(a, st->n_bells * sizeof(*bells));
        if (bells) {
            /* Bells mark changes of technique: they keep their place
             * relative to the hold. */
            for (size_t i = 0; i < st->n_bells; i++)
                bells[i] = st->bells[i] * scale;
            st->bells = bells;
        } else {
            st->n_bells = 0;
        }
    }
    st->seconds = len;
}

const struct session *adapt_session(const struct session *s,
                                    const struct adapt_options *o,
                                    struct arena *a)
{
    if (!adapt_any(o))
        return s;
    struct session *out = arena_alloc(a, sizeof(*out));
    struct step *steps = arena_alloc(a, (s->n_steps + 1) * sizeof(*steps));
    if (!out || !steps)
        return NULL;
    *out = *s;
    size_t n = 0, turn = 0;
    if (o->eyes_open)
        steps[n++] = (struct step){.kind = STEP_SAY,
                                   .line = s->line,
                                   .say = ADAPT_EYES_OPEN_LINE,
                                   .seconds = 2,
                                   .stock = true};
    for (size_t i = 0; i < s->n_steps; i++) {
        struct step st = s->steps[i];
        if (left_out(&st, o)) {
            /* A run of left-out regions becomes one anchor, as long as
             * the run was. */
            double quiet = st.seconds;
            while (i + 1 < s->n_steps && left_out(&s->steps[i + 1], o))
                quiet += s->steps[++i].seconds;
            const struct adapt_anchor *an = next_anchor(o, &turn);
            steps[n++] =
                (struct step){.kind = STEP_SCAN,
                              .line = st.line,
                              .say = an->say,
                              .label = an->region,
                              .regions = an->region ? &an->region : NULL,
                              .n_regions = an->region ? 1 : 0,
                              .seconds = quiet,
                              .stock = true};
            continue;
        }
        if (o->eyes_open && st.eyes_open) {
            st.say = st.eyes_open;
            st.voice = (struct sound_ref){0}; /* it recorded the other one */
        }
        if (o->gentle && st.kind == STEP_BREATHE) {
            st.pattern[BREATH_HOLD_IN] = 0;
            st.pattern[BREATH_HOLD_OUT] = 0;
        }
        if (o->gentle && st.kind == STEP_HOLD)
            gentle_hold(&st, a);
        steps[n++] = st;
    }
    out->steps = steps;
    out->n_steps = n;
    return out;
}
