/* layout.c: text sizes, scrolled lists and the window's place (see
 * layout.h). */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>

static const int base_points[LAYOUT_SIZES] = {22, 30, 44, 132};

double layout_window_scale(int w, int h)
{
    double s = (double)h / LAYOUT_DESIGN_H, sw = (double)w / LAYOUT_DESIGN_W;
    s = sw < s ? sw : s;
    return s < 0.5 ? 0.5 : s;
}

int layout_font_points(int size, double window_scale, double text_size)
{
    if (size < 0 || size >= LAYOUT_SIZES)
        size = LAYOUT_BODY;
    if (!(text_size >= 1))
        text_size = 1;
    if (text_size > 2)
        text_size = 2;
    double grow = size == LAYOUT_HUGE    ? 1
                  : size == LAYOUT_LARGE ? 1 + (text_size - 1) / 2
                                         : text_size;
    int pts = (int)(base_points[size] * window_scale * grow + 0.5);
    return pts < 8 ? 8 : pts;
}

size_t layout_scroll(const int *heights, size_t n, size_t sel, int room,
                     size_t *last)
{
    long total = 0;
    for (size_t i = 0; i < n; i++)
        total += heights[i];
    if (sel >= n)
        sel = n ? n - 1 : 0;
    size_t first = 0, end = n;
    if (total > room && n > 0) {
        /* Grow a window around sel, half the room above it. */
        long used = heights[sel];
        first = sel;
        end = sel + 1;
        while (first > 0 &&
               used + heights[first - 1] <= room / 2 + heights[sel] / 2) {
            first--;
            used += heights[first];
        }
        while (end < n && used + heights[end] <= room)
            used += heights[end++];
        while (first > 0 && used + heights[first - 1] <= room)
            used += heights[--first];
    }
    *last = end;
    return first;
}

struct layout_rect layout_place_window(struct layout_rect usable,
                                       const struct layout_rect *saved)
{
    if (saved && saved->w >= LAYOUT_MIN_W && saved->h >= LAYOUT_MIN_H &&
        saved->x >= usable.x && saved->y >= usable.y &&
        saved->x + saved->w <= usable.x + usable.w &&
        saved->y + saved->h <= usable.y + usable.h)
        return *saved;
    int w = saved ? saved->w : LAYOUT_DESIGN_W;
    int h = saved ? saved->h : LAYOUT_DESIGN_H;
    w = w < LAYOUT_MIN_W ? LAYOUT_MIN_W : w;
    h = h < LAYOUT_MIN_H ? LAYOUT_MIN_H : h;
    w = w > usable.w ? usable.w : w;
    h = h > usable.h ? usable.h : h;
    return (struct layout_rect){usable.x + (usable.w - w) / 2,
                                usable.y + (usable.h - h) / 2, w, h};
}

static bool number(const char **p, long lo, long hi, int *out)
{
    char *end;
    while (**p == ' ')
        (*p)++;
    if (!(**p == '-' || (**p >= '0' && **p <= '9')))
        return false;
    long v = strtol(*p, &end, 10);
    if (end == *p || v < lo || v > hi)
        return false;
    *p = end;
    *out = (int)v;
    return true;
}

bool layout_place_parse(const char *text, struct layout_rect *out)
{
    struct layout_rect r;
    const char *p = text;
    if (!number(&p, -100000, 100000, &r.x) ||
        !number(&p, -100000, 100000, &r.y) || !number(&p, 1, 100000, &r.w) ||
        !number(&p, 1, 100000, &r.h))
        return false;
    while (*p == ' ' || *p == '\n')
        p++;
    if (*p)
        return false;
    *out = r;
    return true;
}

void layout_place_format(const struct layout_rect *r, char *buf, size_t n)
{
    snprintf(buf, n, "%d %d %d %d\n", r->x, r->y, r->w, r->h);
}
