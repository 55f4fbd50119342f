/* import_view.h: the window's import screen, shown when a session file or
 * bundle is dropped on the window (or named on the command line): what
 * it holds (every session: title, type, about how long) and the safety
 * profiles that come with them, or why it cannot be imported. Enter imports it,
 * through the same checks as --import; Esc leaves nothing behind. */
#ifndef STILLPOINT_IMPORT_VIEW_H
#define STILLPOINT_IMPORT_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "../load/library.h"
#include "text.h"

struct import_view;

/* Checks the bundle at path against lib (stages it privately). NULL only
 * when out of memory. */
struct import_view *import_view_open(const struct library *lib,
                                     const char *path);
/* Removes whatever was staged and not imported. */
void import_view_free(struct import_view *v);

/* Whether the bundle passed every check and the last frame drawn listed
 * every session it adds: only then may Enter import it. */
bool import_view_ready(const struct import_view *v);

/* Imports it and adds its sessions to lib. Returns the name of its first
 * session (valid until v is freed), or NULL: the screen then says why. */
const char *import_view_commit(struct import_view *v, struct library *lib);

/* Draws the screen on a cleared w x h window, above bottom (where the
 * caller's buttons begin): every session the bundle adds, in columns
 * when there are many, or, when even so they do not fit, that it cannot
 * be imported here (and import_view_ready says no). */
void import_view_draw(struct import_view *v, SDL_Renderer *r, struct text *t,
                      int w, int h, int bottom);

#endif
