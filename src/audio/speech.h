/* speech.h: speaks a line of text with libflite, for lines that have no
 * recording (a text-only session file a therapist typed). Runs in a
 * worker thread, never in the audio callback; one line at a time across
 * the program (flite's voice is shared). */
#ifndef STILLPOINT_SPEECH_H
#define STILLPOINT_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/sound_set.h"

/* Calm pace: flite's durations are stretched by this much. */
#define SPEECH_STRETCH 1.12

/* Fills snd (its text set, pcm NULL) with the spoken line: mono at
 * SOUND_RATE, at the loudness of the stock recordings, and at most
 * snd->max_frames long (spoken a little faster when it would not fit,
 * cut with a short fade as a last resort). Does not set snd->ready.
 * Returns false with err filled. */
bool speech_synthesize(struct sound *snd, char *err, size_t errlen);

/* Seconds of audio made in the last call, and how long it took, for the
 * benchmark. */
void speech_last_timing(double *audio_seconds, double *cpu_seconds);

#endif
