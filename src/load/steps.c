/* steps.c: the steps of a session file -> struct step, each kind with
 * its own rules (breathe, hold, scan with its words, play with its
 * recording and captions), and the time marks across them. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "loader_parts.h"

#include <libconfig.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/pace.h"
#include "../core/regions.h"
#include "../core/sound_check.h"
#include "captions_file.h"
#include "paths.h"

/* ---- steps ------------------------------------------------------------ */

static const struct {
    const char *key;
    enum step_kind kind;
} kind_keys[] = {{"breathe", STEP_BREATHE},
                 {"scan", STEP_SCAN},
                 {"hold", STEP_HOLD},
                 {"silence", STEP_SILENCE},
                 {"play", STEP_PLAY}};

static bool step_kind_of(struct loader *l, const config_setting_t *g,
                         enum step_kind *kind)
{
    const char *found = NULL;
    for (size_t i = 0; i < sizeof(kind_keys) / sizeof(kind_keys[0]); i++) {
        if (!config_setting_get_member(g, kind_keys[i].key))
            continue;
        if (found) {
            ERR(l, g, "a step has both '%s' and '%s'; give each its own step",
                found, kind_keys[i].key);
            return false;
        }
        found = kind_keys[i].key;
        *kind = kind_keys[i].kind;
    }
    if (found)
        return true;
    if (config_setting_get_member(g, "say")) {
        *kind = STEP_SAY;
        return true;
    }
    ERR(l, g, "a step needs one of: say, breathe, scan, hold, silence, play");
    return false;
}

static void load_breathe(struct loader *l, const config_setting_t *g,
                         struct step *st)
{
    static const char *const names[4] = {"inhale", "hold after inhale",
                                         "exhale", "hold after exhale"};
    const config_setting_t *b = config_setting_get_member(g, "breathe");
    for (int i = 0; i < 4; i++) {
        const config_setting_t *e = config_setting_get_elem(b, (unsigned)i);
        double v = 0;
        if (!e || !schema_as_number(e, &v))
            return; /* reported by the schema */
        st->pattern[i] = v;
        bool breath = (i == BREATH_IN || i == BREATH_OUT);
        if (breath && (v < 1 || v > 30))
            ERR(l, b, "breathe: %s expected 1..30 seconds, got %.6g", names[i],
                v);
    }
    const config_setting_t *cycles = config_setting_get_member(g, "cycles");
    const config_setting_t *minutes = config_setting_get_member(g, "minutes");
    double cycle =
        st->pattern[0] + st->pattern[1] + st->pattern[2] + st->pattern[3];
    if (cycles && minutes) {
        ERR(l, g, "a breathe step takes cycles or minutes, not both");
    } else if (cycles) {
        st->cycles = (int)schema_number(g, &SCHEMA_STEP, "cycles");
    } else if (minutes) {
        double m = schema_number(g, &SCHEMA_STEP, "minutes");
        double c = cycle > 0 ? round(m * 60.0 / cycle) : 1;
        st->cycles = c < 1 ? 1 : c > 100000 ? 100000 : (int)c;
    } else {
        ERR(l, g, "a breathe step needs cycles (how many breaths) or minutes");
    }
}

static void load_hold(struct loader *l, const config_setting_t *g,
                      struct step *st)
{
    st->label = loader_dup_string(l, g, "hold");
    const config_setting_t *secs = config_setting_get_member(g, "seconds");
    if (!secs)
        ERR(l, g, "a hold step needs 'seconds' (how long to hold)");
    else if (st->seconds < 0.1)
        ERR(l, secs, "seconds: a hold lasts at least 0.1 seconds, got %.6g",
            st->seconds);
    const config_setting_t *b = config_setting_get_member(g, "bells");
    int n = b ? config_setting_length(b) : 0;
    if (n <= 0)
        return;
    double *bells = arena_alloc(l->a, (size_t)n * sizeof(double));
    if (!bells)
        return;
    double prev = 0;
    for (int i = 0; i < n; i++) {
        double v = 0;
        const config_setting_t *e = config_setting_get_elem(b, (unsigned)i);
        if (!e || !schema_as_number(e, &v))
            return;
        if (v >= st->seconds) {
            ERR(l, b, "bells: %.6g is not inside the %.6g-second hold", v,
                st->seconds);
            return;
        }
        if (v <= prev && i > 0) {
            ERR(l, b, "bells: %.6g comes after %.6g; list bells in order", v,
                prev);
            return;
        }
        bells[i] = prev = v;
    }
    st->bells = bells;
    st->n_bells = (size_t)n;
}

/* One word of a scan step: its region, or NULL with the problem told. */
static const char *scan_region(struct loader *l, const config_setting_t *at,
                               const char *word)
{
    const char *region = regions_lookup(word);
    if (!region) {
        char why[DIAG_MSG];
        regions_explain(word, why, sizeof(why));
        ERR(l, at, "scan: %s", why);
    }
    return region;
}

static void load_scan(struct loader *l, const config_setting_t *g,
                      struct step *st)
{
    const config_setting_t *s = config_setting_get_member(g, "scan");
    bool one = config_setting_type(s) == CONFIG_TYPE_STRING;
    int n = one ? 1 : config_setting_length(s);
    if (n < 1 || n > REGIONS_MAX)
        return; /* reported by the schema */
    const char *words[REGIONS_MAX];
    const char **regions = arena_alloc(l->a, (size_t)n * sizeof(char *));
    if (!regions)
        return;
    size_t count = 0;
    bool ok = true;
    for (int i = 0; i < n; i++) {
        const config_setting_t *e =
            one ? s : config_setting_get_elem(s, (unsigned)i);
        words[i] = e ? config_setting_get_string(e) : NULL;
        if (!words[i])
            return; /* reported by the schema */
        const char *r = scan_region(l, e, words[i]);
        ok = ok && r;
        size_t k = 0;
        while (r && k < count && regions[k] != r)
            k++;
        if (r && k == count)
            regions[count++] = r;
    }
    if (!ok)
        return;
    char label[REGIONS_MAX * (REGIONS_WORD_CHARS + 5) + 1];
    if (!regions_label(words, (size_t)n, label, sizeof(label))) {
        ERR(l, s, "scan: the words are too long together");
        return; /* the schema's limits keep this from happening */
    }
    st->label = arena_strdup(l->a, label);
    st->regions = regions;
    st->n_regions = count;
    if (!config_setting_get_member(g, "seconds"))
        st->seconds = 20;
}

/* The recording a play step names: its path resolved as a sound's, and
 * with check_sounds judged as a recording (its head; the decoder measures
 * it before it plays). *seconds: its length when the header gives it
 * exactly, else -1. */
static void read_recording(struct loader *l, const config_setting_t *s,
                           struct step *st, double *seconds)
{
    char why[512];
    const char *written = config_setting_get_string(s);
    const char *path = loader_resolve_sound(l, s);
    if (!path)
        return;
    struct sniff_info info = {.frames = -1};
    if (l->check_sounds &&
        !sound_check_recording(path, written, &info, why, sizeof(why))) {
        ERR(l, s, "sound file '%s' %s", written, why);
        return;
    }
    if (info.exact && info.frames > 0 && info.rate > 0)
        *seconds = (double)info.frames / (double)info.rate;
    st->recording =
        (struct sound_ref){arena_strdup(l->a, written), path, schema_line(s)};
}

static void load_play(struct loader *l, const config_setting_t *g,
                      struct step *st)
{
    double seconds = -1;
    read_recording(l, config_setting_get_member(g, "play"), st, &seconds);
    const config_setting_t *c = config_setting_get_member(g, "captions");
    if (!c || !st->recording.name)
        return;
    char why[512];
    const char *written = config_setting_get_string(c);
    const char *path =
        paths_resolve_sound(l->a, written, l->dir, l->assets, why, sizeof(why));
    size_t len = 0;
    char *text = NULL;
    if (path && paths_is_link(l->dir, written))
        snprintf(why, sizeof(why), "is a link; name the file itself");
    else if (path)
        text = captions_file_read(path, &len, why, sizeof(why));
    if (!text) { /* why names a sound file when the path was refused */
        bool named = strncmp(why, "sound file", 10) == 0;
        ERR(l, c, "captions file%s%s%s%s", path ? " '" : "",
            path ? written : "", path ? "' " : "", named ? why + 10 : why);
        return;
    }
    st->captions_file =
        (struct sound_ref){arena_strdup(l->a, written), path, schema_line(c)};
    struct caption_list list;
    if (captions_parse(text, len, path, seconds, l->a, &list, l->ctx.d)) {
        st->captions = list.items;
        st->n_captions = list.count;
    }
    free(text);
}

void loader_load_step(struct loader *l, const config_setting_t *g,
                      struct step *st)
{
    st->line = schema_line(g);
    if (!step_kind_of(l, g, &st->kind))
        return;
    unsigned mask = 1u << st->kind;
    if (!schema_check(&l->ctx, g, &SCHEMA_STEP, mask,
                      session_step_kind_name(st->kind)))
        return;
    st->say = loader_dup_string(l, g, "say");
    st->seconds = schema_number(g, &SCHEMA_STEP, "seconds");
    st->has_at = schema_time(g, "at", &st->at);
    if (st->has_at)
        st->at_line = schema_line(config_setting_get_member(g, "at"));
    st->eyes_open = loader_dup_string(l, g, "eyes_open");
    if (st->eyes_open && !st->say)
        ERR(l, config_setting_get_member(g, "eyes_open"),
            "eyes_open: an eyes-open wording needs the 'say' line it "
            "replaces");
    if (config_setting_get_member(g, "voice")) {
        if (!st->say)
            ERR(l, config_setting_get_member(g, "voice"),
                "voice: a voice clip needs the 'say' line it speaks (for "
                "the caption)");
        loader_read_sound(l, g, "voice", &st->voice);
    }
    switch (st->kind) {
    case STEP_SAY:
        break;
    case STEP_BREATHE:
        load_breathe(l, g, st);
        break;
    case STEP_SCAN:
        load_scan(l, g, st);
        break;
    case STEP_HOLD:
        load_hold(l, g, st);
        break;
    case STEP_SILENCE:
        st->seconds = schema_number(g, &SCHEMA_STEP, "silence");
        break;
    case STEP_PLAY:
        load_play(l, g, st);
        break;
    }
}

/* Time marks must increase: a mark earlier than the one before it. */
void loader_check_marks(struct loader *l, const struct session *s)
{
    const struct step *prev = NULL;
    for (size_t i = 0; i < s->n_steps; i++) {
        const struct step *st = &s->steps[i];
        if (!st->has_at)
            continue;
        if (prev && st->at < prev->at) {
            char a[32], b[32];
            pace_format_time(a, sizeof(a), st->at);
            pace_format_time(b, sizeof(b), prev->at);
            diag_add(l->ctx.d, l->ctx.file, st->at_line,
                     "at: %s comes before the mark of an earlier step (%s at "
                     "line %d); marks must increase",
                     a, b, prev->at_line);
        }
        prev = st;
    }
}
