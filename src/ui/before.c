/* before.c: the screens before a session: the floor notice, its
 * questions one at a time (core/safety_flow.c), the checklist, the
 * blocked screen and the moment its sound is readied. */
#include "app_state.h"

#include <stdio.h>

#include "../load/loader.h"
#include "layout_log.h"

void before_command(struct app *a, int cmd)
{
    if (ui_scroll_key(a, cmd))
        return;
    enum flow_input in;
    if (cmd == UI_YES)
        in = FLOW_YES;
    else if (cmd == UI_NO)
        in = FLOW_NO;
    else if (cmd == UI_ENTER)
        in = FLOW_CONTINUE;
    else
        return;
    if (!safety_flow_input(&a->flow, in))
        return;
    if (a->flow.screen == FLOW_BLOCKED) {
        app_begin_row(a, load_estimate_seconds(a->s));
        char detail[200];
        snprintf(detail, sizeof(detail), "%.190s", a->flow.blocked_by);
        app_record(a, HISTORY_BLOCKED, detail);
        a->screen = SCR_BLOCKED;
    } else if (a->flow.screen == FLOW_READY) {
        /* The question before (when asked) shows while the sound is
         * readied. */
        if (!app_begin_preparing(a))
            a->screen = SCR_MENU;
        else
            rating_open_before(a);
    }
}

/* The buttons of each before screen. */
static void before_buttons(struct app *a)
{
    static const char *const go[] = {"Continue (Enter)", "Your choices (C)",
                                     "Leave (Esc)"};
    static const char *const begin[] = {"Begin (Enter)", "Your choices (C)",
                                        "Leave (Esc)"};
    static const int go_cmds[] = {UI_ENTER, UI_CHOICES, UI_STOP};
    static const char *const yes_no[] = {"Yes (Y)", "No (N)", "Leave (Esc)"};
    static const int yes_no_cmds[] = {UI_YES, UI_NO, UI_STOP};
    switch (a->flow.screen) {
    case FLOW_FLOOR:
        ui_bottom_buttons(a, go, go_cmds, 3);
        break;
    case FLOW_CONTRAINDICATION:
    case FLOW_CLEARANCE:
        ui_bottom_buttons(a, yes_no, yes_no_cmds, 3);
        break;
    case FLOW_PREPARATION:
        ui_bottom_buttons(a, begin, go_cmds, 3);
        break;
    default:
        a->content_bottom = a->h;
        break;
    }
}

void before_draw(struct app *a)
{
    before_buttons(a);
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    char head[200];
    snprintf(head, sizeof(head), "%s  \xc2\xb7  before you start, %zu of %zu",
             a->s->title, safety_flow_position(&a->flow),
             safety_flow_count(&a->flow));
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, head);
    y += a->h / 14;
    const struct safety_profile *p = a->s->safety;
    struct ui_column c;
    ui_column_start(&c, a, m, y, w, a->content_bottom, a->scroll);
    ui_column_text(&c, TEXT_SMALL, COLOR_WARN, a->notice, a->h / 40);
    switch (a->flow.screen) {
    case FLOW_FLOOR:
        ui_column_text(&c, TEXT_LARGE, COLOR_TEXT, SESSION_FLOOR_NOTICE,
                       a->h / 20);
        ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_FLOOR_KEYS,
                       a->h / 40);
        ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_CONTINUE, 0);
        break;
    case FLOW_CONTRAINDICATION:
    case FLOW_CLEARANCE:
        ui_column_text(&c, TEXT_LARGE, COLOR_TEXT, safety_flow_text(&a->flow),
                       a->h / 20);
        ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_YES_NO, 0);
        break;
    case FLOW_PREPARATION: {
        ui_column_list(&c, SCREEN_WORDS_CHECK_HEADING, &p->preparation,
                       COLOR_TEXT);
        bool scans = false;
        for (size_t i = 0; i < a->s->n_steps; i++)
            scans |= a->s->steps[i].kind == STEP_SCAN;
        ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_BEGIN[scans], 0);
        break;
    }
    default:
        break;
    }
    ui_column_end(&c);
}

/* A thin bar of how much of the voice is ready. */
static void progress_bar(struct app *a, int x, int y, int w, size_t done,
                         size_t total)
{
    int h = a->h / 90 > 4 ? a->h / 90 : 4;
    SDL_Rect all = {x, y, w, h};
    SDL_Rect part = {x, y, (int)((double)w * (double)done / (double)total), h};
    draw_fill_rect(a->ren, &all, COLOR_FIGURE);
    draw_fill_rect(a->ren, &part, COLOR_FIGURE_LIT);
    layout_log_rect("shape", &all, "progress");
}

long long preparing_lines_done(const struct app *a)
{
    size_t done = 0, total = 0;
    if (a->prep)
        prepare_speech_progress(a->prep, &done, &total);
    return (long long)done;
}

void preparing_draw(struct app *a)
{
    static const char *const labels[] = {"Leave (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 3;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   "Getting the session ready\xe2\x80\xa6");
    size_t done = 0, total = 0;
    if (a->prep)
        prepare_speech_progress(a->prep, &done, &total);
    if (total > 0) {
        char line[96];
        snprintf(line, sizeof(line), "Preparing the voice: %zu of %zu line%s",
                 done, total, total == 1 ? "" : "s");
        y += a->h / 30;
        y += text_draw(a->text, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                       line);
        y += a->h / 40;
        progress_bar(a, m, y, w, done, total);
    }
}

void blocked_draw(struct app *a)
{
    static const char *const labels[] = {"Back (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
    int m = a->w / 12, w = a->w - 2 * m;
    char msg[800];
    safety_flow_block_message(&a->flow, msg, sizeof(msg));
    struct ui_column c;
    ui_column_start(&c, a, m, a->h / 8, w, a->content_bottom, a->scroll);
    ui_column_text(&c, TEXT_LARGE, COLOR_WARN, SCREEN_WORDS_BLOCKED, a->h / 20);
    ui_column_text(&c, TEXT_BODY, COLOR_TEXT, msg, 0);
    ui_column_end(&c);
}
