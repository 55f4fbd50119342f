/* timeline.h: a session compiled into cues placed on sample positions at
 * SOUND_RATE. The audio clock is the session clock: every later question
 * (what sounds now, what caption shows, how much time is left) is
 * answered from a frame count, never from a wall clock. */
#ifndef STILLPOINT_TIMELINE_H
#define STILLPOINT_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "session.h"
#include "sound_set.h"

enum cue_kind {
    CUE_AMBIENT, /* the looped bed starts */
    CUE_SAY,     /* a spoken or captioned line */
    CUE_SCAN,    /* a body-scan region's line and quiet attention */
    CUE_INHALE,
    CUE_HOLD, /* a breath hold (after inhale or after exhale) */
    CUE_EXHALE,
    CUE_BEGIN,   /* a timed hold begins */
    CUE_BELL,    /* a bell inside or at the end of a timed hold */
    CUE_SILENCE, /* quiet time */
    CUE_END,     /* the session is complete */
    CUE_PLAY,    /* a recording plays whole (voice layer) */
    CUE_CAPTION, /* a caption of the recording shows for its frames */
    CUE_COUNT,   /* a word of the spoken count, softly (voice layer) */
};

struct cue {
    int64_t frame;  /* first sample it sounds on */
    int64_t frames; /* length of the phase it opens (0 for a bell inside
                       a hold, which opens no phase) */
    enum cue_kind kind;
    int sound; /* index into the sound set, or -1 when silent */
    float gain;
    int loop;                /* the sound repeats until the end */
    const char *caption;     /* text shown, or NULL */
    int step;                /* index in session->steps; -1 for the floor */
    enum breath_phase phase; /* for breath cues */
    int cycle;               /* breath cues: 1-based cycle number */
};

/* A step whose time mark (`at`) was reached late: what came before it
 * ran past the mark, so it starts right after. */
struct timeline_late {
    int step;       /* index in session->steps */
    int64_t starts; /* where it starts, frames after steps_start */
};

struct timeline {
    struct cue *cues; /* sorted by frame */
    size_t count;
    int64_t total_frames;       /* the last sample, end bell rung out */
    int64_t end_frame;          /* where the end cue sounds */
    int64_t steps_start;        /* 0:00 of the time marks: the session's own
                                   steps begin (after the floor notice and the
                                   settling quiet) */
    struct timeline_late *late; /* in step order */
    size_t n_late;
};

/* Compiles s with the sounds in set (which must hold what
 * sound_set_collect registered, with lengths filled in). Returns 0, or -1
 * when out of memory. */
int timeline_compile(const struct session *s, const struct sound_set *set,
                     const struct timeline_options *opt, struct timeline *out);
void timeline_free(struct timeline *t);

const char *timeline_kind_name(enum cue_kind k);

/* Index of the last phase-opening cue at or before frame (cues with
 * frames > 0), or SIZE_MAX before the first. */
size_t timeline_phase_at(const struct timeline *t, int64_t frame);

#endif
