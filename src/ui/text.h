/* text.h: anti-aliased text through SDL2_ttf with a real font (DejaVu
 * Sans), in a few fixed sizes readable from across a room. Rendered
 * strings are cached as textures, so a screen that does not change costs
 * no text rendering when it is drawn again. */
#ifndef STILLPOINT_TEXT_H
#define STILLPOINT_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

enum text_size { TEXT_SMALL, TEXT_BODY, TEXT_LARGE, TEXT_HUGE, TEXT_SIZES };

enum text_align { ALIGN_LEFT, ALIGN_CENTER };

struct text;

/* Opens the fonts, scaled by scale (1.0 for a 1280x800 window) and the
 * person's text size, 1..2 (core/layout.c says how each kind grows). */
struct text *text_open(SDL_Renderer *r, double scale, double text_size,
                       char *err, size_t n);
void text_close(struct text *t);
/* Re-opens the fonts at a new scale (the window was resized, or the
 * person chose another text size). */
bool text_rescale(struct text *t, double scale, double text_size);

/* Draws s with its top at y, wrapped to width w (0: no wrap), left-aligned
 * at x or centred on x + w/2. Returns the height drawn. */
int text_draw(struct text *t, enum text_size size, SDL_Color c,
              enum text_align align, int x, int y, int w, const char *s);
/* Height s would take, without drawing it. */
int text_height(struct text *t, enum text_size size, int w, const char *s);
/* Width of s in one line. */
int text_width(struct text *t, enum text_size size, const char *s);
int text_line_height(struct text *t, enum text_size size);

#endif
