/* rating.c: the screen that asks "How tense or upset do you feel right
 * now?" (0 calm .. 10 the most you can imagine) after the safety screens
 * and again when the session ends, and the words shown after a rating
 * before at the profile's pause: it is fine not to go on, grounding
 * first, how to stop. The rules are core/rating.c's. The sound is
 * readied while the question before shows. Never a score: nothing here
 * compares ratings or praises one. */
#include "app.h"
#include "app_state.h"

#include <stdio.h>
#include <string.h>

void rating_reset(struct app *a)
{
    a->rating_asked = a->rating_after = a->rating_pause = false;
    a->rating_done = false;
    a->rating_value = a->rating_before = RATING_NONE;
    rating_note_clear(&a->note);
    a->note_open = a->note_saved = false;
    a->note_problem[0] = '\0';
}

bool rating_append(struct app *a, enum history_entry what)
{
    char err[256];
    if (a->opt->no_history)
        return true;
    if (!a->history_path[0]) {
        snprintf(a->history_error, sizeof(a->history_error),
                 "No place for the history (HOME is not set).");
        return false;
    }
    if (history_append_entry(a->history_path, &a->row, what, err,
                             sizeof(err)) != 0) {
        snprintf(a->history_error, sizeof(a->history_error),
                 "This could not be recorded: %s", err);
        return false;
    }
    return true;
}

bool rating_open_before(struct app *a)
{
    struct prefs chosen;
    prefs_merge(&chosen, &a->opt->prefs, &a->prefs);
    /* --no-history keeps nothing: nothing to ask for. */
    a->rating_asked =
        !a->opt->no_history && rating_wanted(a->s, chosen.ratings);
    if (!a->rating_asked)
        return false;
    a->rating_after = a->rating_pause = false;
    a->rating_value = RATING_NONE;
    a->screen = SCR_RATING;
    return true;
}

void rating_open_after(struct app *a)
{
    /* After a stop for discomfort the signs that need a doctor come
     * first: the question waits for R on the after screen. */
    if (!a->rating_asked || a->rating_done || a->outcome == HISTORY_DISCOMFORT)
        return;
    a->rating_after = true;
    a->rating_pause = false;
    a->rating_value = RATING_NONE;
    a->screen = SCR_RATING;
}

void rating_record_before(struct app *a)
{
    if (a->rating_before == RATING_NONE)
        return;
    a->row.has_before = true;
    a->row.before = a->rating_before;
    rating_append(a, HISTORY_ENTRY_BEFORE);
}

int rating_key_command(const struct app *a, SDL_Keycode k, int cmd)
{
    if (a->screen == SCR_AFTER && k == SDLK_f)
        return UI_RATE;
    if (a->screen == SCR_AFTER && k == SDLK_n)
        return UI_NOTE;
    if (a->screen != SCR_RATING || a->rating_pause)
        return cmd;
    if (k >= SDLK_0 && k <= SDLK_9)
        return UI_RATE_BASE + (int)(k - SDLK_0);
    /* The digit row where a layout puts other signs on it (AZERTY). */
    SDL_Scancode sc = SDL_GetScancodeFromKey(k);
    if (sc >= SDL_SCANCODE_1 && sc <= SDL_SCANCODE_9)
        return UI_RATE_BASE + 1 + (int)(sc - SDL_SCANCODE_1);
    if (sc == SDL_SCANCODE_0)
        return UI_RATE_BASE;
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return UI_RATE_BASE + 1 + (int)(k - SDLK_KP_1);
    if (k == SDLK_KP_0)
        return UI_RATE_BASE;
    if (k == SDLK_s)
        return UI_SKIP;
    return cmd;
}

/* The grounding exercise, offered before a session at its pause. */
const struct session *rating_grounding(const struct app *a)
{
    const struct session *g = catalog_find(a->lib->catalog, "grounding");
    return g && strcmp(a->s->name, "grounding") != 0 ? g : NULL;
}

/* On to the session being readied (the question before is done). */
static void go_on(struct app *a)
{
    a->rating_pause = false;
    a->enter_ns = ui_now_ns();
    a->screen = SCR_PREPARING;
}

static void pause_command(struct app *a, int cmd)
{
    if (ui_scroll_key(a, cmd))
        return;
    if (cmd == UI_STOP || cmd == UI_DISCOMFORT)
        app_leave(a);
    else if (cmd == UI_ENTER)
        go_on(a);
    else if (cmd == UI_GROUNDING && rating_grounding(a))
        app_open_session(a, rating_grounding(a));
}

/* Enter or S: the question is answered (value) or skipped (RATING_NONE). */
static void answered(struct app *a, int value)
{
    if (a->rating_after) {
        a->rating_done = true;
        if (value != RATING_NONE) {
            a->row.has_after = true;
            a->row.after = value;
            rating_append(a, HISTORY_ENTRY_AFTER);
        }
        a->screen = SCR_AFTER;
        return;
    }
    a->rating_before = value;
    if (rating_pause_reached(a->s->safety, value))
        a->rating_pause = true;
    else
        go_on(a);
}

void rating_command(struct app *a, int cmd)
{
    if (a->rating_pause) {
        pause_command(a, cmd);
        return;
    }
    if (cmd >= UI_RATE_BASE && cmd <= UI_RATE_BASE + RATING_MAX)
        a->rating_value = cmd - UI_RATE_BASE;
    else if (cmd == UI_LEFT || cmd == UI_DOWN)
        a->rating_value = rating_step(a->rating_value, -1);
    else if (cmd == UI_RIGHT || cmd == UI_UP)
        a->rating_value = rating_step(a->rating_value, +1);
    else if (cmd == UI_ENTER && a->rating_value != RATING_NONE)
        answered(a, a->rating_value);
    else if (cmd == UI_SKIP)
        answered(a, RATING_NONE);
    else if (cmd == UI_STOP && a->rating_after)
        answered(a, RATING_NONE); /* Esc leaves the question, not the care */
    else if (!a->rating_after && (cmd == UI_STOP || cmd == UI_DISCOMFORT))
        app_leave(a);
}

/* The eleven numbers as buttons in a row, the chosen one ringed. */
static int draw_numbers(struct app *a, int x, int y, int w)
{
    int edge = draw_edge_width(a->h);
    /* Room between the buttons for the chosen one's ring. */
    int gap = a->w / 200 + 12 + 2 * edge, bw = (w - 10 * gap) / 11;
    int bh = text_line_height(a->text, TEXT_SMALL) + a->h / 30;
    static const char *const names[] = {"0", "1", "2", "3", "4", "5",
                                        "6", "7", "8", "9", "10"};
    for (int v = 0; v <= RATING_MAX; v++) {
        int bx = x + v * (bw + gap);
        if (v == a->rating_value) {
            /* A ring of accent, clear of the button's edge by more than
             * the 3 px in which colours count as touching. */
            int in = 5, out = in + 2 * edge + 2;
            SDL_Rect ring = {bx - out, y - out, bw + 2 * out, bh + 2 * out};
            SDL_Rect clear = {bx - in, y - in, bw + 2 * in, bh + 2 * in};
            draw_fill_rect(a->ren, &ring, COLOR_ACCENT);
            draw_fill_rect(a->ren, &clear, COLOR_BG);
        }
        /* Drawn here, as a row of the screen's own (the bottom row is
         * ui_bottom_buttons'): a click target without a label. */
        SDL_Rect r = {bx, y, bw, bh};
        draw_box(a->ren, &r, &COLOR_BUTTON, edge);
        int th = text_height(a->text, TEXT_SMALL, 0, names[v]);
        text_draw(a->text, TEXT_SMALL, COLOR_TEXT, ALIGN_CENTER, bx,
                  y + (bh - th) / 2, bw, names[v]);
        ui_add_button(a, bx, y, bw, bh, NULL, UI_RATE_BASE + v);
    }
    y += bh + 2 * edge + 7 + a->h / 60;
    int half = w / 2;
    text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y, half,
              "0: calm");
    return y +
           text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x + half, y,
                     w - half, "10: the most you can imagine") +
           a->h / 40;
}

static void pause_draw(struct app *a)
{
    bool g = rating_grounding(a) != NULL;
    const char *labels[] = {"Grounding first (G)", "Go on (Enter)",
                            "Leave (Esc)"};
    static const int cmds[] = {UI_GROUNDING, UI_ENTER, UI_STOP};
    ui_bottom_buttons(a, labels + !g, cmds + !g, g ? 3 : 2);
    int m = a->w / 12, w = a->w - 2 * m;
    struct ui_column c;
    ui_column_start(&c, a, m, a->h / 10, w, a->content_bottom, a->scroll);
    ui_column_text(&c, TEXT_LARGE, COLOR_TEXT, SCREEN_WORDS_PAUSE[0],
                   a->h / 24);
    if (g)
        ui_column_text(&c, TEXT_BODY, COLOR_TEXT, SCREEN_WORDS_PAUSE[1],
                       a->h / 40);
    ui_column_text(&c, TEXT_BODY, COLOR_TEXT, SCREEN_WORDS_PAUSE[2], a->h / 40);
    ui_column_text(&c, TEXT_BODY, COLOR_DIM, SCREEN_WORDS_PAUSE[3], 0);
    ui_column_end(&c);
}

void rating_draw(struct app *a)
{
    if (a->rating_pause) {
        pause_draw(a);
        return;
    }
    /* After the session Esc skips too: one button says both. */
    static const char *const before[] = {"Record (Enter)", "Skip (S)",
                                         "Leave (Esc)"};
    static const char *const after[] = {"Record (Enter)", "Skip (S or Esc)"};
    static const int cmds[] = {UI_ENTER, UI_SKIP, UI_STOP};
    if (a->rating_after)
        ui_bottom_buttons(a, after, cmds, 2);
    else
        ui_bottom_buttons(a, before, cmds, 3);
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    char head[200];
    snprintf(head, sizeof(head), "%s  \xc2\xb7  %s", a->s->title,
             a->rating_after ? "after the session" : "before you start");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, head);
    y += a->h / 30;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   SCREEN_WORDS_RATING_QUESTION);
    y += a->h / 30;
    y = draw_numbers(a, m, y, w);
    char chosen[64];
    if (a->rating_value == RATING_NONE)
        snprintf(chosen, sizeof(chosen), "Nothing chosen yet.");
    else
        snprintf(chosen, sizeof(chosen), "Chosen: %d", a->rating_value);
    y += text_draw(a->text, TEXT_BODY, COLOR_ACCENT, ALIGN_LEFT, m, y, w,
                   chosen);
    y += a->h / 60;
    static const char *const hint = SCREEN_WORDS_RATING_HINT;
    if (y + text_height(a->text, TEXT_SMALL, w, hint) <= a->content_bottom)
        text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, hint);
}
