/* prefs_items.c: the choices screen's items (see prefs_items.h). */
#include "prefs_items.h"

#include <math.h>
#include <stdio.h>

#include "session.h"

enum item {
    ITEM_MASTER,
    ITEM_VOICE_VOLUME,
    ITEM_CUE_VOLUME,
    ITEM_AMBIENT_VOLUME,
    ITEM_VOICE,
    ITEM_AMBIENT,
    ITEM_CUE_STYLE,
    ITEM_SETTLING,
    ITEM_EYES_OPEN,
    ITEM_GENTLE,
    ITEM_GROUNDING,
    ITEM_REGIONS /* then one per region */
};

/* Settling times offered, in seconds. */
static const double settle_steps[] = {0, 10, 20, 30, 60, 90, 120};
enum { SETTLE_STEPS = sizeof(settle_steps) / sizeof(settle_steps[0]) };

int prefs_item_count(void)
{
    return ITEM_REGIONS + (int)SESSION_REGION_COUNT;
}

int prefs_item_first_region(void)
{
    return ITEM_REGIONS;
}

static float *volume_of(struct prefs *p, int item)
{
    switch (item) {
    case ITEM_MASTER:
        return &p->master_volume;
    case ITEM_VOICE_VOLUME:
        return &p->voice_volume;
    case ITEM_CUE_VOLUME:
        return &p->cue_volume;
    case ITEM_AMBIENT_VOLUME:
        return &p->ambient_volume;
    default:
        return NULL;
    }
}

static bool *flag_of(struct prefs *p, int item)
{
    switch (item) {
    case ITEM_VOICE:
        return &p->voice;
    case ITEM_AMBIENT:
        return &p->ambient;
    case ITEM_EYES_OPEN:
        return &p->eyes_open;
    case ITEM_GENTLE:
        return &p->gentle;
    case ITEM_GROUNDING:
        return &p->offer_grounding;
    default:
        return NULL;
    }
}

void prefs_item_text(const struct prefs *p, int item, char *name, size_t nn,
                     char *value, size_t vn)
{
    static const char *const names[ITEM_REGIONS] = {
        [ITEM_MASTER] = "Volume",
        [ITEM_VOICE_VOLUME] = "Voice volume",
        [ITEM_CUE_VOLUME] = "Cue volume",
        [ITEM_AMBIENT_VOLUME] = "Background volume",
        [ITEM_VOICE] = "Speak the lines",
        [ITEM_AMBIENT] = "Background sound",
        [ITEM_CUE_STYLE] = "Breathing cues",
        [ITEM_SETTLING] = "Settling time",
        [ITEM_EYES_OPEN] = "Eyes-open wording",
        [ITEM_GENTLE] = "Gentle mode",
        [ITEM_GROUNDING] = "Grounding after a stop",
    };
    struct prefs copy = *p;
    name[0] = value[0] = '\0';
    if (item < 0 || item >= prefs_item_count())
        return;
    if (item >= ITEM_REGIONS) {
        int r = item - ITEM_REGIONS;
        snprintf(name, nn, "%s", SESSION_REGIONS[r]);
        snprintf(value, vn, "%s",
                 (p->leave_out >> r) & 1u ? "left out" : "included");
        return;
    }
    snprintf(name, nn, "%s", names[item]);
    float *vol = volume_of(&copy, item);
    bool *flag = flag_of(&copy, item);
    if (vol)
        snprintf(value, vn, "%d %%", (int)lroundf(*vol * 100));
    else if (flag)
        snprintf(value, vn, "%s", *flag ? "on" : "off");
    else if (item == ITEM_CUE_STYLE)
        snprintf(value, vn, "%s",
                 p->cue_style == CUE_STYLE_SOUND     ? "tone and caption"
                 : p->cue_style == CUE_STYLE_CAPTION ? "caption only"
                                                     : "visual only");
    else if (item == ITEM_SETTLING && p->settling_seconds > 0)
        snprintf(value, vn, "%.0f s", p->settling_seconds);
    else if (item == ITEM_SETTLING)
        snprintf(value, vn, "none");
}

static int settle_index(double s)
{
    int best = 0;
    for (int i = 1; i < SETTLE_STEPS; i++)
        if (fabs(settle_steps[i] - s) < fabs(settle_steps[best] - s))
            best = i;
    return best;
}

bool prefs_item_step(struct prefs *p, int item, int dir)
{
    if (item >= ITEM_REGIONS && item < prefs_item_count()) {
        p->leave_out ^= 1u << (item - ITEM_REGIONS);
        return true;
    }
    float *v = volume_of(p, item);
    bool *f = flag_of(p, item);
    if (v) {
        /* Tenths, so the value never drifts from a round figure; a toggle
         * goes round from full to silent. */
        int was = (int)lroundf(*v * 10), now = was + (dir ? dir : 1);
        now = now < 0 ? 0 : now > 10 ? (dir ? 10 : 0) : now;
        *v = (float)now / 10;
        return now != was;
    }
    if (f) {
        *f = !*f;
        return true;
    }
    if (item == ITEM_CUE_STYLE) {
        int s = (int)p->cue_style + (dir < 0 ? 2 : 1);
        p->cue_style = (enum cue_style)(s % 3);
        return true;
    }
    if (item == ITEM_SETTLING) {
        int was = settle_index(p->settling_seconds),
            now = was + (dir ? dir : 1);
        now = now < 0               ? 0
              : now >= SETTLE_STEPS ? (dir ? SETTLE_STEPS - 1 : 0)
                                    : now;
        p->settling_seconds = settle_steps[now];
        return now != was;
    }
    return false;
}
