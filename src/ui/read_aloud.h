/* read_aloud.h: the window's screens read aloud (preference
 * read_screens; read_aloud.c says how). Window thread only. */
#ifndef STILLPOINT_READ_ALOUD_H
#define STILLPOINT_READ_ALOUD_H

#include <stdbool.h>

struct app;

/* Once each turn of the loop: speaks the screen showing when what it
 * says has changed (stopping what was being said at once), and follows
 * the reading under way. */
void read_aloud_update(struct app *a);
/* R: says the screen again from the start. */
void read_aloud_repeat(struct app *a);
/* Esc: silent at once, until the screen changes or R. */
void read_aloud_hush(struct app *a);
/* The person's volume changed. */
void read_aloud_volume(struct app *a);
/* How soon the loop must wake to follow a reading (-1: none under way). */
int read_aloud_wait_ms(const struct app *a);
void read_aloud_free(struct app *a);

#endif
