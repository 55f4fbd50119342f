/* prefs.h: the person's preferences (volumes, voice, cue style, settling
 * time, wording, gentle mode, regions a body scan leaves out) as plain
 * data, and the one table that declares each of them: its name in the
 * file, its type, range and default, the command-line option that sets
 * it for a run, its item on the choices screen and its help text. The
 * defaults, the preferences file (src/load/prefs_file), the choices
 * screen (prefs_items), the command line (main.c), the merge of the
 * two and the manual's table all come from it, so a new preference is a
 * new row plus the code that uses it. */
#ifndef STILLPOINT_PREFS_H
#define STILLPOINT_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adapt.h"            /* struct adapt_options */
#include "palette.h"          /* enum palette_theme */
#include "timeline_options.h" /* enum cue_style, struct timeline_options */

struct prefs {
    float master_volume;  /* 0..1, default 0.8 */
    float voice_volume;   /* 0..1, default 1.0 */
    float cue_volume;     /* 0..1, default 0.8 */
    float ambient_volume; /* 0..1, default 0.5 */
    bool voice;           /* speak lines (captions always show), default true */
    bool ambient;         /* play the ambient bed, default true */
    enum cue_style cue_style;     /* default CUE_STYLE_SOUND */
    enum speech_pace speech_rate; /* default SPEECH_PACE_NORMAL */
    double settling_seconds; /* quiet before the first cue, 0..120, default 0 */
    bool eyes_open;          /* eyes-open wording, default false */
    bool gentle;             /* no breath holds, shorter holds, default false */
    bool offer_grounding;    /* offer grounding after any stop, default true */
    bool ratings;            /* ask how tense, before, after; default false */
    uint32_t leave_out;      /* bit i: SESSION_REGIONS[i] left out; default 0 */
    enum palette_theme
        theme;         /* the window's colours, default PALETTE_DEFAULT */
    double text_size;  /* the window's text, 1..2 times, default 1 */
    bool read_screens; /* read the screens aloud, default false */
    bool calm_motion;  /* a still breathing visual, default false */
    bool spoken_count; /* the breath's count spoken softly, default false */
};

#define PREFS_VOLUME_MAX    1.0
#define PREFS_SETTLING_MAX  120.0
#define PREFS_TEXT_SIZE_MAX 2.0

/* Longest text prefs_regions_format() can write (every region), with the
 * terminating NUL. */
enum { PREFS_REGIONS_TEXT = 160 };

/* How a preference is kept in struct prefs. */
enum prefs_type {
    PREFS_BOOL,       /* bool */
    PREFS_FLOAT,      /* float, min..max */
    PREFS_DOUBLE,     /* double, min..max */
    PREFS_ENUM,       /* an enum (int-sized): an index into names */
    PREFS_REGION_SET, /* uint32_t: bit i leaves SESSION_REGIONS[i] out */
};

/* How the choices screen words a number. */
enum prefs_shown {
    PREFS_SHOWN_PERCENT, /* "80 %" */
    PREFS_SHOWN_SECONDS, /* "30 s", or "none" for 0 */
};

/* One preference. Numbers, bools (0 or 1), enums (an index) and region
 * sets (a bit mask) all keep min, max and def as a double. */
struct prefs_row {
    const char *key; /* its setting in the file */
    enum prefs_type type;
    size_t offset;   /* offsetof(struct prefs, its field) */
    double min, max; /* numbers */
    double def;
    /* enums: the names the file and the option use (NULL ended), and
     * what they are in messages ("unknown cue style 'x'"); region sets
     * take theirs from SESSION_REGIONS and say "region" */
    const char *const *names;
    const char *what;
    /* the file and the manual */
    const char *comment; /* on its line in the written file */
    const char *doc;     /* its meaning in config/README.md's table */
    /* The command line, for one run (opt NULL: none). A bool's option
     * turns it away from its default; a number's error names its value as
     * arg, lowercased ("expected seconds 0..120"). */
    const char *opt;
    const char *arg; /* the option's argument in --help; NULL for none */
    const char *help;
    /* The choices screen (label NULL: not there). A region set gives one
     * item per region, after the others. An enum's values are words[i]; a
     * number steps by 1/per, or through the n_stops values of stops. */
    const char *label;
    const char *const *words;
    int per;
    const double *stops;
    int n_stops;
    enum prefs_shown shown;
};

extern const struct prefs_row PREFS_TABLE[];
extern const size_t PREFS_ROWS;

void prefs_defaults(struct prefs *p);

/* The row whose key is key, or NULL. */
const struct prefs_row *prefs_find(const char *key);

/* A preference's value as a double (see struct prefs_row), and setting
 * it (converted to the field's type, without a range check). */
double prefs_get(const struct prefs_row *r, const struct prefs *p);
void prefs_set(const struct prefs_row *r, struct prefs *p, double v);

/* Whether the value in p is one the row allows. Returns true, or false
 * with err filled: "master_volume: expected 0..1, got 3", "cue_style: not
 * a cue style (7)", "leave_out: bits past the last region (0x80000000)". */
bool prefs_check(const struct prefs_row *r, const struct prefs *p, char *err,
                 size_t errlen);

/* An enum's or a region set's value from its text in the file ("caption",
 * "chest, belly"). Returns true, or false with p untouched and err
 * filled: "unknown cue style 'captions' (did you mean 'caption'?)". */
bool prefs_parse_text(const struct prefs_row *r, struct prefs *p,
                      const char *text, char *err, size_t errlen);

/* An enum's or a region set's value as its text in the file, without
 * quotes. False (buf "") when the value is not valid or does not fit. */
bool prefs_format_text(const struct prefs_row *r, const struct prefs *p,
                       char *buf, size_t n);

/* The row's command-line option with its argument (NULL for a bool).
 * Returns true, or false with err filled ("expected seconds 0..120, got
 * 'x'", or prefs_parse_text's message). */
bool prefs_set_option(const struct prefs_row *r, struct prefs *p,
                      const char *arg, char *err, size_t errlen);

/* The choices for a run: what the command line chose (cli, defaults
 * where it chose nothing), and the preferences file's choices where it
 * left the default; region sets are joined. */
void prefs_merge(struct prefs *out, const struct prefs *cli,
                 const struct prefs *file);

/* Sets the fields of tl and ad that preferences decide, and no others. */
void prefs_session_options(const struct prefs *p, struct timeline_options *tl,
                           struct adapt_options *ad);

/* "sound", "caption" or "none"; "unknown" outside the enum. */
const char *prefs_cue_style_name(enum cue_style s);

/* The style spelled as prefs_cue_style_name() writes it. Returns true, or
 * false with err filled: "unknown cue style 'captions' (did you mean
 * 'caption'?)". */
bool prefs_cue_style_parse(const char *text, enum cue_style *out, char *err,
                           size_t errlen);

/* Reads a list of body regions ("chest,belly"; spaces around the commas
 * and empty items are ignored, so "" is no region) as a bitmask over
 * SESSION_REGIONS. Returns true, or false with *out untouched and err
 * filled: "unknown region 'chst' (did you mean 'chest'?)". */
bool prefs_regions_parse(const char *text, uint32_t *out, char *err,
                         size_t errlen);

/* Writes the regions in mask as "chest,belly", in SESSION_REGIONS order;
 * "" for none. Returns false (buf holding "") when mask has a bit past the
 * last region or the text does not fit in n bytes. */
bool prefs_regions_format(uint32_t mask, char *buf, size_t n);

#endif
