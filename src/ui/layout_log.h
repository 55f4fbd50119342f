/* layout_log.h: for tests, where each frame put its texts, buttons and
 * shapes. With STILLPOINT_LAYOUT_LOG naming a file, every frame that
 * differs from the one before is appended to it:
 *
 *   frame W H
 *   text X Y W H<TAB>the string (newlines as spaces)
 *   button X Y W H<TAB>its label (none: a click target)
 *   shape X Y W H<TAB>what it is (body, circle, chart, bar, panel)
 *   end
 *
 * tests/e2e/a11y.sh reads it to find text cut off at the window's edge,
 * texts drawn over each other and text under the buttons. Without the
 * variable nothing is kept. (STILLPOINT_TEXT_LOG, the strings only, is
 * text.c's.) */
#ifndef STILLPOINT_LAYOUT_LOG_H
#define STILLPOINT_LAYOUT_LOG_H

#include <SDL.h>

void layout_log_begin(int w, int h);
void layout_log_text(const SDL_Rect *r, const char *s);
void layout_log_rect(const char *kind, const SDL_Rect *r, const char *label);
void layout_log_end(void);

#endif
