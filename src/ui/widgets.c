/* widgets.c: the pieces every screen draws with: times as people read
 * them, buttons along the bottom, headed lists. */
#include "app_state.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

/* MM:SS; a countdown rounds up (it shows 00:00 only at the end), time
 * done rounds down. */
void ui_fmt_mmss(char *buf, size_t n, double seconds, bool up)
{
    int s = up ? (int)ceil(seconds - 1e-9) : (int)floor(seconds + 1e-9);
    if (s < 0)
        s = 0;
    snprintf(buf, n, "%02d:%02d", s / 60, s % 60);
}

void ui_fmt_clock(char *buf, size_t n, double seconds)
{
    ui_fmt_mmss(buf, n, seconds, true);
}

double ui_seconds_left(const struct app *a)
{
    return (double)(a->tl.total_frames - a->snap.position) / SOUND_RATE;
}

bool ui_paused(const struct app *a)
{
    return a->snap.state == PLAYER_PAUSED || a->snap.state == PLAYER_PAUSING;
}

void ui_add_button(struct app *a, int x, int y, int w, int h, const char *label,
                   int cmd)
{
    if (a->n_buttons < MAX_BUTTONS)
        a->buttons[a->n_buttons++] = (struct button){{x, y, w, h}, label, cmd};
}

/* The row of buttons along the bottom; the last one is always the way
 * out (Stop, Leave, Quit...). As tall as their labels need, wrapped
 * when the text is large. Returns the top of the row. */
int ui_bottom_buttons(struct app *a, const char *const *labels, const int *cmds,
                      int n)
{
    int bh = a->h / 12, gap = a->w / 60, bw = (a->w - gap * (n + 1)) / n;
    if (bw > a->w / 4)
        bw = a->w / 4;
    int pad = 2 * draw_edge_width(a->h) + 2;
    for (int i = 0; i < n; i++) {
        int need = text_height(a->text, TEXT_SMALL, bw - 2 * pad, labels[i]) +
                   2 * pad + a->h / 80;
        bh = need > bh ? need : bh;
    }
    int x = a->w - gap - n * bw - (n - 1) * gap, top = a->h - bh - gap;
    for (int i = 0; i < n; i++, x += bw + gap)
        ui_add_button(a, x, top, bw, bh, labels[i], cmds[i]);
    a->content_bottom = top - gap;
    return top;
}

/* ---- a column of blocks that scrolls ------------------------------- */

void ui_column_start(struct ui_column *c, struct app *a, int x, int y, int w,
                     int bottom, int skip)
{
    *c = (struct ui_column){a, x, y, w, bottom, skip, 0, 0, y};
    /* room kept for the line that says more is below */
    c->bottom -= text_line_height(a->text, TEXT_SMALL) + a->h / 100;
}

bool ui_column_text(struct ui_column *c, enum text_size size, SDL_Color col,
                    const char *s, int after)
{
    if (!s || !*s)
        return true;
    if (c->skip > 0) {
        c->skip--;
        c->skipped++;
        return false;
    }
    int h = text_height(c->a->text, size, c->w, s);
    if (c->hidden || (c->y + h > c->bottom && c->y > c->top)) {
        c->hidden++;
        return false;
    }
    c->y += text_draw(c->a->text, size, col, ALIGN_LEFT, c->x, c->y, c->w, s);
    c->y += after;
    return true;
}

void ui_column_gap(struct ui_column *c, int gap)
{
    if (!c->hidden && c->y > c->top)
        c->y += gap;
}

/* A heading and a bulleted list. */
void ui_column_list(struct ui_column *c, const char *heading,
                    const struct text_list *l, SDL_Color hc)
{
    if (l->count == 0)
        return;
    struct app *a = c->a;
    ui_column_text(c, TEXT_BODY, hc, heading, a->h / 80);
    for (size_t i = 0; i < l->count; i++) {
        char line[400];
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        ui_column_text(c, TEXT_SMALL, COLOR_TEXT, line, a->h / 160);
    }
    ui_column_gap(c, a->h / 40);
}

/* Says what is above and below, and keeps whether there is more below
 * (Down scrolls) for the screen's keys. */
int ui_column_end(struct ui_column *c)
{
    struct app *a = c->a;
    a->scroll_more = c->hidden > 0;
    if (c->hidden || c->skipped) {
        char line[120];
        snprintf(line, sizeof(line), "%s%s",
                 c->skipped ? "\xe2\x96\xb2 Up shows more above.  " : "",
                 c->hidden ? "\xe2\x96\xbc Down shows more below." : "");
        text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, c->x,
                  c->bottom + a->h / 100, c->w, line);
    }
    return c->y;
}

/* Up and Down on a screen whose column scrolls; true when taken. */
bool ui_scroll_key(struct app *a, int cmd)
{
    if (cmd == UI_DOWN && a->scroll_more)
        a->scroll++;
    else if (cmd == UI_UP && a->scroll > 0)
        a->scroll--;
    else
        return false;
    return true;
}

long long ui_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}
