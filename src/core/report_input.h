/* report_input.h: what the practice report is made from (see
 * report_html.h): the sessions, the period, when it was made and how
 * sessions are named. Shared by the page and its charts. */
#ifndef STILLPOINT_REPORT_INPUT_H
#define STILLPOINT_REPORT_INPUT_H

#include "history.h"
#include "history_table.h"

struct report_input {
    /* The sessions, oldest first, all of them in the period. */
    const struct history *h;
    /* The period, as day numbers (history_report.h), first <= last; the
     * charts have one bar per day of it. */
    long first_day, last_day;
    /* When the page was made, as shown: "2026-12-20 14:03". */
    const char *generated;
    /* The title to show for a session name (NULL: the name). */
    history_title_fn title;
    void *title_ctx;
};

#endif
