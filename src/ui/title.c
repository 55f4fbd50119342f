/* title.c: the window's title, which says where the person is
 * (`stillpoint — TITLE — STATE`, with the time left while a session
 * runs): what scripts, tests and screen readers read. */
#include "app_state.h"

#include <stdio.h>
#include <string.h>

static const char *state_word(const struct app *a)
{
    switch (a->screen) {
    case SCR_BEFORE:
    case SCR_PREPARING:
        return "before";
    case SCR_BLOCKED:
        return "blocked";
    case SCR_AFTER:
        return "after";
    case SCR_RATING: /* the question, or the words at a profile's pause */
        return a->rating_pause ? "before" : "how you feel";
    case SCR_RUNNING:
        return ui_paused(a) ? "paused" : "running";
    case SCR_HISTORY:
        return "history";
    case SCR_IMPORT:
        return import_view_ready(a->import) ? "before" : "blocked";
    case SCR_CHOICES:
        return a->choices_from == SCR_BEFORE ? "before" : NULL;
    default:
        return NULL;
    }
}

void title_update(struct app *a)
{
    char t[sizeof(a->title)];
    const char *state = state_word(a);
    if (!state) {
        snprintf(t, sizeof(t), "stillpoint");
    } else if (a->screen == SCR_HISTORY) {
        snprintf(t, sizeof(t),
                 "stillpoint \xe2\x80\x94 History \xe2\x80\x94 %s", state);
    } else if (a->screen == SCR_IMPORT) {
        snprintf(t, sizeof(t), "stillpoint \xe2\x80\x94 Import \xe2\x80\x94 %s",
                 state);
    } else if (a->screen == SCR_RUNNING) {
        char left[16];
        ui_fmt_clock(left, sizeof(left), ui_seconds_left(a));
        snprintf(t, sizeof(t),
                 "stillpoint \xe2\x80\x94 %s \xe2\x80\x94 %s "
                 "\xe2\x80\x94 %s left",
                 a->s->title, state, left);
    } else {
        snprintf(t, sizeof(t), "stillpoint \xe2\x80\x94 %s \xe2\x80\x94 %s",
                 a->s->title, state);
    }
    if (strcmp(t, a->title) != 0) {
        snprintf(a->title, sizeof(a->title), "%s", t);
        SDL_SetWindowTitle(a->win, t);
    }
}
