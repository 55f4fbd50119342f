/* speech.h: speaks a line of text with libflite, for lines that have no
 * recording (a text-only session file a therapist typed). Runs in a
 * worker thread, never in the audio callback; one line at a time across
 * the program (flite's voice is shared). Lines once spoken are kept on
 * disk (speech_cache.h) and read back instead. */
#ifndef STILLPOINT_SPEECH_H
#define STILLPOINT_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../core/sound_set.h"

/* Fills snd (its text set, pcm NULL) with the spoken line: mono at
 * SOUND_RATE, at the loudness of the stock recordings, at the pace of
 * snd->stretch, whole (the timeline is compiled from its true length).
 * The same text and pace always give the same samples. A line spoken
 * before comes
 * from the speech cache (speech_cache.h); a new one is put there. *cached
 * says whether the line is in the cache now, so its samples may be let
 * go and read back with speech_reload. Does not set snd->ready. Returns
 * false with err filled. */
bool speech_synthesize(struct sound *snd, bool *cached, char *err,
                       size_t errlen);

/* Reads a line speech_synthesize put in the cache back into snd (its pcm
 * NULL); false when it is gone (then synthesize it again). */
bool speech_reload(struct sound *snd);

/* Keeps the speech cache within its size limit, sparing the lines used
 * since keep_since; call when a session has all its lines. */
void speech_cache_tidy(time_t keep_since);

/* fork(), with the speech lock held across it so a child never starts
 * with it taken (speech_batch.c's workers speak in the child). */
pid_t speech_fork(void);

/* Seconds of audio made in the last call, and how long it took, for the
 * benchmark. */
void speech_last_timing(double *audio_seconds, double *cpu_seconds);

#endif
