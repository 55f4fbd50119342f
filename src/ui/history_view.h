/* history_view.h: the window's history screen: minutes practised each day
 * over the recent weeks as a calm bar chart, and how sessions ended. It
 * shows what was done; it never counts days without a session. */
#ifndef STILLPOINT_HISTORY_VIEW_H
#define STILLPOINT_HISTORY_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "text.h"

enum { HISTORY_VIEW_WEEKS = 4 };

struct history_view;

/* Reads the history file at path ("" when there is no place for one) and
 * sums the recent weeks up to today. not_recording: this run records
 * nothing (--no-history), which the screen mentions. NULL only when out
 * of memory; history_view_draw() then says so. */
struct history_view *history_view_load(const char *path, bool not_recording);
void history_view_free(struct history_view *v);

/* Draws the screen on a cleared w x h window, above bottom (where the
 * caller's buttons begin); the chart takes the height the text leaves. */
void history_view_draw(const struct history_view *v, SDL_Renderer *r,
                       struct text *t, int w, int h, int bottom);

#endif
