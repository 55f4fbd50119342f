/* run.h: the rules of a session in progress, from its safety profile's
 * `during` part: the stop signs shown while the floor notice plays, the
 * reminder that the session can be stopped, the check-ins and what an
 * unanswered one does. Pure: the window feeds it the player's position
 * (frames at SOUND_RATE, which stops while paused) and what the person
 * did, and acts on what it returns. */
#ifndef STILLPOINT_RUN_H
#define STILLPOINT_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "history.h"
#include "session.h"
#include "timeline.h"

/* Seconds the stop reminder stays each time it comes. */
#define RUN_REMINDER_SHOWN 10

struct run {
    const struct safety_profile *profile;
    bool info;                /* the stop signs are shown */
    int64_t info_until;       /* ...until here by themselves; 0: until hidden */
    bool checkin_open;        /* "Still comfortable?" waits for a key */
    bool checkin_missed;      /* the last one went unanswered: paused for it */
    int64_t next_checkin;     /* where the next one opens (INT64_MAX: none) */
    int64_t checkin_deadline; /* where the open one counts as unanswered */
};

enum run_action {
    RUN_NOTHING, /* nothing changed */
    RUN_CHANGED, /* what is shown changed: draw again */
    RUN_PAUSE,   /* a check-in went unanswered: pause the session */
};

/* A session starting at position 0 with profile p and timeline tl: the
 * stop signs show until the floor notice has been said. */
void run_start(struct run *r, const struct safety_profile *p,
               const struct timeline *tl);

/* The session has played to position (call only while it plays). */
enum run_action run_tick(struct run *r, int64_t position);

/* A key the person pressed at position while the session runs, other
 * than stop: when a check-in is open it only answers it (returns true,
 * and the key must do nothing else); false otherwise. */
bool run_key(struct run *r, int64_t position);

/* The session goes on after a pause: what the pause showed goes. */
void run_resumed(struct run *r);

/* I: the person shows or hides the stop signs (no automatic hiding). */
void run_toggle_info(struct run *r);

/* Whether the reminder "You can stop at any time" shows at position. */
bool run_reminder_shown(const struct run *r, int64_t position);

/* The session has ended: nothing of it stays open. */
void run_end(struct run *r);

/* How a session that ended at position (frames played, pauses left
 * out) is recorded in row (its planned_s set): the time practised, never
 * more than planned, and the detail: "played to the end" for
 * HISTORY_COMPLETED, else "WHY at M:SS" (why: "stopped", "stopped for
 * discomfort", "window closed"). Sets row->outcome. */
void run_finish_row(struct history_row *row, enum history_outcome o,
                    const char *why, int64_t position);

#endif
