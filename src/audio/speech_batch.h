/* speech_batch.h: makes the speech of every text-only line of a session
 * before it starts, so the timeline is compiled from the lines' true
 * lengths. Lines already in the speech cache are measured from it; the
 * others are spoken on every core by worker processes (flite keeps one
 * voice per process and draws its noise from rand(), so one process
 * cannot speak two lines at once and stay the same line after line), each
 * putting its lines in the cache and telling their lengths. Only lengths
 * are kept: the samples are read back, or spoken again, when the clock
 * comes near them (prepare.c), so memory stays bounded whatever the
 * number of lines. */
#ifndef STILLPOINT_SPEECH_BATCH_H
#define STILLPOINT_SPEECH_BATCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/sound_set.h"

struct speech_batch_figures {
    double audio_seconds; /* speech measured or made */
    double made_seconds;  /* of it, made now (not from the cache) */
    double wall_seconds;  /* the time it took */
    int workers;          /* processes that spoke lines (0: none) */
};

/* Sets the length of every text sound of set that has none (its pcm
 * stays NULL). *done counts the lines measured so far, out of *total (both
 * may be read by another thread while it runs). A line flite cannot speak
 * keeps length 0 (its caption stays for its reading time) and is reported
 * in d. Returns false only when *cancel became true (cancel may be
 * NULL). */
bool speech_batch_measure(struct sound_set *set, struct diag_list *d,
                          const atomic_bool *cancel, atomic_size_t *done,
                          atomic_size_t *total,
                          struct speech_batch_figures *fig);

#endif
