/* after.c: the after screen: how the session ended, the care after
 * it, the signs that need a doctor, and the grounding offer. */
#include "app.h"
#include "app_state.h"

#include <stdio.h>
#include <string.h>

/* The grounding exercise, offered after a session was stopped. */
const struct session *after_grounding_offer(const struct app *a)
{
    if (!a->prefs.offer_grounding ||
        (a->outcome != HISTORY_STOPPED && a->outcome != HISTORY_DISCOMFORT))
        return NULL;
    const struct session *g = catalog_find(a->lib->catalog, "grounding");
    return g && strcmp(a->s->name, "grounding") != 0 ? g : NULL;
}

void after_draw(struct app *a)
{
    const char *done = a->opt->session ? "Close (Esc)" : "Menu (Esc)";
    bool offer = after_grounding_offer(a) != NULL;
    const char *labels[] = {"Grounding (G)", done};
    static const int cmds[] = {UI_GROUNDING, UI_STOP};
    ui_bottom_buttons(a, labels + !offer, cmds + !offer, offer ? 2 : 1);
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    const struct safety_profile *p = a->s->safety;
    static const char *const how[] = {
        [HISTORY_COMPLETED] = "Session complete.",
        [HISTORY_STOPPED] = "Session stopped.",
        [HISTORY_DISCOMFORT] = "Stopped for discomfort.",
        [HISTORY_BLOCKED] = "Not started.",
        [HISTORY_INTERRUPTED] = "Interrupted.",
    };
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   how[a->outcome]);
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
    y += a->h / 30;
    struct ui_column c;
    ui_column_start(&c, a, m, y, w, a->content_bottom, a->scroll);
    /* The signs that need a doctor come first, so they are in sight
     * without scrolling whatever the text size (the grounding offer has
     * its own button; its line and the care for now follow). */
    ui_column_list(&c,
                   "See a doctor if you notice any of these:", &p->doctor_signs,
                   COLOR_WARN);
    if (offer)
        ui_column_text(&c, TEXT_BODY, COLOR_ACCENT,
                       "A short grounding exercise can help you come back "
                       "to the room: press G.",
                       a->h / 40);
    ui_column_list(&c, "Now:", &p->aftercare, COLOR_TEXT);
    ui_column_end(&c);
}
