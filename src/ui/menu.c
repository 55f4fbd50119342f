/* menu.c: the menu screen: every session, grouped by type, with why a
 * file could not be read. */
#include "app.h"
#include "app_state.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../load/loader.h"

static void start_measuring(struct app *a);

/* Row i of the menu: its label (with its true length, to the nearest
 * minute, once measured), and whether a heading of its type comes
 * first. */
static bool menu_row(const struct app *a, size_t i, char *label, size_t n)
{
    const struct session *s = a->menu[i];
    char len[32] = "";
    double secs = lengths_get(a->lengths, i);
    if (secs >= 0)
        snprintf(len, sizeof(len), "  \xc2\xb7  %.0f min",
                 fmax(1, round(secs / 60)));
    snprintf(label, n, "%s%s%s", i == a->sel ? "\xe2\x96\xb8 " : "   ",
             s->title, len);
    return i == 0 || strcmp(a->menu[i - 1]->type, s->type) != 0;
}

void menu_draw(struct app *a)
{
    static const char *const labels[] = {"Open (Enter)", "Your choices (C)",
                                         "History (H)", "Quit (Esc)"};
    static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_HISTORY, UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 4);
    if (a->lengths_stale)
        start_measuring(a);
    int m = a->w / 16, y = a->h / 16, w = a->w - 2 * m;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   "stillpoint");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w,
                   "Choose a session with the arrow keys and Enter, or "
                   "click it.");
    y += a->h / 40;
    /* The notices (why a session could not play, choices not kept, files
     * that could not be read) get their room first, at the foot; the
     * list scrolls in what is left. */
    const char *notices[2 + 8] = {a->notice, a->prefs_notice};
    size_t n_notes = 2;
    for (size_t i = 0; i < a->lib->broken.count && n_notes < 10; i++)
        notices[n_notes++] = a->lib->broken.msgs[i];
    int end = a->content_bottom,
        room_min = 3 * text_line_height(a->text, TEXT_BODY);
    size_t shown_notes = 0;
    for (; shown_notes < n_notes; shown_notes++) {
        int h = text_height(a->text, TEXT_SMALL, w, notices[shown_notes]);
        if (end - h - y < room_min)
            break;
        end -= h;
    }
    int nh = end;
    for (size_t i = 0; i < shown_notes; i++)
        nh += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, nh, w,
                        notices[i]);
    /* Each row's words are taken once a frame: a length measured by the
     * worker between laying the rows out and drawing them would make a
     * row taller than its place (under the buttons). */
    static char rows[MAX_MENU][300];
    static bool headings[MAX_MENU];
    int heights[MAX_MENU], head = text_line_height(a->text, TEXT_SMALL) * 5 / 4;
    for (size_t i = 0; i < a->menu_count; i++) {
        headings[i] = menu_row(a, i, rows[i], sizeof(rows[i]));
        heights[i] = (headings[i] ? head : 0) +
                     text_height(a->text, TEXT_BODY, w, rows[i]);
    }
    size_t last, first = layout_scroll(heights, a->menu_count, a->sel,
                                       end - y - a->h / 80, &last);
    for (size_t i = first; i < last; i++) {
        if (headings[i]) {
            text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, m,
                      y + head / 5, w, a->menu[i]->type);
            y += head;
        }
        int h =
            text_draw(a->text, TEXT_BODY, i == a->sel ? COLOR_TEXT : COLOR_DIM,
                      ALIGN_LEFT, m, y, w, rows[i]);
        /* A click target with no label: the row itself is drawn above. */
        ui_add_button(a, m, y, w, h, NULL, UI_OPEN_BASE + (int)i);
        y += h;
    }
}

static int type_rank(const char *type)
{
    static const char *const order[] = {"breathing", "body-scan", "bodywork",
                                        "pelvic-care", "trauma-informed"};
    for (int i = 0; i < 5; i++)
        if (strcmp(order[i], type) == 0)
            return i;
    return 5;
}

void menu_build(struct app *a)
{
    const struct catalog *c = a->lib->catalog;
    a->menu_count = 0;
    for (int rank = 0; rank <= 5; rank++)
        for (size_t i = 0; i < catalog_count(c) && a->menu_count < MAX_MENU;
             i++)
            if (type_rank(catalog_get(c, i)->type) == rank)
                a->menu[a->menu_count++] = catalog_get(c, i);
    menu_measure(a);
}

/* Measured when the menu is first shown after a change, not before: a
 * window opened straight into a session measures nothing beside it. */
void menu_measure(struct app *a)
{
    lengths_free(a->lengths);
    a->lengths = NULL;
    a->lengths_stale = true;
}

static void start_measuring(struct app *a)
{
    a->lengths_stale = false;
    app_session_options(a, &a->len_opt, &a->len_adopt);
    a->lengths =
        lengths_start(a->menu, a->menu_count, &a->len_opt, &a->len_adopt);
}

long long menu_measuring(const struct app *a)
{
    size_t done = lengths_done(a->lengths);
    return a->lengths && done < a->menu_count ? (long long)done : -1;
}

void menu_command(struct app *a, int cmd)
{
    if (cmd == UI_STOP)
        a->quit = true;
    else if (cmd == UI_UP && a->sel > 0)
        a->sel--;
    else if (cmd == UI_DOWN && a->sel + 1 < a->menu_count)
        a->sel++;
    else if (cmd == UI_ENTER && a->menu_count > 0)
        app_open_session(a, a->menu[a->sel]);
    else if (cmd >= UI_OPEN_BASE &&
             (size_t)(cmd - UI_OPEN_BASE) < a->menu_count)
        app_open_session(a, a->menu[a->sel = (size_t)(cmd - UI_OPEN_BASE)]);
}

/* The history screen reads the file afresh each time it opens. */
void menu_open_history(struct app *a)
{
    history_view_free(a->history);
    a->history = history_view_load(a->history_path, a->opt->no_history);
    a->screen = SCR_HISTORY;
}

/* A session file or bundle dropped on the window (or named on the
 * command line): checked at once, imported on Enter. */
void menu_open_import(struct app *a, const char *path)
{
    import_view_free(a->import);
    a->import = import_view_open(a->lib, path);
    a->screen = SCR_IMPORT;
    a->dirty = true;
}

void import_command(struct app *a, int cmd)
{
    const char *name = NULL;
    if (cmd == UI_ENTER && import_view_ready(a->import)) {
        name = import_view_commit(a->import, a->lib);
        if (!name)
            return; /* the screen says why */
        menu_build(a);
        for (size_t i = 0; i < a->menu_count; i++)
            if (!strcmp(a->menu[i]->name, name))
                a->sel = i;
    } else if (cmd != UI_STOP && cmd != UI_ENTER) {
        return;
    }
    import_view_free(a->import);
    a->import = NULL;
    a->screen = SCR_MENU;
}
