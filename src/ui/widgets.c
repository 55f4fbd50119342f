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
 * out (Stop, Leave, Quit...). */
void ui_bottom_buttons(struct app *a, const char *const *labels,
                       const int *cmds, int n)
{
    int bh = a->h / 12, gap = a->w / 60, bw = (a->w - gap * (n + 1)) / n;
    if (bw > a->w / 4)
        bw = a->w / 4;
    int x = a->w - gap - n * bw - (n - 1) * gap;
    for (int i = 0; i < n; i++, x += bw + gap)
        ui_add_button(a, x, a->h - bh - gap, bw, bh, labels[i], cmds[i]);
}

/* Draws a heading and a bulleted list; returns the y below it. */
int ui_draw_list(struct app *a, int x, int y, int w, const char *heading,
                 const struct text_list *l, SDL_Color hc)
{
    if (l->count == 0)
        return y;
    y += text_draw(a->text, TEXT_BODY, hc, ALIGN_LEFT, x, y, w, heading);
    y += a->h / 80;
    for (size_t i = 0; i < l->count && y < a->h * 4 / 5; i++) {
        char line[400];
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        y += text_draw(a->text, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, x, y, w,
                       line);
        y += a->h / 160;
    }
    return y + a->h / 40;
}

long long ui_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}
