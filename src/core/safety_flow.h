/* safety_flow.h: the screens before a session starts, in order: the floor
 * notice (the session can be stopped at any moment, and how), each
 * contraindication question (a yes blocks), each clearance question (a no
 * blocks), then the preparation checklist. The window shows the current
 * screen and feeds what the person pressed; this module decides what that
 * means, so the rule "Enter never answers a yes/no question" lives in one
 * tested place. Pure C. */
#ifndef STILLPOINT_SAFETY_FLOW_H
#define STILLPOINT_SAFETY_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

enum flow_screen {
    FLOW_FLOOR,            /* notice: Enter continues */
    FLOW_CONTRAINDICATION, /* yes/no: yes blocks */
    FLOW_CLEARANCE,        /* yes/no: no blocks */
    FLOW_PREPARATION,      /* checklist: Enter continues */
    FLOW_READY,            /* the session may start */
    FLOW_BLOCKED,          /* the session must not start */
};

enum flow_input {
    FLOW_YES,      /* the Y key or the Yes button */
    FLOW_NO,       /* the N key or the No button */
    FLOW_CONTINUE, /* Enter, Space or the Continue button */
};

struct safety_flow {
    const struct safety_profile *profile;
    enum flow_screen screen;
    size_t index;           /* question within the current screen kind */
    const char *blocked_by; /* the question whose answer blocked */
};

void safety_flow_start(struct safety_flow *f, const struct safety_profile *p);

/* Applies one input. Returns false, changing nothing, when the input does
 * not answer the current screen (Enter on a question, Y or N on a
 * notice, anything once ready or blocked). */
bool safety_flow_input(struct safety_flow *f, enum flow_input in);

/* Whether the current screen is a yes/no question. */
bool safety_flow_is_question(const struct safety_flow *f);

/* The text of the current screen: the notice or the question (NULL on the
 * checklist, whose items are profile->preparation). */
const char *safety_flow_text(const struct safety_flow *f);

/* Screens so far and in all, for "2 of 7". */
size_t safety_flow_position(const struct safety_flow *f);
size_t safety_flow_count(const struct safety_flow *f);

/* Why the session is blocked and whom to ask, in plain words. */
void safety_flow_block_message(const struct safety_flow *f, char *buf,
                               size_t n);

#endif
