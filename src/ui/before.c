/* before.c: the screens before a session: the floor notice, its
 * questions one at a time (core/safety_flow.c), the checklist, the
 * blocked screen and the moment its sound is readied. */
#include "app_state.h"

#include <stdio.h>

#include "../load/loader.h"
#include "layout_log.h"

void before_command(struct app *a, int cmd)
{
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
    } else if (a->flow.screen == FLOW_READY && !app_begin_preparing(a)) {
        a->screen = SCR_MENU;
    }
}

void before_draw(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    char head[200];
    snprintf(head, sizeof(head), "%s  \xc2\xb7  before you start, %zu of %zu",
             a->s->title, safety_flow_position(&a->flow),
             safety_flow_count(&a->flow));
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, head);
    y += a->h / 14;
    const struct safety_profile *p = a->s->safety;
    switch (a->flow.screen) {
    case FLOW_FLOOR: {
        y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                       SESSION_FLOOR_NOTICE);
        y += a->h / 20;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  "Space pauses. D stops at once for discomfort. "
                  "I shows the signs to stop.\n\nPress Enter to continue.");
        static const char *const labels[] = {"Continue (Enter)",
                                             "Your choices (C)", "Leave (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_STOP};
        ui_bottom_buttons(a, labels, cmds, 3);
        break;
    }
    case FLOW_CONTRAINDICATION:
    case FLOW_CLEARANCE: {
        y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                       safety_flow_text(&a->flow));
        y += a->h / 20;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  "Press Y for yes or N for no.");
        static const char *const labels[] = {"Yes (Y)", "No (N)",
                                             "Leave (Esc)"};
        static const int cmds[] = {UI_YES, UI_NO, UI_STOP};
        ui_bottom_buttons(a, labels, cmds, 3);
        break;
    }
    case FLOW_PREPARATION: {
        y = ui_draw_list(a, m, y, w,
                         "Before you begin, check that:", &p->preparation,
                         COLOR_TEXT);
        bool scans = false;
        for (size_t i = 0; i < a->s->n_steps; i++)
            scans |= a->s->steps[i].kind == STEP_SCAN;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  scans ? "Press Enter to begin. To leave out parts of the "
                          "body, keep your eyes open or go gently, press C "
                          "first."
                        : "Press Enter to begin. For volumes, gentle mode "
                          "and more, press C first.");
        static const char *const labels[] = {"Begin (Enter)",
                                             "Your choices (C)", "Leave (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_STOP};
        ui_bottom_buttons(a, labels, cmds, 3);
        break;
    }
    default:
        break;
    }
    if (a->notice[0])
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, a->h * 3 / 4,
                  w, a->notice);
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
    static const char *const labels[] = {"Leave (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
}

void blocked_draw(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 8;
    y += text_draw(a->text, TEXT_LARGE, COLOR_WARN, ALIGN_LEFT, m, y, w,
                   "Please do not start this session now.");
    y += a->h / 20;
    char msg[800];
    safety_flow_block_message(&a->flow, msg, sizeof(msg));
    text_draw(a->text, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, w, msg);
    static const char *const labels[] = {"Back (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
}
