/* draw.h: the shapes the screens are made of: the calm palette, buttons
 * that work with the mouse and name their key, the breathing circle and
 * the body figure of a body scan. */
#ifndef STILLPOINT_DRAW_H
#define STILLPOINT_DRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "text.h"

extern const SDL_Color COLOR_BG, COLOR_TEXT, COLOR_DIM, COLOR_ACCENT,
    COLOR_WARN, COLOR_BUTTON, COLOR_FIGURE;

struct button {
    SDL_Rect r;
    const char *label; /* NULL: a click target drawn by its screen */
    int cmd;           /* what a click does (an enum ui_cmd) */
};

void draw_clear(SDL_Renderer *r);
void draw_fill_circle(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c);
void draw_button(SDL_Renderer *r, struct text *t, const struct button *b);
bool draw_hit(const struct button *b, int x, int y);

/* A simple standing body, each of regions[0..n_regions) lit (names
 * from SESSION_REGIONS). */
void draw_body(SDL_Renderer *r, int cx, int top, int height,
               const char *const *regions, size_t n_regions);

#endif
