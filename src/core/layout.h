/* layout.h: the window's arithmetic that needs no window: the size of
 * each kind of text for a window and the person's text size, which rows
 * of a list that does not fit are shown, and where the window opens on
 * a display (inside its usable area, at the size and place a person
 * left it when that still fits). Pure C, unit-tested. */
#ifndef STILLPOINT_LAYOUT_H
#define STILLPOINT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* The window's sizes: as designed, and the smallest it can be made. */
enum {
    LAYOUT_DESIGN_W = 1280,
    LAYOUT_DESIGN_H = 800,
    LAYOUT_MIN_W = 800,
    LAYOUT_MIN_H = 600,
};

/* The kinds of text (text.h's enum text_size, in its order). */
enum { LAYOUT_SMALL, LAYOUT_BODY, LAYOUT_LARGE, LAYOUT_HUGE, LAYOUT_SIZES };

/* The window's scale: its height against the design's, and never past
 * its width against the design's (a wide, short window does not make
 * text that runs off its sides); at least 0.5. */
double layout_window_scale(int w, int h);

/* The point size of text of kind size in a window of scale
 * window_scale, with the person's text size (1..2): small and body text
 * grow by all of it, headings by half of it, the huge clock not at all
 * (it is already the largest thing on the screen). At least 8. */
int layout_font_points(int size, double window_scale, double text_size);

/* The rows of a list of n rows, heights[i] tall, that fit in room
 * pixels with row sel among them: the first shown, *last getting one
 * past the last shown. The selection sits as near the middle as the
 * ends allow; a list that fits shows from 0. */
size_t layout_scroll(const int *heights, size_t n, size_t sel, int room,
                     size_t *last);

struct layout_rect {
    int x, y, w, h;
};

/* Where the window opens on a display whose usable area (less panels
 * and docks) is usable: the saved place when there is one (saved not
 * NULL) and it lies wholly inside usable, else the design's size (or the
 * saved size), cut to fit usable, centred in it. Never smaller than
 * LAYOUT_MIN_W x LAYOUT_MIN_H unless usable is. */
struct layout_rect layout_place_window(struct layout_rect usable,
                                       const struct layout_rect *saved);

/* The window's place as kept in its state file: "x y w h\n". Parsing
 * takes four integers (sizes 1..100000, places -100000..100000) and
 * nothing else; false otherwise. */
bool layout_place_parse(const char *text, struct layout_rect *out);
void layout_place_format(const struct layout_rect *r, char *buf, size_t n);

#endif
