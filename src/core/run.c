/* run.c: the during-session rules (see run.h). */
#include "run.h"

#include <math.h>
#include <stdio.h>

#include "pace.h"

void run_start(struct run *r, const struct safety_profile *p,
               const struct timeline *tl)
{
    *r = (struct run){.profile = p, .info = true};
    for (size_t i = 0; i < tl->count && !r->info_until; i++)
        if (tl->cues[i].step < 0 && tl->cues[i].kind == CUE_SAY)
            r->info_until = tl->cues[i].frame + tl->cues[i].frames;
    r->next_checkin =
        p->checkin_seconds > 0 ? pace_frames(p->checkin_seconds) : INT64_MAX;
}

enum run_action run_tick(struct run *r, int64_t position)
{
    enum run_action act = RUN_NOTHING;
    if (r->info && r->info_until && position >= r->info_until) {
        r->info = false;
        r->info_until = 0;
        act = RUN_CHANGED;
    }
    if (!r->checkin_open && position >= r->next_checkin) {
        r->checkin_open = true;
        r->checkin_deadline =
            position + pace_frames(r->profile->checkin_timeout);
        act = RUN_CHANGED;
    } else if (r->checkin_open && position >= r->checkin_deadline) {
        /* Unanswered: pause, and show the stop signs until the person
         * goes on. */
        r->checkin_open = false;
        r->next_checkin = position + pace_frames(r->profile->checkin_seconds);
        r->info = true;
        r->info_until = 0;
        r->checkin_missed = true;
        act = RUN_PAUSE;
    }
    return act;
}

bool run_key(struct run *r, int64_t position)
{
    if (!r->checkin_open)
        return false;
    r->checkin_open = false;
    r->next_checkin = position + pace_frames(r->profile->checkin_seconds);
    return true;
}

void run_resumed(struct run *r)
{
    r->info = false;
    r->checkin_missed = false;
}

void run_toggle_info(struct run *r)
{
    r->info = !r->info;
    r->info_until = 0;
}

bool run_reminder_shown(const struct run *r, int64_t position)
{
    double every = r->profile->reminder_seconds;
    if (every <= 0)
        return false;
    int64_t period = pace_frames(every);
    return period > 0 && position >= period &&
           position % period < pace_frames(RUN_REMINDER_SHOWN);
}

void run_end(struct run *r)
{
    r->info = false;
    r->checkin_open = false;
}

void run_finish_row(struct history_row *row, enum history_outcome o,
                    const char *why, int64_t position)
{
    row->outcome = o;
    row->elapsed_s = (double)position / SOUND_RATE;
    if (row->elapsed_s > row->planned_s)
        row->elapsed_s = row->planned_s;
    /* Time done rounds down: M:SS practised, never more. */
    int s = (int)floor(row->elapsed_s + 1e-9);
    if (o == HISTORY_COMPLETED)
        snprintf(row->detail, sizeof(row->detail), "played to the end");
    else
        snprintf(row->detail, sizeof(row->detail), "%s at %02d:%02d", why,
                 s / 60, s % 60);
}
