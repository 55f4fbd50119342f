/* offer.c: at a first start on a desktop whose screen reader runs, the
 * offer to read stillpoint's screens aloud; the offer is itself read
 * aloud. Y turns it on, N leaves it off, and either is kept so it is
 * asked once; Esc goes to the menu deciding nothing. */
#include "app_state.h"

#include "../core/screen_words.h"

void offer_command(struct app *a, int cmd)
{
    if (cmd == UI_YES || cmd == UI_NO) {
        a->prefs.read_screens = cmd == UI_YES;
        a->prefs_changed = true;
        app_save_prefs(a);
        a->screen = SCR_MENU;
    } else if (cmd == UI_STOP) {
        a->screen = SCR_MENU;
    }
}

void offer_draw(struct app *a)
{
    static const char *const labels[] = {"Yes (Y)", "No (N)", "Later (Esc)"};
    static const int cmds[] = {UI_YES, UI_NO, UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 3);
    int m = a->w / 12, w = a->w - 2 * m;
    struct ui_column c;
    ui_column_start(&c, a, m, a->h / 8, w, a->content_bottom, a->scroll);
    ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_OFFER[0], a->h / 30);
    ui_column_text(&c, TEXT_LARGE, COLOR_TEXT, SCREEN_WORDS_OFFER[1],
                   a->h / 20);
    ui_column_text(&c, TEXT_BODY, COLOR_TEXT, SCREEN_WORDS_YES_NO, a->h / 40);
    ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_OFFER[2], 0);
    ui_column_end(&c);
}
