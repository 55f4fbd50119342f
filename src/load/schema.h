/* schema.h: one table per kind of group in a session file (name, type,
 * range, default). The same tables drive the loader's checks, the
 * unknown-key check with its nearest-key hint, the range messages and the
 * format reference printed by `stillpoint --format-reference`. */
#ifndef STILLPOINT_SCHEMA_H
#define STILLPOINT_SCHEMA_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/diag.h"

enum field_type {
    FT_INT,     /* a whole number */
    FT_NUMBER,  /* a number, written 8 or 8.0 */
    FT_STRING,  /* text; min..max is its length in bytes */
    FT_PATH,    /* a sound file name; checked by paths.c */
    FT_STRINGS, /* an array or list of texts; max is each one's length */
    FT_TEXTS,   /* one text, or an array or list of them (as FT_STRINGS) */
    FT_NUMBERS, /* an array of numbers; min..max is each one's range */
    FT_GROUP,
    FT_GROUPS, /* a list of groups */
    FT_BOOL,   /* true or false */
    FT_TIME,   /* a time mark: "M:SS", "H:MM:SS" (decimals allowed) or a
                  number of seconds; min..max in seconds */
};

enum {
    FIELD_REQUIRED = 1u << 0,
    FIELD_ZERO_OFF = 1u << 1,   /* 0 means off; otherwise min..max */
    FIELD_NO_DEFAULT = 1u << 2, /* a number that is none unless given */
};

struct field {
    const char *name;
    enum field_type type;
    double min, max;
    double def;
    unsigned flags;
    unsigned kinds;           /* steps only: bit (1 << step_kind) allowed */
    int min_count, max_count; /* arrays and lists */
    const char *doc;
};

struct schema {
    const char *what; /* "a session", "a step"... */
    const struct field *fields;
    size_t count;
};

extern const struct schema SCHEMA_TOP, SCHEMA_PROFILE, SCHEMA_BEFORE,
    SCHEMA_DURING, SCHEMA_AFTER, SCHEMA_SESSION, SCHEMA_SOUNDS, SCHEMA_STEP;

/* Where problems are reported. */
struct check_ctx {
    const char *file;
    struct diag_list *d;
};

/* Checks one member m of a group against s: a known name, its type,
 * range, length or count (for steps, as schema_check). Returns its field,
 * or NULL with the problem added to ctx->d. */
const struct field *schema_check_member(const struct check_ctx *ctx,
                                        const config_setting_t *m,
                                        const struct schema *s,
                                        unsigned kind_mask,
                                        const char *kind_name);

/* Checks every member of group g against s: unknown names (with the
 * nearest known one), types, ranges, lengths, counts and required
 * members. For steps, kind_mask limits the allowed fields (0 = all).
 * Returns false when anything was wrong (each problem added to ctx->d). */
bool schema_check(const struct check_ctx *ctx, const config_setting_t *g,
                  const struct schema *s, unsigned kind_mask,
                  const char *kind_name);

/* A member's value, or the field's default when absent or wrong. */
double schema_number(const config_setting_t *g, const struct schema *s,
                     const char *name);
const char *schema_string(const config_setting_t *g, const char *name);
/* The time mark in member name of g (checked by schema_check); false when
 * it is not there. */
bool schema_time(const config_setting_t *g, const char *name, double *out);
/* Reads any int or float setting as a double. */
bool schema_as_number(const config_setting_t *s, double *out);

int schema_line(const config_setting_t *s);

/* What a setting of type t is, in words: "a whole number", "true or
 * false", "text in quotes"... */
const char *schema_expect_word(enum field_type t);

/* Writes the tables as the Markdown reference in config/README.md. */
void schema_write_reference(FILE *out);

#endif
