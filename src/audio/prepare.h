/* prepare.h: readies a session to play, in a worker thread: collects its
 * sounds, reads each file's length from its header, compiles its
 * timeline, then decodes its files and synthesizes its text-only lines in
 * the order they are heard. The window starts the clock as soon as
 * everything up to the first line is ready and can cancel at any moment
 * (stop works while loading too); --render and --schedule decode every
 * file before the timeline (a bad file is refused before they begin), and
 * --render waits for everything. One path and the same lengths for every
 * caller, so what is rendered is what is heard. */
#ifndef STILLPOINT_PREPARE_H
#define STILLPOINT_PREPARE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/session.h"
#include "../core/sound_set.h"
#include "../core/timeline.h"
#include "speech_batch.h"

enum prepare_stage {
    PREPARE_WORKING,    /* decoding and compiling */
    PREPARE_TIMELINE,   /* the timeline is compiled */
    PREPARE_FIRST_LINE, /* ...and the first spoken line can play */
    PREPARE_ALL,        /* ...and every sound is ready */
    PREPARE_FAILED,     /* see prepare_problems */
};

struct prepare;

enum prepare_mode {
    PREPARE_MEASURE,  /* the timeline only, from the files' headers and
                         the speech's lengths: nothing is decoded */
    PREPARE_SCHEDULE, /* the timeline, every file decoded first (a bad
                         file is refused) */
    PREPARE_RENDER,   /* and every line spoken (--render waits for all) */
    PREPARE_LIVE,     /* files decoded in cue order too, while it plays */
};

/* Starts readying s under o. s and o must outlive it. NULL when out of
 * memory or no thread could start. */
struct prepare *prepare_start(const struct session *s,
                              const struct timeline_options *o,
                              enum prepare_mode mode);

/* The stage reached so far; never blocks. */
enum prepare_stage prepare_stage(const struct prepare *p);

/* Blocks until the stage is reached (true) or preparing failed (false). */
bool prepare_wait(struct prepare *p, enum prepare_stage stage);

/* Valid from PREPARE_TIMELINE on; speech keeps filling the set while the
 * session plays (each sound marks itself ready). */
const struct sound_set *prepare_sounds(const struct prepare *p);
const struct timeline *prepare_timeline(const struct prepare *p);

/* Why it failed, and lines that could not be spoken (captions stay);
 * while the worker runs, only once it failed (else see
 * prepare_late_problem). */
const struct diag_list *prepare_problems(const struct prepare *p);

/* While a session plays: the next problem found since the last call (a
 * file that failed to decode, a line flite could not speak), into buf;
 * false when there is none. Safe while the worker runs. */
bool prepare_late_problem(struct prepare *p, char *buf, size_t len);

/* The speech measured before the timeline, and the time it took. */
void prepare_speech_figures(const struct prepare *p,
                            struct speech_batch_figures *fig);

/* Lines of speech measured so far, of all the session has (for "Preparing
 * the voice: 12 of 40 lines"). Safe while the worker runs. */
void prepare_speech_progress(const struct prepare *p, size_t *done,
                             size_t *total);

/* The window, while the session plays: the clock is at position. The
 * worker keeps the cached lines heard around it in memory and lets go of
 * the rest, so memory stays bounded whatever the session's length. Never
 * blocks. */
void prepare_follow(struct prepare *p, int64_t position);

/* --render, once PREPARE_ALL is reached (the worker is done): the same,
 * done now, before the mixer renders from position on; and every
 * recording's ring filled (stream.h), so no read of it runs dry. */
void prepare_page(struct prepare *p, int64_t position);

/* --render, once it has rendered: adds to d each recording that could not
 * be read to its end (its rest rendered as silence); true when there was
 * one. */
bool prepare_render_failures(struct prepare *p, struct diag_list *d);

/* Cancels what is left and frees everything (waits for the line or file
 * under way). */
void prepare_free(struct prepare *p);

#endif
