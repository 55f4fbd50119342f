/* session.h: the session model: sessions, their steps, breathing patterns,
 * the sound files they name, and the safety profiles of session types.
 * Plain data, built by src/load/ and read by the timeline and the window.
 * A catalog owns every session and profile loaded in one run. */
#ifndef STILLPOINT_SESSION_H
#define STILLPOINT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum step_kind {
    STEP_SAY,
    STEP_BREATHE,
    STEP_SCAN,
    STEP_HOLD,
    STEP_SILENCE,
    STEP_PLAY /* a recording played whole, with its captions */
};

enum breath_phase { BREATH_IN, BREATH_HOLD_IN, BREATH_OUT, BREATH_HOLD_OUT };

/* Cue sounds a session may replace with a sound file. */
enum cue_slot {
    SLOT_INHALE,
    SLOT_EXHALE,
    SLOT_HOLD,
    SLOT_BELL,
    SLOT_END,
    SLOT_COUNT
};

struct text_list {
    const char **items;
    size_t count;
};

/* A sound file named in a session file: name as written, path resolved
 * and checked by the loader (inside the file's folder or the assets). */
struct sound_ref {
    const char *name; /* NULL when not set */
    const char *path;
    int line;
};

/* One caption of a recording: shown from start to end (seconds from the
 * recording's start). */
struct caption {
    double start, end;
    const char *text;
    int line; /* in the captions file */
};

struct step {
    enum step_kind kind;
    int line;
    bool has_at; /* the step has a time mark: */
    double at;   /* seconds from the start of the session's own steps
                    (after the floor notice and settling) */
    int at_line; /* where `at` is written */
    const char *say;        /* the spoken or captioned line, or NULL */
    const char *eyes_open;  /* its wording for open eyes, or NULL */
    struct sound_ref voice; /* a recording of that line */
    bool stock;             /* written by stillpoint itself (an anchor...),
                               so a stock recording may voice it */
    const char *label;      /* scan: the regions as written; hold: what
                               is held */
    const char *const *regions; /* scan: the figure's regions it lights */
    size_t n_regions;
    double seconds;         /* say/scan: quiet after the line (0: the next
                               step follows at once); hold and silence:
                               their length */
    double pattern[4];      /* breathe: seconds per enum breath_phase */
    int cycles;             /* breathe: number of cycles */
    const double *bells;    /* hold: bells inside, seconds from its start */
    size_t n_bells;
    struct sound_ref recording;      /* play: the recording */
    struct sound_ref captions_file;  /* play: its captions, if any */
    const struct caption *captions;  /* play: read from captions_file */
    size_t n_captions;
};

struct safety_profile {
    const char *type;
    bool builtin;
    /* before */
    struct text_list contraindications; /* a yes blocks the session */
    struct text_list clearance;         /* a no blocks the session */
    struct text_list preparation;
    const char *ask; /* whom to ask, e.g. "a urologist" */
    bool rating;     /* ask how tense or upset, 0..10, before and after */
    /* A rating before at or above rating_pause says it is fine not to go
     * on and offers grounding first (never blocks). */
    bool has_rating_pause;
    int rating_pause; /* 0..10 */
    /* during */
    struct text_list stop_signs;
    double reminder_seconds; /* 0 = none */
    double checkin_seconds;  /* 0 = none */
    double checkin_timeout;
    /* after */
    struct text_list doctor_signs;
    struct text_list aftercare;
};

struct session {
    const char *name, *title, *type, *description;
    const char *source; /* file it came from */
    int line;
    bool builtin;
    struct step *steps;
    size_t n_steps;
    struct sound_ref ambient;
    double ambient_volume;
    struct sound_ref cue_sounds[SLOT_COUNT];
    const struct safety_profile *safety; /* never NULL once loaded */
    double speech_rate; /* the file's default pace of synthesized speech
                           (words a second), or 0: the person's choice */
    bool rating;        /* ask how tense or upset, before and after */
};

/* The floor every session starts with; no file can remove it. */
extern const char SESSION_FLOOR_NOTICE[];

/* The body figure's regions, which a scan step lights (regions.h maps
 * the words a step may use to them). */
extern const char *const SESSION_REGIONS[];
extern const size_t SESSION_REGION_COUNT;

const char *session_step_kind_name(enum step_kind k);
const char *session_slot_name(enum cue_slot s);

/* Whether s is a valid session or type name: 1..48 of [a-z0-9-], not
 * starting with a dash. */
bool session_name_valid(const char *s);

struct catalog;

struct catalog *catalog_new(void);
void catalog_free(struct catalog *c);
struct arena *catalog_arena(struct catalog *c);

size_t catalog_count(const struct catalog *c);
const struct session *catalog_get(const struct catalog *c, size_t i);
const struct session *catalog_find(const struct catalog *c, const char *name);
/* Takes a session whose memory lives in the catalog's arena. Returns false
 * when out of memory. The caller checks names are unique first. */
bool catalog_add(struct catalog *c, const struct session *s);

/* Built-in safety profiles, by type. */
const struct safety_profile *catalog_profile(const struct catalog *c,
                                             const char *type);
bool catalog_add_profile(struct catalog *c, const struct safety_profile *p);

#endif
