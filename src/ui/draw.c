/* draw.c: the theme's colours, shapes, buttons and the body figure. */
#include "draw.h"

#include <string.h>

#include "layout_log.h"

SDL_Color COLOR_BG, COLOR_PANEL, COLOR_BUTTON, COLOR_TEXT, COLOR_DIM,
    COLOR_ACCENT, COLOR_WARN, COLOR_EDGE, COLOR_FIGURE, COLOR_FIGURE_LIT;

static SDL_Color sdl(struct contrast_rgb c)
{
    return (SDL_Color){c.r, c.g, c.b, 255};
}

void draw_set_theme(enum palette_theme t)
{
    const struct contrast_rgb *c = palette_colors(t);
    COLOR_BG = sdl(c[PAL_BG]);
    COLOR_PANEL = sdl(c[PAL_PANEL]);
    COLOR_BUTTON = sdl(c[PAL_BUTTON]);
    COLOR_TEXT = sdl(c[PAL_TEXT]);
    COLOR_DIM = sdl(c[PAL_DIM]);
    COLOR_ACCENT = sdl(c[PAL_ACCENT]);
    COLOR_WARN = sdl(c[PAL_WARN]);
    COLOR_EDGE = sdl(c[PAL_EDGE]);
    COLOR_FIGURE = sdl(c[PAL_FIGURE]);
    COLOR_FIGURE_LIT = sdl(c[PAL_FIGURE_LIT]);
}

static void set(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void draw_fill_rect(SDL_Renderer *r, const SDL_Rect *rect, SDL_Color c)
{
    set(r, c);
    SDL_RenderFillRect(r, rect);
}

/* A box of fill (none when fill is NULL) inside an edge, w px wide. */
void draw_box(SDL_Renderer *r, const SDL_Rect *rect, const SDL_Color *fill,
              int edge)
{
    if (fill)
        draw_fill_rect(r, rect, *fill);
    set(r, COLOR_EDGE);
    for (int i = 0; i < edge; i++) {
        SDL_Rect e = {rect->x + i, rect->y + i, rect->w - 2 * i,
                      rect->h - 2 * i};
        SDL_RenderDrawRect(r, &e);
    }
}

int draw_edge_width(int window_h)
{
    return window_h >= 700 ? 2 : 1;
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

void draw_button(SDL_Renderer *r, struct text *t, const struct button *b,
                 int edge)
{
    draw_box(r, &b->r, &COLOR_BUTTON, edge);
    layout_log_rect("button", &b->r, b->label);
    /* Its label in one line, or wrapped when the text is large. */
    int pad = 2 * edge + 2, w = b->r.w - 2 * pad;
    int h = text_height(t, TEXT_SMALL, w, b->label);
    text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_CENTER, b->r.x + pad,
              b->r.y + (b->r.h - h) / 2, w, b->label);
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
        SDL_Color c =
            lit(p, regions, n_regions) ? COLOR_FIGURE_LIT : COLOR_FIGURE;
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
    SDL_Rect box = {left, top, (int)(100 * k), height};
    layout_log_rect("shape", &box, "body");
}
