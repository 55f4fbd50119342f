/* schema.c: the session-file tables and the generic checks they drive. */
#include "schema.h"

#include <math.h>
#include <string.h>

#include "../core/nearest.h"
#include "../core/pace.h"
#include "../core/regions.h"
#include "../core/session.h"
#include "../core/utf8.h"

#define COUNT(a)  (sizeof(a) / sizeof((a)[0]))
#define K(kind)   (1u << (kind))
#define ALL_STEPS 0u

enum { LIST_ITEMS = 30, ITEM_CHARS = 300, LINE_CHARS = 600, PATH_CHARS = 255 };

static const struct field top_fields[] = {
    {"version", FT_INT, 1, 1, 1, FIELD_REQUIRED, 0, 0, 0,
     "Format version of the file. This stillpoint reads version 1."},
    {"safety", FT_GROUP, 0, 0, 0, 0, 0, 0, 0,
     "Safety profiles by session type (see below). Optional."},
    {"sessions", FT_GROUPS, 0, 0, 0, 0, 0, 0, 200,
     "The sessions in this file, at most 200."},
};

static const struct field profile_fields[] = {
    {"before", FT_GROUP, 0, 0, 0, 0, 0, 0, 0,
     "What is asked and checked before the session starts."},
    {"during", FT_GROUP, 0, 0, 0, 0, 0, 0, 0,
     "What is shown while the session runs."},
    {"after", FT_GROUP, 0, 0, 0, 0, 0, 0, 0,
     "What is shown when the session ends or is stopped."},
};

static const struct field before_fields[] = {
    {"contraindications", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "Yes/no questions, one per screen. A yes blocks the session and says "
     "whom to ask."},
    {"ask", FT_STRING, 1, 80, 0, 0, 0, 0, 0,
     "Whom to ask when a question blocks the session, e.g. \"a urologist\"."},
    {"clearance", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "Yes/no questions about having been cleared. A no blocks the session."},
    {"preparation", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "A checklist shown before the session starts."},
    {"rating", FT_BOOL, 0, 0, 0, 0, 0, 0, 0,
     "true: ask \"How tense or upset do you feel right now?\" (0 to 10) "
     "before the session and after it. A file can turn it on for a "
     "built-in type, not off."},
    {"rating_pause", FT_INT, 0, 10, 0, FIELD_NO_DEFAULT, 0, 0, 0,
     "A rating before at or above this does not block, but says it is fine "
     "not to go on, offers the grounding exercise first and says how to "
     "stop. A file can lower a built-in type's, not raise it."},
};

static const struct field during_fields[] = {
    {"stop_signs", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "Signs to stop, shown at the start, on pause and on request."},
    {"reminder_seconds", FT_NUMBER, 30, 3600, 0, FIELD_ZERO_OFF, 0, 0, 0,
     "Seconds between short reminders that the session can be stopped; 0 "
     "for none."},
    {"checkin_seconds", FT_NUMBER, 60, 3600, 0, FIELD_ZERO_OFF, 0, 0, 0,
     "Seconds between check-ins (\"still comfortable? press any key\"); 0 "
     "for none."},
    {"checkin_timeout", FT_NUMBER, 10, 300, 30, 0, 0, 0, 0,
     "Seconds a check-in waits for an answer before it pauses the session."},
};

static const struct field after_fields[] = {
    {"doctor_signs", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "Signs that need a doctor, shown at the end and first after a stop "
     "for discomfort."},
    {"aftercare", FT_STRINGS, 1, ITEM_CHARS, 0, 0, 0, 0, LIST_ITEMS,
     "Care after the session (grounding, rest, water)."},
};

static const struct field session_fields[] = {
    {"name", FT_STRING, 1, 48, 0, FIELD_REQUIRED, 0, 0, 0,
     "Unique name: lowercase letters, digits and dashes."},
    {"title", FT_STRING, 1, 80, 0, FIELD_REQUIRED, 0, 0, 0,
     "The title people see."},
    {"type", FT_STRING, 1, 48, 0, FIELD_REQUIRED, 0, 0, 0,
     "Session type: breathing, body-scan, bodywork, pelvic-care, "
     "trauma-informed, or a type this file's safety group defines."},
    {"description", FT_STRING, 0, 1000, 0, 0, 0, 0, 0,
     "A few sentences on what the session is for."},
    {"ambient", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0,
     "A sound file looped under the whole session."},
    {"ambient_volume", FT_NUMBER, 0, 1, 0.3, 0, 0, 0, 0,
     "Loudness of the ambient sound, 0 to 1."},
    {"speech_rate", FT_NUMBER, 1, 4, 2.2, 0, 0, 0, 0,
     "Words a second the synthesized voice speaks lines that have no "
     "recording (a guide speaks about 2 to 2.5). The person's own choice "
     "of slower or faster applies on top."},
    {"rating", FT_BOOL, 0, 0, 0, 0, 0, 0, 0,
     "true: ask \"How tense or upset do you feel right now?\" (0 to 10) "
     "before and after this session, whatever its type says."},
    {"sounds", FT_GROUP, 0, 0, 0, 0, 0, 0, 0,
     "Sound files replacing the built-in cue tones."},
    {"steps", FT_GROUPS, 0, 0, 0, FIELD_REQUIRED, 0, 1, 1000,
     "The steps, in order: at least one."},
};

static const struct field sounds_fields[] = {
    {"inhale", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0, "Sound at each inhale."},
    {"exhale", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0, "Sound at each exhale."},
    {"hold", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0,
     "Sound at a breath hold and at the start of a timed hold."},
    {"bell", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0,
     "Bell inside and at the end of a timed hold."},
    {"end", FT_PATH, 1, PATH_CHARS, 0, 0, 0, 0, 0,
     "Sound at the end of the session."},
};

static const struct field step_fields[] = {
    {"say", FT_STRING, 1, LINE_CHARS, 0, 0, ALL_STEPS, 0, 0,
     "A line spoken or captioned at the start of the step. Alone, it makes a "
     "say step."},
    {"voice", FT_PATH, 1, PATH_CHARS, 0, 0, ALL_STEPS, 0, 0,
     "A recording of the say line."},
    {"eyes_open", FT_STRING, 1, LINE_CHARS, 0, 0, ALL_STEPS, 0, 0,
     "The say line worded for someone who keeps their eyes open; used "
     "instead of it when that is their choice."},
    {"seconds", FT_NUMBER, 0, 14400, 3, 0,
     K(STEP_SAY) | K(STEP_SCAN) | K(STEP_HOLD), 0, 0,
     "say: seconds after the line (default 3; 0: the next step follows the "
     "line at once); scan: seconds of quiet attention after the line "
     "(default 20); hold: the hold's length (required, at least 0.1)."},
    {"at", FT_TIME, 0, 14400, 0, 0, ALL_STEPS, 0, 0,
     "When the step starts, from the start of the session's own steps (the "
     "safety notice comes before 0:00): \"2:04\", \"2:04.5\", "
     "\"1:02:04\" or seconds. Marks must increase; a step whose mark comes "
     "before the step ahead of it has ended starts right after it, and "
     "--check warns."},
    {"breathe", FT_NUMBERS, 0, 60, 0, 0, K(STEP_BREATHE), 4, 4,
     "Seconds of [inhale, hold, exhale, hold]: inhale and exhale 1..30, "
     "holds 0..60 (0 leaves the hold out)."},
    {"cycles", FT_INT, 1, 1000, 0, 0, K(STEP_BREATHE), 0, 0,
     "breathe: how many breaths (give cycles or minutes)."},
    {"minutes", FT_NUMBER, 0.1, 240, 0, 0, K(STEP_BREATHE), 0, 0,
     "breathe: about how long; rounded to whole breaths."},
    {"scan", FT_TEXTS, 1, REGIONS_WORD_CHARS, 0, 0, K(STEP_SCAN), 1,
     REGIONS_MAX,
     "A body-scan step: the part of the body, or a list of up to 8 "
     "(`[\"shoulders\", \"neck\"]`), in everyday words (`lower back`, "
     "`toes`, `abdomen`: see Scan words). Each lights its region of the "
     "body figure: head, face, jaw, neck, shoulders, arms, hands, chest, "
     "belly, back, pelvis, hips, legs, knees, feet, whole-body."},
    {"hold", FT_STRING, 1, 80, 0, 0, K(STEP_HOLD), 0, 0,
     "A timed hold: what is held, shown during the hold. A soft tone starts "
     "it, a bell ends it."},
    {"bells", FT_NUMBERS, 0.5, 14400, 0, 0, K(STEP_HOLD), 1, 20,
     "hold: bells inside the hold, seconds from its start, in order."},
    {"silence", FT_NUMBER, 0.1, 14400, 0, 0, K(STEP_SILENCE), 0, 0,
     "A silence step: seconds of quiet time."},
    {"play", FT_PATH, 1, PATH_CHARS, 0, 0, K(STEP_PLAY), 0, 0,
     "A play step: a recording played whole (WAV, FLAC, Ogg Vorbis or Opus, "
     "MP3; up to four hours), read from disk as it plays."},
    {"captions", FT_PATH, 1, PATH_CHARS, 0, 0, K(STEP_PLAY), 0, 0,
     "play: the recording's captions, WebVTT (.vtt) or SubRip (.srt), each "
     "shown at its time."},
};

#define SCHEMA(var, what, table)                                               \
    const struct schema var = {what, table, COUNT(table)}
SCHEMA(SCHEMA_TOP, "the file", top_fields);
SCHEMA(SCHEMA_PROFILE, "a safety profile", profile_fields);
SCHEMA(SCHEMA_BEFORE, "before", before_fields);
SCHEMA(SCHEMA_DURING, "during", during_fields);
SCHEMA(SCHEMA_AFTER, "after", after_fields);
SCHEMA(SCHEMA_SESSION, "a session", session_fields);
SCHEMA(SCHEMA_SOUNDS, "sounds", sounds_fields);
SCHEMA(SCHEMA_STEP, "a step", step_fields);

static const struct field *schema_field(const struct schema *s,
                                        const char *name)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->fields[i].name, name) == 0)
            return &s->fields[i];
    return NULL;
}

int schema_line(const config_setting_t *s)
{
    while (s) {
        int line = (int)config_setting_source_line(s);
        if (line > 0)
            return line;
        s = config_setting_parent(s);
    }
    return 1;
}

bool schema_as_number(const config_setting_t *s, double *out)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
        *out = config_setting_get_int(s);
        return true;
    case CONFIG_TYPE_INT64:
        *out = (double)config_setting_get_int64(s);
        return true;
    case CONFIG_TYPE_FLOAT:
        *out = config_setting_get_float(s);
        return true;
    default:
        return false;
    }
}

static const char *type_word(int type)
{
    switch (type) {
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
    case CONFIG_TYPE_FLOAT:
        return "a number";
    case CONFIG_TYPE_STRING:
        return "text";
    case CONFIG_TYPE_BOOL:
        return "true/false";
    case CONFIG_TYPE_GROUP:
        return "a group { }";
    case CONFIG_TYPE_ARRAY:
        return "an array [ ]";
    case CONFIG_TYPE_LIST:
        return "a list ( )";
    }
    return "something else";
}

static const char *expect_word(enum field_type t)
{
    switch (t) {
    case FT_INT:
        return "a whole number";
    case FT_NUMBER:
        return "a number";
    case FT_STRING:
    case FT_PATH:
        return "text in quotes";
    case FT_STRINGS:
        return "a list of texts [\"...\", \"...\"]";
    case FT_TEXTS:
        return "text in quotes, or a list of texts [\"...\", \"...\"]";
    case FT_NUMBERS:
        return "an array of numbers [ ]";
    case FT_GROUP:
        return "a group { }";
    case FT_GROUPS:
        return "a list of groups ( { }, { } )";
    case FT_BOOL:
        return "true or false";
    case FT_TIME:
        return "a time like \"2:04\" or a number of seconds";
    }
    return "?";
}

const char *schema_expect_word(enum field_type t)
{
    return expect_word(t);
}

/* Prints a number the way a person wrote it: 14400, 0.5, -5. */
static void fmt_num(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.15g", v);
}

static bool check_number(const struct check_ctx *ctx, const struct field *f,
                         const config_setting_t *s, const char *label)
{
    double v;
    if (!schema_as_number(s, &v)) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: expected %s, got %s",
                 label, expect_word(f->type),
                 type_word(config_setting_type(s)));
        return false;
    }
    if (!isfinite(v)) {
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: expected a finite number", label);
        return false;
    }
    if (f->type == FT_INT && v != floor(v)) {
        char got[32];
        fmt_num(got, sizeof(got), v);
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: expected a whole number, got %s", label, got);
        return false;
    }
    if ((f->flags & FIELD_ZERO_OFF) && v == 0)
        return true;
    if (v < f->min || v > f->max) {
        char lo[32], hi[32], got[32];
        fmt_num(lo, sizeof(lo), f->min);
        fmt_num(hi, sizeof(hi), f->max);
        fmt_num(got, sizeof(got), v);
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: expected %s%s..%s, got %s", label,
                 (f->flags & FIELD_ZERO_OFF) ? "0 or " : "", lo, hi, got);
        return false;
    }
    return true;
}

/* A time mark: a number of seconds, checked as a number, or a text
 * pace_parse_time reads. */
static bool check_time(const struct check_ctx *ctx, const struct field *f,
                       const config_setting_t *s, const char *label)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING)
        return check_number(ctx, f, s, label);
    char why[96];
    double v;
    if (!pace_parse_time(config_setting_get_string(s), &v, why, sizeof(why))) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: expected %s: %s",
                 label, expect_word(f->type), why);
        return false;
    }
    return true;
}

/* item: s is one entry of a list of texts. */
static bool check_text(const struct check_ctx *ctx, const struct field *f,
                       const config_setting_t *s, const char *label, bool item)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: expected %s, got %s",
                 label, item ? "text in quotes" : expect_word(f->type),
                 type_word(config_setting_type(s)));
        return false;
    }
    const char *v = config_setting_get_string(s);
    size_t len = strlen(v);
    if (len < (size_t)f->min) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: must not be empty",
                 label);
        return false;
    }
    if (len > (size_t)f->max) {
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: too long (%zu characters; the limit is %.0f)", label, len,
                 f->max);
        return false;
    }
    char why[96];
    if (len > 0 && !utf8_check_text(v, why, sizeof(why))) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: %s", label, why);
        return false;
    }
    return true;
}

static bool check_array(const struct check_ctx *ctx, const struct field *f,
                        const config_setting_t *s)
{
    int type = config_setting_type(s);
    if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
        diag_add(ctx->d, ctx->file, schema_line(s), "%s: expected %s, got %s",
                 f->name, expect_word(f->type), type_word(type));
        return false;
    }
    int n = config_setting_length(s);
    if (f->min_count && f->min_count == f->max_count && n != f->min_count) {
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: expected %d values, got %d", f->name, f->min_count, n);
        return false;
    }
    if (n < f->min_count) {
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: expected at least %d, got %d", f->name, f->min_count, n);
        return false;
    }
    if (f->max_count && n > f->max_count) {
        diag_add(ctx->d, ctx->file, schema_line(s),
                 "%s: too many (%d; the limit is %d)", f->name, n,
                 f->max_count);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        char label[80];
        snprintf(label, sizeof(label), "%s[%d]", f->name, i + 1);
        if (f->type == FT_GROUPS) {
            if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
                diag_add(ctx->d, ctx->file, schema_line(e),
                         "%s: expected a group { }, got %s", label,
                         type_word(config_setting_type(e)));
                ok = false;
            }
        } else if (f->type == FT_STRINGS || f->type == FT_TEXTS) {
            ok = check_text(ctx, f, e, label, true);
        } else {
            ok = check_number(ctx, f, e, label);
        }
    }
    return ok;
}

static void unknown_name(const struct check_ctx *ctx, const config_setting_t *m,
                         const struct schema *s)
{
    const char *names[32] = {0};
    size_t n = 0;
    for (size_t i = 0; i < s->count && n < 32; i++)
        names[n++] = s->fields[i].name;
    const char *name = config_setting_name(m);
    const char *near = nearest_name(names, n, name);
    if (near) {
        diag_add(ctx->d, ctx->file, schema_line(m),
                 "unknown setting '%s' in %s (did you mean '%s'?)", name,
                 s->what, near);
        return;
    }
    char list[400] = "";
    for (size_t i = 0; i < n; i++) {
        strncat(list, names[i], sizeof(list) - strlen(list) - 1);
        if (i + 1 < n)
            strncat(list, ", ", sizeof(list) - strlen(list) - 1);
    }
    diag_add(ctx->d, ctx->file, schema_line(m),
             "unknown setting '%s' in %s (known: %s)", name, s->what, list);
}

const struct field *schema_check_member(const struct check_ctx *ctx,
                                        const config_setting_t *m,
                                        const struct schema *s,
                                        unsigned kind_mask,
                                        const char *kind_name)
{
    const char *name = config_setting_name(m);
    const struct field *f = name ? schema_field(s, name) : NULL;
    if (!f) {
        unknown_name(ctx, m, s);
        return NULL;
    }
    if (kind_mask && f->kinds && !(f->kinds & kind_mask)) {
        diag_add(ctx->d, ctx->file, schema_line(m),
                 "'%s' does not belong in a %s step", name, kind_name);
        return NULL;
    }
    int type = config_setting_type(m);
    bool ok = true;
    switch (f->type) {
    case FT_INT:
    case FT_NUMBER:
        ok = check_number(ctx, f, m, name);
        break;
    case FT_STRING:
    case FT_PATH:
        ok = check_text(ctx, f, m, name, false);
        break;
    case FT_TEXTS:
        ok = type == CONFIG_TYPE_ARRAY || type == CONFIG_TYPE_LIST
                 ? check_array(ctx, f, m)
                 : check_text(ctx, f, m, name, false);
        break;
    case FT_STRINGS:
    case FT_NUMBERS:
    case FT_GROUPS:
        ok = check_array(ctx, f, m);
        break;
    case FT_TIME:
        ok = check_time(ctx, f, m, name);
        break;
    case FT_GROUP:
    case FT_BOOL:
        ok = type ==
             (f->type == FT_GROUP ? CONFIG_TYPE_GROUP : CONFIG_TYPE_BOOL);
        if (!ok)
            diag_add(ctx->d, ctx->file, schema_line(m),
                     "%s: expected %s, got %s", name, expect_word(f->type),
                     type_word(type));
        break;
    }
    return ok ? f : NULL;
}

bool schema_check(const struct check_ctx *ctx, const config_setting_t *g,
                  const struct schema *s, unsigned kind_mask,
                  const char *kind_name)
{
    bool ok = true;
    int n = config_setting_length(g);
    for (int i = 0; i < n; i++) {
        const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
        if (!schema_check_member(ctx, m, s, kind_mask, kind_name))
            ok = false;
    }
    for (size_t i = 0; i < s->count; i++) {
        const struct field *f = &s->fields[i];
        if ((f->flags & FIELD_REQUIRED) &&
            !config_setting_get_member(g, f->name)) {
            diag_add(ctx->d, ctx->file, schema_line(g), "%s has no '%s'",
                     s->what, f->name);
            ok = false;
        }
    }
    return ok;
}

double schema_number(const config_setting_t *g, const struct schema *s,
                     const char *name)
{
    const struct field *f = schema_field(s, name);
    const config_setting_t *m = config_setting_get_member(g, name);
    double v;
    if (m && schema_as_number(m, &v) && isfinite(v))
        return v;
    return f ? f->def : 0.0;
}

const char *schema_string(const config_setting_t *g, const char *name)
{
    const config_setting_t *m = config_setting_get_member(g, name);
    if (!m || config_setting_type(m) != CONFIG_TYPE_STRING)
        return NULL;
    return config_setting_get_string(m);
}

bool schema_time(const config_setting_t *g, const char *name, double *out)
{
    const config_setting_t *m = config_setting_get_member(g, name);
    char why[96];
    if (!m)
        return false;
    if (config_setting_type(m) == CONFIG_TYPE_STRING)
        return pace_parse_time(config_setting_get_string(m), out, why,
                               sizeof(why));
    return schema_as_number(m, out) && isfinite(*out);
}

static void write_table(FILE *out, const struct schema *s, const char *title)
{
    fprintf(out,
            "\n### %s\n\n| setting | type | range | default | meaning |\n"
            "|---|---|---|---|---|\n",
            title);
    for (size_t i = 0; i < s->count; i++) {
        const struct field *f = &s->fields[i];
        char range[64] = "", def[32] = "";
        switch (f->type) {
        case FT_TIME:
            snprintf(range, sizeof(range), "0:00..4:00:00");
            break;
        case FT_INT:
        case FT_NUMBER:
            snprintf(range, sizeof(range), "%s%.6g..%.6g",
                     (f->flags & FIELD_ZERO_OFF) ? "0 or " : "", f->min,
                     f->max);
            if (!(f->flags & FIELD_NO_DEFAULT))
                snprintf(def, sizeof(def), "%.6g", f->def);
            break;
        case FT_STRING:
        case FT_PATH:
        case FT_STRINGS:
        case FT_TEXTS:
            snprintf(range, sizeof(range), "up to %.0f characters%s", f->max,
                     f->type == FT_TEXTS ? " each" : "");
            break;
        case FT_NUMBERS:
            snprintf(range, sizeof(range), "%.6g..%.6g each", f->min, f->max);
            break;
        default:
            break;
        }
        if (f->max_count)
            snprintf(range + strlen(range), sizeof(range) - strlen(range),
                     "%s%s%d items", range[0] ? "; " : "",
                     f->min_count == f->max_count ? "" : "at most ",
                     f->max_count);
        if (f->flags & FIELD_REQUIRED)
            snprintf(def, sizeof(def), "required");
        else if (!def[0])
            snprintf(def, sizeof(def), "none");
        fprintf(out, "| `%s` | %s | %s | %s | %s |\n", f->name,
                expect_word(f->type), range[0] ? range : "-", def, f->doc);
    }
}

void schema_write_reference(FILE *out)
{
    fprintf(out, "<!-- Generated by `stillpoint --format-reference` from the "
                 "loader's tables; do not edit by hand. -->\n");
    write_table(out, &SCHEMA_TOP, "Top level");
    write_table(out, &SCHEMA_SESSION, "A session (an entry of `sessions`)");
    write_table(out, &SCHEMA_STEP, "A step (an entry of `steps`)");
    write_table(out, &SCHEMA_SOUNDS, "`sounds` (in a session)");
    write_table(out, &SCHEMA_PROFILE, "A safety profile (`safety.TYPE`)");
    write_table(out, &SCHEMA_BEFORE, "`before` (in a safety profile)");
    write_table(out, &SCHEMA_DURING, "`during` (in a safety profile)");
    write_table(out, &SCHEMA_AFTER, "`after` (in a safety profile)");
}
