/* note_box.h: the after screen's note box: what the person writes after
 * a session, typed through SDL's text input (accents, input methods),
 * kept with the session's history row. While it is open every key goes
 * to it: letters are text, never commands. */
#ifndef STILLPOINT_NOTE_BOX_H
#define STILLPOINT_NOTE_BOX_H

#include <SDL.h>
#include <stdbool.h>

struct app; /* app_state.h */

/* Opens the box with the note saved so far (N on the after screen). */
void note_box_open(struct app *a);
/* A key while the box is open: Enter saves, Shift+Enter starts a new
 * line, Backspace removes a character, Esc closes without saving (and
 * does nothing more). Returns false when the box is not open (the key is
 * the screen's); true when it took the key, whatever the key. */
bool note_box_key(struct app *a, const SDL_KeyboardEvent *k);
/* A click on the box's buttons while it is open: UI_ENTER saves, UI_STOP
 * closes; true when the box is open (it takes every command). */
bool note_box_command(struct app *a, int cmd);
/* Typed text (SDL_TEXTINPUT): added when the box is open and the text is
 * allowed; whether what shows changed. */
bool note_box_text(struct app *a, const char *text);
/* Draws the open box from y down to the content's bottom. */
void note_box_draw(struct app *a, int y);

#endif
