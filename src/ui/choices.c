/* choices.c: the choices screen: the person's preferences and the
 * body regions a scan leaves out. */
#include "app_state.h"

#include <stdio.h>

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
 * leaves out on the right, one selected at a time. */
static void draw_choice(struct app *a, int item, int x, int y, int w, int h)
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
    text_draw(a->text, TEXT_SMALL, out ? COLOR_WARN : c, ALIGN_LEFT, x, y, 0,
              line);
    if (!region)
        text_draw(a->text, TEXT_SMALL, sel ? COLOR_ACCENT : c, ALIGN_LEFT,
                  x + w * 6 / 10, y, 0, value);
    ui_add_button(a, x, y, w, h, NULL, UI_ITEM_BASE + item);
}

void choices_draw(struct app *a)
{
    int m = a->w / 16, y = a->h / 16;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, 0,
                   "Your choices");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y,
                   a->w - 2 * m,
                   "Up and Down choose, Left and Right change, Space "
                   "switches. They apply to the next session and are "
                   "kept for the ones after.");
    y += a->h / 40;
    int line = text_line_height(a->text, TEXT_SMALL) * 5 / 4;
    int first_region = prefs_item_first_region();
    int colw = (a->w - 2 * m) / 2 - m / 2;
    for (int i = 0; i < first_region; i++)
        draw_choice(a, i, m, y + i * line, colw, line);
    int rx = m + colw + m;
    text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, rx, y, 0,
              "Leave out of body scans:");
    int nreg = prefs_item_count() - first_region, half = (nreg + 1) / 2;
    for (int k = 0; k < nreg; k++)
        draw_choice(a, first_region + k, rx + (k / half) * (colw / 2),
                    y + (1 + k % half) * line, colw / 2 - m / 4, line);
    int below = y + (first_region + 1) * line;
    text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, below,
              a->w - 2 * m,
              "\xe2\x9c\x95 marks a part left out. It is not just skipped: a "
              "neutral anchor (your hands, your feet, or the sounds in the "
              "room) takes its place.");
    if (a->prefs_notice[0])
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m,
                  below + 2 * line, a->w - 2 * m, a->prefs_notice);
    static const char *const labels[] = {"Done (Esc)"};
    static const int cmds[] = {UI_STOP};
    ui_bottom_buttons(a, labels, cmds, 1);
}
