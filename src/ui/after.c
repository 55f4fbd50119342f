/* after.c: the after screen: how the session ended, the care after
 * it, the signs that need a doctor, the grounding offer, and the note
 * (note_box.c) and rating after (rating.c) the person may add. */
#include "app.h"
#include "app_state.h"

#include <stdio.h>

#include "note_box.h"

/* The grounding exercise, offered after a session was stopped. */
const struct session *after_grounding_offer(const struct app *a)
{
    if (!a->prefs.offer_grounding ||
        (a->outcome != HISTORY_STOPPED && a->outcome != HISTORY_DISCOMFORT))
        return NULL;
    return rating_grounding(a); /* the same exercise, never itself */
}

bool after_rating_waits(const struct app *a)
{
    return a->rating_asked && !a->rating_done;
}

void after_command(struct app *a, int cmd)
{
    if (note_box_command(a, cmd))
        return;
    if (cmd == UI_NOTE && !a->opt->no_history) { /* kept nowhere else */
        note_box_open(a);
        return;
    }
    if (ui_scroll_key(a, cmd))
        return;
    if (cmd == UI_STOP || cmd == UI_ENTER)
        app_leave(a);
    else if (cmd == UI_GROUNDING && after_grounding_offer(a))
        app_open_session(a, after_grounding_offer(a));
    else if (cmd == UI_RATE && after_rating_waits(a)) {
        a->rating_after = true;
        a->rating_value = RATING_NONE;
        a->screen = SCR_RATING;
    }
}

/* The bottom row: the note box's own buttons while it is open. */
static void after_buttons(struct app *a, bool offer)
{
    if (a->note_open) {
        static const char *const labels[] = {"Save note (Enter)",
                                             "Close without saving (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_STOP};
        ui_bottom_buttons(a, labels, cmds, 2);
        return;
    }
    const char *done = a->opt->session ? "Close (Esc)" : "Menu (Esc)";
    const char *labels[4];
    int cmds[4], n = 0;
    if (offer) {
        labels[n] = "Grounding (G)";
        cmds[n++] = UI_GROUNDING;
    }
    if (after_rating_waits(a)) {
        labels[n] = "How you feel (F)";
        cmds[n++] = UI_RATE;
    }
    if (!a->opt->no_history) {
        labels[n] = a->note_saved ? "Edit note (N)" : "Write a note (N)";
        cmds[n++] = UI_NOTE;
    }
    labels[n] = done;
    cmds[n++] = UI_STOP;
    ui_bottom_buttons(a, labels, cmds, n);
}

void after_draw(struct app *a)
{
    bool offer = after_grounding_offer(a) != NULL;
    after_buttons(a, offer);
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    if (a->note_open) { /* the box has the screen, for room at any size */
        note_box_draw(a, y);
        return;
    }
    const struct safety_profile *p = a->s->safety;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   screen_words_outcome(a->outcome));
    char ran[16], planned[16], line[120];
    ui_fmt_mmss(ran, sizeof(ran), a->row.elapsed_s, false);
    ui_fmt_clock(planned, sizeof(planned), a->row.planned_s);
    snprintf(line, sizeof(line), "%s \xe2\x80\x94 you practised %s of %s.",
             a->s->title, ran, planned);
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, line);
    /* A session that could not be recorded is said where it is seen. */
    if (a->history_error[0])
        y += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y, w,
                       a->history_error);
    if (a->note_saved)
        y += text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, m, y, w,
                       "Note saved.");
    if (a->note_problem[0])
        y += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y, w,
                       a->note_problem);
    y += a->h / 30;
    struct ui_column c;
    ui_column_start(&c, a, m, y, w, a->content_bottom, a->scroll);
    /* The signs that need a doctor come first, so they are in sight
     * without scrolling whatever the text size (the grounding offer has
     * its own button; its line and the care for now follow). */
    ui_column_list(&c, SCREEN_WORDS_DOCTOR_HEADING, &p->doctor_signs,
                   COLOR_WARN);
    if (offer)
        ui_column_text(&c, TEXT_BODY, COLOR_ACCENT,
                       SCREEN_WORDS_GROUNDING_OFFER, a->h / 40);
    ui_column_list(&c, SCREEN_WORDS_CARE_HEADING, &p->aftercare, COLOR_TEXT);
    ui_column_end(&c);
}
