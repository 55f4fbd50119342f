/* breath_count.h: the count spoken softly under a breath phase, for
 * people who follow with their eyes closed: the phase's word on its
 * first second ("In", "Hold", "Out"), then "Two", "Three"... on each
 * whole second after, up to ten (a longer phase goes on quietly). The
 * words are recorded in the session voice like the program's other
 * lines (voice_text_program_line lists them for scripts/make-voice). */
#ifndef STILLPOINT_BREATH_COUNT_H
#define STILLPOINT_BREATH_COUNT_H

#include <stddef.h>

#include "session.h"

/* The highest number counted. */
enum { BREATH_COUNT_MAX = 10 };

/* How loud the count is against the session's voice: -10 dB. */
#define BREATH_COUNT_GAIN 0.316f

/* The word said at second k (from 1) of a phase, or NULL past the
 * last. */
const char *breath_count_word(enum breath_phase phase, int k);

/* Every word of the count, the i-th, or NULL past the last. */
const char *breath_count_line(size_t i);

#endif
