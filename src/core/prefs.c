/* prefs.c: the table of preferences (see prefs.h) and what every use of
 * it shares: the defaults, reading and setting a value through its row,
 * the range checks, the text forms, the command-line options and the
 * merge of the command line's choices with the file's. */
#include "prefs.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nearest.h"
#include "session.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* A list of numbers and its length, for a row's stops. */
#define STOPS(...)                                                             \
    .stops = (const double[]){__VA_ARGS__},                                    \
    .n_stops = (int)COUNT(((const double[]){__VA_ARGS__}))

static const char *const cue_style_names[] = {"sound", "caption", "none", NULL};
static const char *const speech_pace_names[] = {"slower", "normal", "faster",
                                                NULL};
/* What each pace does to the session's words a second. */
static const double speech_pace_factor[] = {0.85, 1.0, 1.2};
_Static_assert(sizeof(enum speech_pace) == sizeof(int),
               "a speech pace is kept as an int");

static const char *const theme_names[] = {"default", "high-contrast", NULL};
_Static_assert(sizeof(enum palette_theme) == sizeof(int),
               "a theme is kept as an int");

_Static_assert(sizeof(enum cue_style) == sizeof(int),
               "an enum preference is kept as an int");

/* In the order of the file, the choices screen and --help. */
const struct prefs_row PREFS_TABLE[] = {
    {.key = "master_volume",
     .type = PREFS_FLOAT,
     .offset = offsetof(struct prefs, master_volume),
     .max = PREFS_VOLUME_MAX,
     .def = 0.8,
     .comment = "all sound, 0 to 1",
     .doc = "Loudness of all sound.",
     .label = "Volume",
     .per = 10},
    {.key = "voice_volume",
     .type = PREFS_FLOAT,
     .offset = offsetof(struct prefs, voice_volume),
     .max = PREFS_VOLUME_MAX,
     .def = 1.0,
     .comment = "spoken lines, 0 to 1",
     .doc = "Loudness of the spoken lines.",
     .label = "Voice volume",
     .per = 10},
    {.key = "cue_volume",
     .type = PREFS_FLOAT,
     .offset = offsetof(struct prefs, cue_volume),
     .max = PREFS_VOLUME_MAX,
     .def = 0.8,
     .comment = "cue tones and bells, 0 to 1",
     .doc = "Loudness of the cue tones and bells.",
     .label = "Cue volume",
     .per = 10},
    {.key = "ambient_volume",
     .type = PREFS_FLOAT,
     .offset = offsetof(struct prefs, ambient_volume),
     .max = PREFS_VOLUME_MAX,
     .def = 0.5,
     .comment = "the ambient sound under a session, 0 to 1",
     .doc = "Loudness of the ambient sound under a session.",
     .label = "Background volume",
     .per = 10},
    {.key = "voice",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, voice),
     .def = true,
     .comment = "speak the lines (captions always show)",
     .doc = "Speak the lines aloud. Captions always show.",
     .opt = "no-voice",
     .help = "speak nothing (captions stay)",
     .label = "Speak the lines"},
    {.key = "ambient",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, ambient),
     .def = true,
     .comment = "play the ambient sound under a session",
     .doc = "Play the ambient sound under a session.",
     .opt = "no-ambient",
     .help = "leave the ambient sound out",
     .label = "Background sound"},
    {.key = "cue_style",
     .type = PREFS_ENUM,
     .offset = offsetof(struct prefs, cue_style),
     .def = CUE_STYLE_SOUND,
     .names = cue_style_names,
     .what = "cue style",
     .comment = "\"sound\", \"caption\" (no tones) or \"none\" (the visual "
                "only)",
     .doc = "How each change (breathe in, hold, bell...) is marked: `sound`, "
            "a tone and a caption; `caption`, the caption only; `none`, "
            "neither: only the breathing visual.",
     .opt = "cues",
     .arg = "STYLE",
     .help = "breathing and hold cues: sound, caption or none (the breathing "
             "visual only)",
     .label = "Breathing cues",
     .words = (const char *const[]){"tone and caption", "caption only",
                                    "visual only", NULL}},
    {.key = "speech_rate",
     .type = PREFS_ENUM,
     .offset = offsetof(struct prefs, speech_rate),
     .def = SPEECH_PACE_NORMAL,
     .names = speech_pace_names,
     .what = "speech rate",
     .comment = "the pace of the synthesized voice: \"slower\", \"normal\" "
                "(the session's own) or \"faster\"",
     .doc = "The pace of the synthesized voice that speaks lines without a "
            "recording: `slower`, `normal` (the session's own pace, about "
            "2.2 words a second unless it sets another) or `faster`.",
     .opt = "speech-rate",
     .arg = "PACE",
     .help = "the synthesized voice's pace: slower, normal or faster",
     .label = "Speaking pace",
     .words = (const char *const[]){"slower", "normal", "faster", NULL}},
    {.key = "settling_seconds",
     .type = PREFS_DOUBLE,
     .offset = offsetof(struct prefs, settling_seconds),
     .max = PREFS_SETTLING_MAX,
     .def = 0,
     .comment = "quiet time before the first cue, 0 to 120 seconds",
     .doc = "Quiet time before the first cue, to settle in.",
     .opt = "settle",
     .arg = "SECONDS",
     .help = "quiet time before the first step",
     .label = "Settling time",
     STOPS(0, 10, 20, 30, 60, 90, 120),
     .shown = PREFS_SHOWN_SECONDS},
    {.key = "eyes_open",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, eyes_open),
     .def = false,
     .comment = "word the guidance for open eyes",
     .doc = "Word the guidance for open eyes.",
     .opt = "eyes-open",
     .help = "wording for keeping the eyes open",
     .label = "Eyes-open wording"},
    {.key = "gentle",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, gentle),
     .def = false,
     .comment = "gentle mode: no breath holds, shorter holds",
     .doc = "Gentle mode: breathing without breath holds, and shorter timed "
            "holds.",
     .opt = "gentle",
     .help = "no breath holds, shorter timed holds",
     .label = "Gentle mode"},
    {.key = "offer_grounding",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, offer_grounding),
     .def = true,
     .comment = "offer a grounding exercise after any stop",
     .doc = "Offer a short grounding exercise whenever a session is "
            "stopped.",
     .label = "Grounding after a stop"},
    {.key = "ratings",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, ratings),
     .def = false,
     .comment = "ask how tense or upset you feel, before and after",
     .doc = "Ask \"How tense or upset do you feel right now?\" (0 calm to "
            "10) before and after every session, kept with its history "
            "row. A session or its type may ask anyway.",
     .opt = "ratings",
     .help = "ask how tense or upset you feel (0 to 10) before and after",
     .label = "Ask how I feel"},
    {.key = "leave_out",
     .type = PREFS_REGION_SET,
     .offset = offsetof(struct prefs, leave_out),
     .def = 0,
     .what = "region",
     .comment = "body regions a body scan leaves out, e.g. \"chest,belly\"",
     .doc = "Body regions a body scan leaves out, e.g. `\"chest, belly\"`.",
     .opt = "leave-out",
     .arg = "REGION[,REGION...]",
     .help = "leave body regions out of a body scan; a neutral anchor takes "
             "their place",
     .label = "Leave out of body scans"},
    {.key = "theme",
     .type = PREFS_ENUM,
     .offset = offsetof(struct prefs, theme),
     .def = PALETTE_DEFAULT,
     .names = theme_names,
     .what = "theme",
     .comment = "the window's colours: \"default\" or \"high-contrast\"",
     .doc = "The window's colours: `default` (text at least 4.5:1 against "
            "its background, needed graphics 3:1) or `high-contrast` (black "
            "and white; text at least 7:1, graphics 4.5:1).",
     .opt = "theme",
     .arg = "THEME",
     .help = "the window's colours: default or high-contrast",
     .label = "Colours",
     .words = (const char *const[]){"default", "high contrast", NULL}},
    {.key = "text_size",
     .type = PREFS_DOUBLE,
     .offset = offsetof(struct prefs, text_size),
     .min = 1,
     .max = PREFS_TEXT_SIZE_MAX,
     .def = 1,
     .comment = "the window's text: 1, 1.25, 1.5 or 2 times its size",
     .doc = "The size of the window's text: 1 (as designed), 1.25, 1.5 or 2 "
            "times; every screen reflows, and long lists scroll.",
     .opt = "text-size",
     .arg = "SCALE",
     .help = "the window's text 1 to 2 times its size (1, 1.25, 1.5, 2)",
     .label = "Text size",
     STOPS(1, 1.25, 1.5, 2),
     .shown = PREFS_SHOWN_PERCENT},
    {.key = "read_screens",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, read_screens),
     .def = false,
     .comment = "read the screens before, during and after a session aloud",
     .doc = "Read every screen before, during and after a session aloud: "
            "the floor notice, each question with the keys that answer it, "
            "the checklist, the signs to stop and the signs that need a "
            "doctor; the menu says the session chosen. R repeats a screen, "
            "Esc silences it, and a key acts at once.",
     .opt = "read-screens",
     .help = "read the screens aloud (R repeats)",
     .label = "Read screens aloud"},
    {.key = "calm_motion",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, calm_motion),
     .def = false,
     .comment = "a still breathing visual: a bar fills and the count shows",
     .doc = "Calm motion: the breathing visual does not grow and shrink; a "
            "still shape shows the phase (In, Hold, Out), a bar that fills "
            "over it and its count.",
     .opt = "calm-motion",
     .help = "a still breathing visual with a filling bar and the count",
     .label = "Calm motion"},
    {.key = "spoken_count",
     .type = PREFS_BOOL,
     .offset = offsetof(struct prefs, spoken_count),
     .def = false,
     .comment = "speak the breath's count softly (\"in, two, three\")",
     .doc = "Speak each breath's count softly under the phase: \"in, two, "
            "three, four\", \"hold, two\", \"out, two, three, four\".",
     .opt = "spoken-count",
     .help = "speak the breath's count softly (in, two, three...)",
     .label = "Spoken count"},
};

const size_t PREFS_ROWS = COUNT(PREFS_TABLE);

#define FIELD(p, r, type) ((type *)(void *)((char *)(p) + (r)->offset))
#define CFIELD(p, r, type)                                                     \
    ((const type *)(const void *)((const char *)(p) + (r)->offset))

double prefs_get(const struct prefs_row *r, const struct prefs *p)
{
    switch (r->type) {
    case PREFS_BOOL:
        return *CFIELD(p, r, bool);
    case PREFS_FLOAT:
        return *CFIELD(p, r, float);
    case PREFS_DOUBLE:
        return *CFIELD(p, r, double);
    case PREFS_ENUM:
        return *CFIELD(p, r, int);
    case PREFS_REGION_SET:
        return *CFIELD(p, r, uint32_t);
    }
    return 0;
}

void prefs_set(const struct prefs_row *r, struct prefs *p, double v)
{
    switch (r->type) {
    case PREFS_BOOL:
        *FIELD(p, r, bool) = v != 0;
        break;
    case PREFS_FLOAT:
        *FIELD(p, r, float) = (float)v;
        break;
    case PREFS_DOUBLE:
        *FIELD(p, r, double) = v;
        break;
    case PREFS_ENUM:
        *FIELD(p, r, int) = (int)v;
        break;
    case PREFS_REGION_SET:
        *FIELD(p, r, uint32_t) = (uint32_t)v;
        break;
    }
}

void prefs_defaults(struct prefs *p)
{
    *p = (struct prefs){0};
    for (size_t i = 0; i < PREFS_ROWS; i++)
        prefs_set(&PREFS_TABLE[i], p, PREFS_TABLE[i].def);
}

const struct prefs_row *prefs_find(const char *key)
{
    for (size_t i = 0; i < PREFS_ROWS; i++)
        if (strcmp(PREFS_TABLE[i].key, key) == 0)
            return &PREFS_TABLE[i];
    return NULL;
}

static size_t count_names(const char *const *names)
{
    size_t n = 0;
    while (names && names[n])
        n++;
    return n;
}

bool prefs_check(const struct prefs_row *r, const struct prefs *p, char *err,
                 size_t errlen)
{
    double v = prefs_get(r, p);
    char text[PREFS_REGIONS_TEXT];
    switch (r->type) {
    case PREFS_BOOL:
        return true;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        if (isfinite(v) && v >= r->min && v <= r->max)
            return true;
        snprintf(err, errlen, "%s: expected %.6g..%.6g, got %.6g", r->key,
                 r->min, r->max, v);
        return false;
    case PREFS_ENUM:
        if (v >= 0 && v < (double)count_names(r->names))
            return true;
        snprintf(err, errlen, "%s: not a %s (%d)", r->key, r->what, (int)v);
        return false;
    case PREFS_REGION_SET:
        if (prefs_regions_format((uint32_t)v, text, sizeof(text)))
            return true;
        snprintf(err, errlen, "%s: bits past the last region (0x%x)", r->key,
                 (unsigned)v);
        return false;
    }
    return false;
}

/* err gets "unknown WHAT 'text' (did you mean 'x'?)", or the known names
 * when none is close. */
static void unknown(const char *what, const char *text,
                    const char *const *names, size_t n, char *err,
                    size_t errlen)
{
    const char *near = nearest_name(names, n, text);
    if (near) {
        snprintf(err, errlen, "unknown %s '%s' (did you mean '%s'?)", what,
                 text, near);
        return;
    }
    int len = snprintf(err, errlen, "unknown %s '%s' (known: ", what, text);
    for (size_t i = 0; i < n && len >= 0 && (size_t)len < errlen; i++)
        len += snprintf(err + len, errlen - (size_t)len, "%s%s", names[i],
                        i + 1 < n ? ", " : ")");
}

bool prefs_parse_text(const struct prefs_row *r, struct prefs *p,
                      const char *text, char *err, size_t errlen)
{
    if (r->type == PREFS_REGION_SET)
        return prefs_regions_parse(text, FIELD(p, r, uint32_t), err, errlen);
    size_t n = count_names(r->names);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(text, r->names[i]) == 0) {
            prefs_set(r, p, (double)i);
            return true;
        }
    }
    unknown(r->what, text, r->names, n, err, errlen);
    return false;
}

bool prefs_format_text(const struct prefs_row *r, const struct prefs *p,
                       char *buf, size_t n)
{
    double v = prefs_get(r, p);
    if (r->type == PREFS_REGION_SET)
        return prefs_regions_format((uint32_t)v, buf, n);
    if (n > 0)
        buf[0] = '\0';
    if (r->type != PREFS_ENUM || !(v >= 0) ||
        v >= (double)count_names(r->names))
        return false;
    int w = snprintf(buf, n, "%s", r->names[(size_t)v]);
    if (w >= 0 && (size_t)w < n)
        return true;
    if (n > 0)
        buf[0] = '\0';
    return false;
}

bool prefs_set_option(const struct prefs_row *r, struct prefs *p,
                      const char *arg, char *err, size_t errlen)
{
    if (r->type == PREFS_BOOL) {
        prefs_set(r, p, r->def != 0 ? 0 : 1);
        return true;
    }
    if (r->type == PREFS_ENUM || r->type == PREFS_REGION_SET)
        return prefs_parse_text(r, p, arg, err, errlen);
    char *end;
    double v = strtod(arg, &end);
    if (end != arg && !*end && v >= r->min && v <= r->max) {
        prefs_set(r, p, v);
        return true;
    }
    char unit[32];
    size_t k = 0;
    for (; r->arg && r->arg[k] && k + 1 < sizeof(unit); k++)
        unit[k] = (char)tolower((unsigned char)r->arg[k]);
    unit[k] = '\0';
    snprintf(err, errlen, "expected %s %g..%g, got '%s'", unit, r->min, r->max,
             arg);
    return false;
}

void prefs_merge(struct prefs *out, const struct prefs *cli,
                 const struct prefs *file)
{
    struct prefs def;
    prefs_defaults(&def);
    *out = *file;
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        double c = prefs_get(r, cli);
        if (r->type == PREFS_REGION_SET)
            prefs_set(r, out,
                      (double)((uint32_t)c | (uint32_t)prefs_get(r, file)));
        else if (c != prefs_get(r, &def))
            prefs_set(r, out, c);
    }
}

void prefs_session_options(const struct prefs *p, struct timeline_options *tl,
                           struct adapt_options *ad)
{
    tl->no_voice = !p->voice;
    tl->no_ambient = !p->ambient;
    tl->cue_style = p->cue_style;
    tl->settling_seconds = p->settling_seconds;
    tl->spoken_count = p->spoken_count;
    tl->speech_pace =
        (unsigned)p->speech_rate < 3 ? speech_pace_factor[p->speech_rate] : 1.0;
    ad->leave_out = p->leave_out;
    ad->eyes_open = p->eyes_open;
    ad->gentle = p->gentle;
}

const char *prefs_cue_style_name(enum cue_style s)
{
    return (unsigned)s < COUNT(cue_style_names) - 1 ? cue_style_names[s]
                                                    : "unknown";
}

bool prefs_cue_style_parse(const char *text, enum cue_style *out, char *err,
                           size_t errlen)
{
    struct prefs p;
    const struct prefs_row *r = prefs_find("cue_style");
    if (!prefs_parse_text(r, &p, text, err, errlen))
        return false;
    *out = p.cue_style;
    return true;
}

bool prefs_regions_parse(const char *text, uint32_t *out, char *err,
                         size_t errlen)
{
    uint32_t mask = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strcspn(p, ",");
        size_t end = len;
        while (end > 0 && (p[end - 1] == ' ' || p[end - 1] == '\t'))
            end--;
        if (end > 0) {
            char item[64];
            size_t i = 0;
            if (end < sizeof(item)) {
                memcpy(item, p, end);
                item[end] = '\0';
                while (i < SESSION_REGION_COUNT &&
                       strcmp(item, SESSION_REGIONS[i]) != 0)
                    i++;
            } else {
                snprintf(item, sizeof(item), "%.*s...", 40, p);
                i = SESSION_REGION_COUNT;
            }
            if (i == SESSION_REGION_COUNT) {
                unknown("region", item, SESSION_REGIONS, SESSION_REGION_COUNT,
                        err, errlen);
                return false;
            }
            mask |= UINT32_C(1) << i;
        }
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
    *out = mask;
    return true;
}

bool prefs_regions_format(uint32_t mask, char *buf, size_t n)
{
    if (n == 0)
        return false;
    buf[0] = '\0';
    if (SESSION_REGION_COUNT < 32 && (mask >> SESSION_REGION_COUNT) != 0)
        return false;
    size_t len = 0;
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++) {
        if (!(mask & (UINT32_C(1) << i)))
            continue;
        int w = snprintf(buf + len, n - len, "%s%s", len ? "," : "",
                         SESSION_REGIONS[i]);
        if (w < 0 || (size_t)w >= n - len) {
            buf[0] = '\0';
            return false;
        }
        len += (size_t)w;
    }
    return true;
}
