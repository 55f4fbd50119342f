/* safety_flow.c: the before-screen state machine. */
#include "safety_flow.h"

#include <stdio.h>

static size_t list_len(const struct safety_flow *f, enum flow_screen s)
{
    const struct safety_profile *p = f->profile;
    switch (s) {
    case FLOW_FLOOR:
        return 1;
    case FLOW_CONTRAINDICATION:
        return p->contraindications.count;
    case FLOW_CLEARANCE:
        return p->clearance.count;
    case FLOW_PREPARATION:
        return p->preparation.count > 0 ? 1 : 0;
    default:
        return 0;
    }
}

/* Moves to the next screen that has something to show. */
static void next(struct safety_flow *f)
{
    f->index++;
    while (f->screen < FLOW_READY && f->index >= list_len(f, f->screen)) {
        f->screen++;
        f->index = 0;
    }
}

void safety_flow_start(struct safety_flow *f, const struct safety_profile *p)
{
    f->profile = p;
    f->screen = FLOW_FLOOR;
    f->index = 0;
    f->blocked_by = NULL;
}

bool safety_flow_is_question(const struct safety_flow *f)
{
    return f->screen == FLOW_CONTRAINDICATION || f->screen == FLOW_CLEARANCE;
}

bool safety_flow_input(struct safety_flow *f, enum flow_input in)
{
    if (f->screen == FLOW_READY || f->screen == FLOW_BLOCKED)
        return false;
    if (!safety_flow_is_question(f)) {
        if (in != FLOW_CONTINUE)
            return false;
        next(f);
        return true;
    }
    if (in == FLOW_CONTINUE)
        return false;
    bool blocks =
        (f->screen == FLOW_CONTRAINDICATION) ? in == FLOW_YES : in == FLOW_NO;
    if (blocks) {
        f->blocked_by = safety_flow_text(f);
        f->screen = FLOW_BLOCKED;
        return true;
    }
    next(f);
    return true;
}

const char *safety_flow_text(const struct safety_flow *f)
{
    const struct safety_profile *p = f->profile;
    switch (f->screen) {
    case FLOW_FLOOR:
        return SESSION_FLOOR_NOTICE;
    case FLOW_CONTRAINDICATION:
        return p->contraindications.items[f->index];
    case FLOW_CLEARANCE:
        return p->clearance.items[f->index];
    default:
        return NULL;
    }
}

size_t safety_flow_count(const struct safety_flow *f)
{
    size_t n = 0;
    for (int s = FLOW_FLOOR; s < FLOW_READY; s++)
        n += list_len(f, (enum flow_screen)s);
    return n;
}

size_t safety_flow_position(const struct safety_flow *f)
{
    if (f->screen >= FLOW_READY)
        return safety_flow_count(f);
    size_t n = 0;
    for (int s = FLOW_FLOOR; s < (int)f->screen; s++)
        n += list_len(f, (enum flow_screen)s);
    return n + f->index + 1;
}

void safety_flow_block_message(const struct safety_flow *f, char *buf, size_t n)
{
    const char *who = f->profile->ask ? f->profile->ask : "your doctor";
    if (!f->blocked_by) {
        snprintf(buf, n, "Please ask %s before doing this session.", who);
        return;
    }
    bool contra = false;
    for (size_t i = 0; i < f->profile->contraindications.count; i++)
        contra |= f->profile->contraindications.items[i] == f->blocked_by;
    snprintf(buf, n,
             "This session is not for you today: you answered %s to \"%s\" "
             "Please ask %s before doing this session.",
             contra ? "yes" : "no", f->blocked_by, who);
}
