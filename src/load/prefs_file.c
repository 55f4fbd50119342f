/* prefs_file.c: reads and writes the preferences file, and writes its
 * table in the manual: the libconfig side of the preferences table
 * (core/prefs.h), which drives the checks (through schema.c), where each
 * value goes in struct prefs, and the file as it is written, one
 * commented line each. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "prefs_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/fsutil.h"
#include "../core/session.h"
#include "cfgfile.h"
#include "schema.h"

#define KIND "preferences files" /* in the size-limit message */

/* The file's settings as schema.c checks them: version, then one for each
 * row of the preferences table, with the comment its line has in the
 * written file. An enum's name is 1 to 16 bytes, a region list up to
 * 400. */
struct settings {
    struct field fields[PREFS_MAX_SETTINGS];
    struct schema schema;
};

static void settings_init(struct settings *s)
{
    size_t n = 0;
    s->fields[n++] = (struct field){.name = "version",
                                    .type = FT_INT,
                                    .min = PREFS_FORMAT_VERSION,
                                    .max = PREFS_FORMAT_VERSION,
                                    .doc = "format of this file; stillpoint "
                                           "writes 1"};
    for (size_t i = 0; i < PREFS_ROWS && n < PREFS_MAX_SETTINGS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        struct field f = {.name = r->key, .doc = r->comment};
        switch (r->type) {
        case PREFS_BOOL:
            f.type = FT_BOOL;
            break;
        case PREFS_FLOAT:
        case PREFS_DOUBLE:
            f.type = FT_NUMBER;
            f.min = r->min;
            f.max = r->max;
            break;
        case PREFS_ENUM:
            f.type = FT_STRING;
            f.min = 1;
            f.max = 16;
            break;
        case PREFS_REGION_SET:
            f.type = FT_STRING;
            f.max = 400;
            break;
        }
        s->fields[n++] = f;
    }
    s->schema = (struct schema){"the preferences file", s->fields, n};
}

/* The row of a setting in s, or NULL for the version. */
static const struct prefs_row *row_of(const struct settings *s,
                                      const struct field *f)
{
    return f > s->fields ? &PREFS_TABLE[f - s->fields - 1] : NULL;
}

bool prefs_path(char *buf, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int w = -1;
    if (xdg && xdg[0] == '/')
        w = snprintf(buf, n, "%s/stillpoint/stillpoint.cfg", xdg);
    else if (home && home[0] == '/')
        w = snprintf(buf, n, "%s/.config/stillpoint/stillpoint.cfg", home);
    if (w >= 0 && (size_t)w < n)
        return true;
    if (n > 0)
        buf[0] = '\0';
    return false;
}

/* ---- reading ---------------------------------------------------------- */

/* Puts one setting already checked by the schema into out; a text naming
 * no known style or region is reported and leaves out as it was. */
static void apply(const struct check_ctx *ctx, const config_setting_t *m,
                  const struct prefs_row *r, struct prefs *out)
{
    double v = 0;
    char why[DIAG_MSG];
    switch (r->type) {
    case PREFS_BOOL:
        prefs_set(r, out, config_setting_get_bool(m) != 0);
        break;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        if (schema_as_number(m, &v))
            prefs_set(r, out, v);
        break;
    case PREFS_ENUM:
    case PREFS_REGION_SET:
        if (!prefs_parse_text(r, out, config_setting_get_string(m), why,
                              sizeof(why)))
            diag_add(ctx->d, ctx->file, schema_line(m), "%s: %s",
                     config_setting_name(m), why);
        break;
    }
}

static bool only_space(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]))
            return false;
    return true;
}

int prefs_load_text(const char *name, const char *text, size_t len,
                    struct prefs *out, struct diag_list *d)
{
    prefs_defaults(out);
    size_t before = diag_total(d);
    /* An empty file sets nothing (the prescan would call it broken). */
    if (only_space(text, len))
        return 0;
    struct check_ctx ctx = {.file = name, .d = d};
    struct settings set;
    settings_init(&set);
    config_t cfg;
    config_init(&cfg);
    /* A syntax error stops libconfig at once: then nothing is known and
     * the defaults stand. */
    if (cfgfile_parse(&cfg, name, text, len, PREFS_MAX_FILE_BYTES, KIND, d)) {
        const config_setting_t *root = config_root_setting(&cfg);
        const config_setting_t *v = config_setting_get_member(root, "version");
        if (v)
            cfgfile_check_version(&ctx, v, PREFS_FORMAT_VERSION);
        /* Every valid setting is kept even when others are wrong, or the
         * version is newer: one typo must not cost a person the rest of
         * their choices (a gentle mode chosen for their health, a region
         * they leave out), and each problem is still reported. */
        int n = config_setting_length(root);
        for (int i = 0; i < n; i++) {
            const config_setting_t *m =
                config_setting_get_elem(root, (unsigned)i);
            if (m == v)
                continue;
            const struct field *f =
                schema_check_member(&ctx, m, &set.schema, 0, NULL);
            if (f && row_of(&set, f))
                apply(&ctx, m, row_of(&set, f), out);
        }
    }
    config_destroy(&cfg);
    return diag_total(d) > before ? -1 : 0;
}

int prefs_load(const char *path, struct prefs *out, struct diag_list *d)
{
    prefs_defaults(out);
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return 0; /* never saved: the defaults */
    size_t len = 0;
    char *text = cfgfile_read(path, PREFS_MAX_FILE_BYTES, KIND, &len, NULL, d);
    if (!text)
        return -1;
    int rc = prefs_load_text(path, text, len, out, d);
    free(text);
    return rc;
}

/* ---- the manual ------------------------------------------------------- */

/* The range and default cells of row r's line in the manual's table. */
static void reference_cells(const struct prefs_row *r, char *range, size_t rn,
                            char *def, size_t dn)
{
    struct prefs p;
    prefs_defaults(&p);
    double v = prefs_get(r, &p);
    char text[PREFS_REGIONS_TEXT];
    prefs_format_text(r, &p, text, sizeof(text));
    switch (r->type) {
    case PREFS_BOOL:
        snprintf(range, rn, "-");
        snprintf(def, dn, "%s", v != 0 ? "true" : "false");
        break;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        snprintf(range, rn, "%g..%g", r->min, r->max);
        snprintf(def, dn, "%g", v);
        break;
    case PREFS_ENUM:
        range[0] = '\0';
        for (size_t i = 0, len = 0; r->names[i] && len < rn; i++)
            len += (size_t)snprintf(range + len, rn - len, "%s`\"%s\"`",
                                    i == 0            ? ""
                                    : r->names[i + 1] ? ", "
                                                      : " or ",
                                    r->names[i]);
        snprintf(def, dn, "`\"%s\"`", text);
        break;
    case PREFS_REGION_SET:
        snprintf(range, rn, "region names, commas between");
        snprintf(def, dn, "`\"%s\"`%s", text, text[0] ? "" : " (none)");
        break;
    }
}

void prefs_write_reference(FILE *out)
{
    fprintf(out,
            "<!-- Generated by `stillpoint --prefs-reference` from the "
            "preferences table; do not edit by hand. -->\n\n"
            "| setting | type | range | default | meaning |\n"
            "|---|---|---|---|---|\n"
            "| `version` | %s | %d | %d | Format version of the file. "
            "Optional; stillpoint writes it. |\n",
            schema_expect_word(FT_INT), PREFS_FORMAT_VERSION,
            PREFS_FORMAT_VERSION);
    struct settings set;
    settings_init(&set);
    for (size_t i = 1; i < set.schema.count; i++) {
        const struct prefs_row *r = row_of(&set, &set.fields[i]);
        char range[256], def[PREFS_REGIONS_TEXT + 16];
        reference_cells(r, range, sizeof(range), def, sizeof(def));
        fprintf(out, "| `%s` | %s | %s | %s | %s", r->key,
                schema_expect_word(set.fields[i].type), range, def, r->doc);
        /* A region set names the regions. */
        for (size_t k = 0;
             r->type == PREFS_REGION_SET && k < SESSION_REGION_COUNT; k++)
            fprintf(out, "%s%s",
                    k ? ", " : " The regions: ", SESSION_REGIONS[k]);
        fprintf(out, "%s |\n", r->type == PREFS_REGION_SET ? "." : "");
    }
}

/* ---- writing ---------------------------------------------------------- */

/* The shortest decimal with a point ("10.0", "0.8") that reads back as
 * exactly v (as a float when single), so libconfig reads a float. The
 * program never changes LC_NUMERIC, so the point is a '.'. */
static void format_number(char *buf, size_t n, double v, bool single)
{
    for (int decimals = 1; decimals <= 60; decimals++) {
        snprintf(buf, n, "%.*f", decimals, v);
        double back = strtod(buf, NULL);
        if (single ? (float)back == (float)v : back == v)
            return;
    }
    snprintf(buf, n, "%.17g", v); /* nan, inf, or tinier than 1e-60 */
}

/* Writes the setting of row r (NULL: the version) of p as it appears in
 * the file. Returns false with err filled when the value is out of its
 * range. */
static bool value_text(const struct prefs_row *r, const struct prefs *p,
                       char *buf, size_t n, char *err, size_t errlen)
{
    char text[PREFS_REGIONS_TEXT];
    if (!r) {
        snprintf(buf, n, "%d", PREFS_FORMAT_VERSION);
        return true;
    }
    if (!prefs_check(r, p, err, errlen))
        return false;
    double v = prefs_get(r, p);
    switch (r->type) {
    case PREFS_BOOL:
        snprintf(buf, n, "%s", v != 0 ? "true" : "false");
        break;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        format_number(buf, n, v, r->type == PREFS_FLOAT);
        break;
    case PREFS_ENUM:
    case PREFS_REGION_SET:
        prefs_format_text(r, p, text, sizeof(text));
        snprintf(buf, n, "\"%s\"", text);
        break;
    }
    return true;
}

/* The whole file as text. Returns its length, or 0 with err filled. */
static size_t format_file(const struct prefs *p, char *out, size_t n, char *err,
                          size_t errlen)
{
    struct settings set;
    settings_init(&set);
    size_t len = (size_t)snprintf(
        out, n,
        "# stillpoint preferences. stillpoint rewrites this file when a\n"
        "# setting changes in its window; you may edit it by hand too.\n"
        "# A setting left out takes its default.\n");
    for (size_t i = 0; i < set.schema.count && len < n; i++) {
        const struct field *f = &set.fields[i];
        char value[PREFS_REGIONS_TEXT + 8], line[PREFS_REGIONS_TEXT + 48];
        if (!value_text(row_of(&set, f), p, value, sizeof(value), err, errlen))
            return 0;
        snprintf(line, sizeof(line), "%s = %s;", f->name, value);
        len +=
            (size_t)snprintf(out + len, n - len, "%-26s # %s\n", line, f->doc);
    }
    if (len >= n) {
        snprintf(err, errlen, "the preferences do not fit in %zu bytes", n);
        return 0;
    }
    return len;
}

/* Creates the missing folders above file (0700), as mkdir -p. */
static bool make_parents(const char *file, char *err, size_t errlen)
{
    char dir[PATH_MAX];
    if (fsutil_make_parents(file, dir, sizeof(dir)))
        return true;
    if (!dir[0])
        snprintf(err, errlen, "the path is too long");
    else
        snprintf(err, errlen, "cannot create folder %s: %s", dir,
                 strerror(errno));
    return false;
}

static bool write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return false;
        }
        buf += w;
        len -= (size_t)w;
    }
    return true;
}

/* Writes text to a new file next to target and renames it over target.
 * Returns false with why filled; the temporary file is then gone. */
static bool replace_file(const char *target, const char *text, size_t len,
                         char *why, size_t whylen)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    const char *slash = strrchr(target, '/');
    int dirlen = !slash ? 1 : slash == target ? 1 : (int)(slash - target);
    snprintf(dir, sizeof(dir), "%.*s", dirlen, slash ? target : ".");
    int fd = fsutil_create_temp(target, 0600, tmp, sizeof(tmp));
    if (fd < 0 && errno == ENAMETOOLONG) {
        snprintf(why, whylen, "the path is too long");
        return false;
    }
    if (fd < 0) {
        snprintf(why, whylen, "cannot create a file in %s: %s", dir,
                 strerror(errno));
        return false;
    }
    const char *step = "writing";
    /* 0600 whatever the umask: on the descriptor, never by name. */
    bool ok = fchmod(fd, 0600) == 0 && write_all(fd, text, len);
    if (ok) {
        step = "syncing";
        ok = fsync(fd) == 0;
    }
    int saved = errno;
    /* close() can be the first to report a full disk (NFS, quotas). */
    if (close(fd) != 0 && ok) {
        step = "closing";
        saved = errno;
        ok = false;
    }
    /* rename() replaces whatever is at target, a link planted since the
     * check included, and never writes where a link leads. */
    if (ok && rename(tmp, target) != 0) {
        step = "renaming";
        saved = errno;
        ok = false;
    }
    if (!ok) {
        snprintf(why, whylen, "%s %s: %s", step, tmp, strerror(saved));
        unlink(tmp);
        return false;
    }
    fsutil_sync_folder(dir); /* makes the rename durable */
    return true;
}

int prefs_save(const char *path, const struct prefs *p, char *err,
               size_t errlen)
{
    char text[4096], why[PATH_MAX + 128];
    size_t len = format_file(p, text, sizeof(text), why, sizeof(why));
    if (len == 0) {
        snprintf(err, errlen, "%s: not saved: %s", path, why);
        return -1;
    }
    /* A link where the file goes (planted, or a dotfiles folder) is
     * refused: nothing is written where it leads. */
    if (fsutil_is_link(path)) {
        snprintf(err, errlen, "%s: " FSUTIL_LINK_REFUSED, path);
        return -1;
    }
    if (!make_parents(path, why, sizeof(why)) ||
        !replace_file(path, text, len, why, sizeof(why))) {
        snprintf(err, errlen, "%s: cannot save: %s", path, why);
        return -1;
    }
    return 0;
}
