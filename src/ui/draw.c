/* draw.c: shapes, buttons and the body figure. */
#include "draw.h"

#include <string.h>

const SDL_Color COLOR_BG = {18, 22, 28, 255};
const SDL_Color COLOR_TEXT = {226, 230, 235, 255};
const SDL_Color COLOR_DIM = {140, 150, 162, 255};
const SDL_Color COLOR_ACCENT = {120, 180, 200, 255};
const SDL_Color COLOR_WARN = {236, 190, 120, 255};
const SDL_Color COLOR_BUTTON = {44, 52, 62, 255};
const SDL_Color COLOR_FIGURE = {58, 68, 80, 255};

static void set(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void draw_clear(SDL_Renderer *r)
{
    set(r, COLOR_BG);
    SDL_RenderClear(r);
}

void draw_fill_circle(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c)
{
    set(r, c);
    for (int dy = -radius; dy <= radius; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= radius * radius)
            dx++;
        SDL_RenderDrawLine(r, cx - dx, cy + dy, cx + dx, cy + dy);
    }
}

void draw_button(SDL_Renderer *r, struct text *t, const struct button *b)
{
    set(r, COLOR_BUTTON);
    SDL_RenderFillRect(r, &b->r);
    int h = text_line_height(t, TEXT_SMALL);
    text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_CENTER, b->r.x,
              b->r.y + (b->r.h - h) / 2, b->r.w, b->label);
}

bool draw_hit(const struct button *b, int x, int y)
{
    SDL_Point p = {x, y};
    return SDL_PointInRect(&p, &b->r);
}

/* The figure in units of a 100-wide, 200-tall box; each part names the
 * regions it lights. */
struct part {
    const char *regions; /* space-separated */
    int circle;          /* 1: x,y centre and w radius */
    int x, y, w, h;
};

static const struct part parts[] = {
    {"head face jaw whole-body", 1, 50, 16, 13, 0},
    {"neck whole-body", 0, 45, 28, 10, 8},
    {"shoulders whole-body", 0, 22, 36, 56, 9},
    {"chest whole-body back", 0, 30, 45, 40, 22},
    {"belly whole-body back", 0, 32, 67, 36, 20},
    {"pelvis hips whole-body", 0, 30, 87, 40, 16},
    {"arms whole-body", 0, 14, 45, 10, 52},
    {"arms whole-body", 0, 76, 45, 10, 52},
    {"hands whole-body", 1, 19, 103, 6, 0},
    {"hands whole-body", 1, 81, 103, 6, 0},
    {"legs whole-body", 0, 32, 103, 14, 80},
    {"legs whole-body", 0, 54, 103, 14, 80},
    {"knees whole-body", 1, 39, 142, 7, 0},
    {"knees whole-body", 1, 61, 142, 7, 0},
    {"feet whole-body", 0, 26, 184, 20, 8},
    {"feet whole-body", 0, 54, 184, 20, 8},
};

static bool lit_by(const struct part *p, const char *region)
{
    size_t n = strlen(region);
    const char *s = p->regions;
    while ((s = strstr(s, region))) {
        bool start = s == p->regions || s[-1] == ' ';
        bool end = s[n] == '\0' || s[n] == ' ';
        if (start && end)
            return true;
        s += n;
    }
    return false;
}

static bool lit(const struct part *p, const char *const *regions, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (regions[i] && lit_by(p, regions[i]))
            return true;
    return false;
}

void draw_body(SDL_Renderer *r, int cx, int top, int height,
               const char *const *regions, size_t n_regions)
{
    double k = height / 200.0;
    int left = cx - (int)(50 * k);
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        const struct part *p = &parts[i];
        SDL_Color c = lit(p, regions, n_regions) ? COLOR_ACCENT : COLOR_FIGURE;
        if (p->circle) {
            draw_fill_circle(r, left + (int)(p->x * k), top + (int)(p->y * k),
                             (int)(p->w * k), c);
        } else {
            SDL_Rect rect = {left + (int)(p->x * k), top + (int)(p->y * k),
                             (int)(p->w * k), (int)(p->h * k)};
            set(r, c);
            SDL_RenderFillRect(r, &rect);
        }
    }
}
