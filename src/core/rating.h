/* rating.h: the rules of the question "How tense or upset do you feel
 * right now?" (0 calm .. 10 the most you can imagine): when it is asked,
 * how keys move the chosen number, when a rating before reaches a safety
 * profile's pause, and the note's text as it is typed (characters
 * counted, never a UTF-8 sequence split). No SDL, no I/O. A rating is
 * never a score: nothing here compares one with another. */
#ifndef STILLPOINT_RATING_H
#define STILLPOINT_RATING_H

#include <stdbool.h>
#include <stddef.h>

#include "history.h"
#include "session.h"

enum {
    RATING_NONE = -1, /* nothing chosen yet */
    RATING_MAX = 10,
    RATING_NOTE_CHARS = 500,                      /* = HISTORY_NOTE_CHARS */
    RATING_NOTE_BYTES = 4 * RATING_NOTE_CHARS + 1 /* = HISTORY_NOTE_BYTES */
};

/* Whether the question is asked for session s (its profile's before or
 * the session itself says rating = true) or because the person chose it
 * (the preference `ratings`). */
bool rating_wanted(const struct session *s, bool chosen);

/* The value after a step of delta (Left/Down -1, Right/Up +1), kept in
 * 0..RATING_MAX; from RATING_NONE any step lands on 0. */
int rating_step(int value, int delta);

/* The value a typed digit chooses: 0..9, or RATING_NONE for anything
 * that is not a digit '0'..'9'. */
int rating_digit(char c);

/* Whether a rating before of value reaches profile p's pause. */
bool rating_pause_reached(const struct safety_profile *p, int value);

/* The note being typed: UTF-8, at most RATING_NOTE_CHARS characters. */
struct rating_note {
    char text[RATING_NOTE_BYTES];
    size_t len;   /* bytes */
    size_t chars; /* characters (code points) */
};

void rating_note_clear(struct rating_note *n);

/* Appends typed text (one SDL_TEXTINPUT, or "\n" for a new line).
 * Refuses, with why filled and the note untouched, text that is not
 * valid UTF-8 or holds a control character (other than a line break) or
 * a bidi control; text that would take the note past RATING_NOTE_CHARS
 * is refused whole ("the note is full"). Returns whether it was added. */
bool rating_note_add(struct rating_note *n, const char *text, char *why,
                     size_t whylen);

/* Removes the last character (a whole UTF-8 sequence); false when the
 * note is empty. */
bool rating_note_backspace(struct rating_note *n);

/* Whether the note has something to keep: a visible character. */
bool rating_note_worth_saving(const struct rating_note *n);

#endif
