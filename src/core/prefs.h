/* prefs.h: the person's preferences (volumes, voice, cue style, settling
 * time, wording, gentle mode, regions a body scan leaves out) as plain
 * data, with their defaults and the text forms the preferences file and
 * the window use. src/load/prefs_file reads and writes the file. */
#ifndef STILLPOINT_PREFS_H
#define STILLPOINT_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline_options.h" /* enum cue_style */

struct prefs {
    float master_volume;  /* 0..1, default 0.8 */
    float voice_volume;   /* 0..1, default 1.0 */
    float cue_volume;     /* 0..1, default 0.8 */
    float ambient_volume; /* 0..1, default 0.5 */
    bool voice;           /* speak lines (captions always show), default true */
    bool ambient;         /* play the ambient bed, default true */
    enum cue_style cue_style; /* default CUE_STYLE_SOUND */
    double settling_seconds; /* quiet before the first cue, 0..120, default 0 */
    bool eyes_open;          /* eyes-open wording, default false */
    bool gentle;             /* no breath holds, shorter holds, default false */
    bool offer_grounding;    /* offer grounding after any stop, default true */
    uint32_t leave_out;      /* bit i: SESSION_REGIONS[i] left out; default 0 */
};

#define PREFS_VOLUME_MAX   1.0
#define PREFS_SETTLING_MAX 120.0

/* Longest text prefs_regions_format() can write (every region), with the
 * terminating NUL. */
enum { PREFS_REGIONS_TEXT = 160 };

void prefs_defaults(struct prefs *p);

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
