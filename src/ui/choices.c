/* choices.c: the choices screen: the person's preferences and the
 * body regions a scan leaves out. */
#include "app_state.h"

#include <stdio.h>

#include "../core/layout.h"
#include "../core/prefs_items.h"

void choices_open(struct app *a)
{
    a->choices_from = a->screen;
    a->screen = SCR_CHOICES;
}

void choices_command(struct app *a, int cmd)
{
    int n = prefs_item_count();
    if (cmd >= UI_ITEM_BASE && cmd < UI_ITEM_BASE + n) {
        a->choice = cmd - UI_ITEM_BASE;
        cmd = UI_ENTER;
    }
    switch (cmd) {
    case UI_STOP:
    case UI_CHOICES:
        /* When they could not be kept, stay once so the notice is seen. */
        if (app_save_prefs(a)) {
            a->screen = a->choices_from;
            menu_measure(a); /* the lengths follow the choices */
        }
        break;
    case UI_UP:
        a->choice = (a->choice + n - 1) % n;
        break;
    case UI_DOWN:
        a->choice = (a->choice + 1) % n;
        break;
    case UI_LEFT:
    case UI_RIGHT:
    case UI_ENTER:
    case UI_PAUSE:
        a->prefs_changed |= prefs_item_step(&a->prefs, a->choice,
                                            cmd == UI_LEFT    ? -1
                                            : cmd == UI_RIGHT ? 1
                                                              : 0);
        a->volume = a->prefs.master_volume;
        window_apply_look(a, false); /* a new theme or text size shows */
        break;
    default:
        break;
    }
}

/* The choices screen: the settings on the left, the body regions a scan
 * leaves out on the right, one selected at a time; when the text is too
 * large for two columns, one list that scrolls with the selection. */
static void draw_choice(struct app *a, int item, int x, int y, int w, int h,
                        int value_x)
{
    char name[64], value[64];
    prefs_item_text(&a->prefs, item, name, sizeof(name), value, sizeof(value));
    bool sel = item == a->choice;
    if (sel) {
        SDL_Rect r = {x - a->w / 100, y, w + a->w / 50, h};
        draw_box(a->ren, &r, &COLOR_BUTTON, draw_edge_width(a->h));
    }
    SDL_Color c = sel ? COLOR_TEXT : COLOR_DIM;
    bool region = item >= prefs_item_first_region();
    bool out =
        region &&
        ((a->prefs.leave_out >> (item - prefs_item_first_region())) & 1u);
    char line[160];
    if (region)
        snprintf(line, sizeof(line), "%s %s", out ? "\xe2\x9c\x95" : "\xc2\xb7",
                 name);
    else
        snprintf(line, sizeof(line), "%s", name);
    int pad = (h - text_line_height(a->text, TEXT_SMALL)) / 2;
    text_draw(a->text, TEXT_SMALL, out ? COLOR_WARN : c, ALIGN_LEFT, x, y + pad,
              value_x - x, line);
    if (!region)
        text_draw(a->text, TEXT_SMALL, sel ? COLOR_ACCENT : c, ALIGN_LEFT,
                  value_x, y + pad, x + w - value_x, value);
    ui_add_button(a, x, y, w, h, NULL, UI_ITEM_BASE + item);
}

/* The widest name and value of the items, in small type: every value
 * an item can take (its words; a number's widest form). */
static void widest(struct app *a, int *name_w, int *value_w)
{
    *name_w = *value_w = 0;
    for (int i = 0; i < prefs_item_count(); i++) {
        char name[64], value[64];
        prefs_item_text(&a->prefs, i, name, sizeof(name), value, sizeof(value));
        int nw = text_width(a->text, TEXT_SMALL, name) +
                 text_width(a->text, TEXT_SMALL, "\xe2\x9c\x95 ");
        *name_w = nw > *name_w ? nw : *name_w;
    }
    for (size_t r = 0; r < PREFS_ROWS; r++) {
        const struct prefs_row *row = &PREFS_TABLE[r];
        for (int k = 0; row->label && row->words && row->words[k]; k++) {
            int vw = text_width(a->text, TEXT_SMALL, row->words[k]);
            *value_w = vw > *value_w ? vw : *value_w;
        }
    }
    static const char *const numbers[] = {"100 %", "120 s", "included",
                                          "left out"};
    for (size_t k = 0; k < sizeof(numbers) / sizeof(numbers[0]); k++) {
        int vw = text_width(a->text, TEXT_SMALL, numbers[k]);
        *value_w = vw > *value_w ? vw : *value_w;
    }
}

/* Two columns: the settings, the regions in two of their own. Returns
 * the y below them, or -1 when they do not fit. */
static int two_columns(struct app *a, int m, int y, int bottom, int line)
{
    int first_region = prefs_item_first_region();
    int nreg = prefs_item_count() - first_region, half = (nreg + 1) / 2;
    int colw = (a->w - 2 * m) / 2 - m / 2, name_w, value_w;
    widest(a, &name_w, &value_w);
    int rows = first_region > half + 1 ? first_region : half + 1;
    if (y + rows * line > bottom || name_w + value_w + m / 2 > colw ||
        name_w > colw / 2 - m / 4)
        return -1;
    for (int i = 0; i < first_region; i++)
        draw_choice(a, i, m, y + i * line, colw, line, m + colw - value_w);
    int rx = m + colw + m;
    text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, rx, y, colw,
              "Leave out of body scans:");
    for (int k = 0; k < nreg; k++) {
        int x = rx + (k / half) * (colw / 2), w = colw / 2 - m / 4;
        draw_choice(a, first_region + k, x, y + (1 + k % half) * line, w, line,
                    x + w);
    }
    return y + rows * line;
}

/* One list, scrolled to keep the selection in sight. */
static int one_column(struct app *a, int m, int y, int bottom, int line)
{
    int n = prefs_item_count(), first_region = prefs_item_first_region();
    int w = a->w - 2 * m, name_w, value_w, heights[64];
    widest(a, &name_w, &value_w);
    for (int i = 0; i < n && i < 64; i++)
        heights[i] = line + (i == first_region ? line : 0);
    size_t last, first = layout_scroll(heights, (size_t)n, (size_t)a->choice,
                                       bottom - y, &last);
    int vx = m + w - value_w;
    vx = vx < m + name_w + m / 4 ? m + name_w + m / 4 : vx;
    for (size_t i = first; i < last; i++) {
        if ((int)i == first_region) {
            text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, m,
                      y + line / 8, w, "Leave out of body scans:");
            y += line;
        }
        draw_choice(a, (int)i, m, y, w, line, vx);
        y += line;
    }
    return y;
}

void choices_draw(struct app *a)
{
    static const char *const labels[] = {"Done (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
    int m = a->w / 16, y = a->h / 16, w = a->w - 2 * m;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   "Your choices");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w,
                   "Up and Down choose, Left and Right change, Space "
                   "switches. They apply to the next session and are "
                   "kept for the ones after.");
    y += a->h / 40;
    const char *note = "\xe2\x9c\x95 marks a part left out. It is not just "
                       "skipped: a neutral anchor (your hands, your feet, or "
                       "the sounds in the room) takes its place.";
    int bottom = a->content_bottom - a->h / 80;
    bottom -= text_height(a->text, TEXT_SMALL, w, a->prefs_notice);
    int note_h = text_height(a->text, TEXT_SMALL, w, note);
    bool with_note =
        bottom - note_h - y > 6 * text_line_height(a->text, TEXT_SMALL);
    if (with_note)
        bottom -= note_h + a->h / 80;
    int line = text_line_height(a->text, TEXT_SMALL) * 5 / 4;
    int below = two_columns(a, m, y, bottom, line);
    if (below < 0)
        below = one_column(a, m, y, bottom, line);
    below += a->h / 80;
    if (with_note)
        below += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, below,
                           w, note);
    text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, below, w,
              a->prefs_notice);
}
