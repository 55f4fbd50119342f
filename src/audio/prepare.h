/* prepare.h: readies a session to play, in a worker thread: collects its
 * sounds, decodes its files, compiles its timeline, then synthesizes its
 * text-only lines in the order they are heard. The window starts the
 * clock as soon as the first line is ready and can cancel at any moment
 * (stop works while loading too); --render waits for everything and
 * --schedule only for the timeline. One path for every caller, so what
 * is rendered is what is heard. */
#ifndef STILLPOINT_PREPARE_H
#define STILLPOINT_PREPARE_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/session.h"
#include "../core/sound_set.h"
#include "../core/timeline.h"

enum prepare_stage {
    PREPARE_WORKING,    /* decoding and compiling */
    PREPARE_TIMELINE,   /* the timeline is compiled */
    PREPARE_FIRST_LINE, /* ...and the first spoken line can play */
    PREPARE_ALL,        /* ...and every sound is ready */
    PREPARE_FAILED,     /* see prepare_problems */
};

struct prepare;

enum prepare_mode {
    PREPARE_SCHEDULE, /* the timeline only: no speech is synthesized */
    PREPARE_RENDER,   /* and every line spoken (--render waits for all) */
    PREPARE_LIVE,     /* the same; the window starts at the first line */
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

/* Why it failed, and lines that could not be spoken (captions stay). */
const struct diag_list *prepare_problems(const struct prepare *p);

/* Seconds of speech synthesized and the time it took. */
void prepare_speech_figures(const struct prepare *p, double *audio_seconds,
                            double *cpu_seconds);

/* Cancels what is left and frees everything (waits for the line or file
 * under way). */
void prepare_free(struct prepare *p);

#endif
