/* draw.h: the shapes the screens are made of: the colours of the
 * person's theme (core/palette.c), buttons that work with the mouse and
 * name their key, the breathing circle and the body figure of a body
 * scan. */
#ifndef STILLPOINT_DRAW_H
#define STILLPOINT_DRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "../core/palette.h"
#include "text.h"

/* The theme's colours (see enum palette_role), set by draw_set_theme. */
extern SDL_Color COLOR_BG, COLOR_PANEL, COLOR_BUTTON, COLOR_TEXT, COLOR_DIM,
    COLOR_ACCENT, COLOR_WARN, COLOR_EDGE, COLOR_FIGURE, COLOR_FIGURE_LIT;

void draw_set_theme(enum palette_theme t);

struct button {
    SDL_Rect r;
    const char *label; /* NULL: a click target drawn by its screen */
    int cmd;           /* what a click does (an enum ui_cmd) */
};

void draw_clear(SDL_Renderer *r);
void draw_fill_circle(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c);
void draw_fill_rect(SDL_Renderer *r, const SDL_Rect *rect, SDL_Color c);
/* A box filled with *fill (NULL: not filled) inside an edge of the
 * theme's edge colour, edge px wide. */
void draw_box(SDL_Renderer *r, const SDL_Rect *rect, const SDL_Color *fill,
              int edge);
/* How wide edges are in a window window_h tall. */
int draw_edge_width(int window_h);
void draw_button(SDL_Renderer *r, struct text *t, const struct button *b,
                 int edge);
bool draw_hit(const struct button *b, int x, int y);

/* A simple standing body, each of regions[0..n_regions) lit (names
 * from SESSION_REGIONS). */
void draw_body(SDL_Renderer *r, int cx, int top, int height,
               const char *const *regions, size_t n_regions);

#endif
