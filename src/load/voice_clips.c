/* voice_clips.c: reads assets/voice/manifest.tsv and answers which clip
 * speaks a line. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "voice_clips.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/voice_text.h"
#include "cfgfile.h"

struct voice_clips {
    struct arena *arena;
    struct voice_clip *clips; /* sorted by hash */
    size_t count;
};

enum { N_FIELDS = 4 };

static struct voice_clips *empty_set(void)
{
    struct voice_clips *vc = calloc(1, sizeof(*vc));
    if (vc && !(vc->arena = arena_new())) {
        free(vc);
        vc = NULL;
    }
    return vc;
}

void voice_clips_free(struct voice_clips *vc)
{
    if (!vc)
        return;
    arena_free(vc->arena);
    free(vc->clips);
    free(vc);
}

size_t voice_clips_count(const struct voice_clips *vc)
{
    return vc ? vc->count : 0;
}

static int cmp_hash(const void *a, const void *b)
{
    uint64_t x = ((const struct voice_clip *)a)->hash;
    uint64_t y = ((const struct voice_clip *)b)->hash;
    return x < y ? -1 : x > y;
}

const struct voice_clip *voice_clips_find(const struct voice_clips *vc,
                                          const char *text)
{
    if (!vc || !text || vc->count == 0)
        return NULL;
    struct voice_clip key = {.hash = voice_text_hash(text)};
    const struct voice_clip *c =
        bsearch(&key, vc->clips, vc->count, sizeof(key), cmp_hash);
    return c && strcmp(c->text, text) == 0 ? c : NULL;
}

/* ---- one row ------------------------------------------------------------ */

struct row_ctx {
    const char *name, *dir;
    int line;
    struct diag_list *d;
    struct voice_clips *vc;
};

#define BAD(r, ...) diag_add((r)->d, (r)->name, (r)->line, __VA_ARGS__)

static bool parse_hash(const char *s, uint64_t *out)
{
    if (strlen(s) != VOICE_HASH_HEX - 1)
        return false;
    uint64_t h = 0;
    for (const char *p = s; *p; p++) {
        int v = *p >= '0' && *p <= '9'   ? *p - '0'
                : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                                         : -1;
        if (v < 0)
            return false;
        h = h << 4 | (uint64_t)v;
    }
    *out = h;
    return true;
}

/* Checks one row (a NUL-terminated copy, no line break) and adds it.
 * Returns false when the row is bad (reported). */
static bool parse_row(struct row_ctx *r, char *row)
{
    for (const unsigned char *p = (const unsigned char *)row; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {
            BAD(r, "a control character (byte 0x%02x) in the row", *p);
            return false;
        }
    char *field[N_FIELDS];
    int n = 0;
    for (char *p = row;; p++) {
        if (n < N_FIELDS)
            field[n] = p;
        n++;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p = '\0';
    }
    if (n != N_FIELDS) {
        BAD(r,
            "expected 4 fields separated by tabs (hash, file, seconds, "
            "text), got %d",
            n);
        return false;
    }
    struct voice_clip c = {.line = r->line};
    if (!parse_hash(field[0], &c.hash)) {
        BAD(r, "hash: expected 16 lowercase hex digits, got '%.40s'", field[0]);
        return false;
    }
    if (strlen(field[1]) != VOICE_HASH_HEX - 1 + 4 ||
        strncmp(field[1], field[0], VOICE_HASH_HEX - 1) != 0 ||
        strcmp(field[1] + VOICE_HASH_HEX - 1, ".ogg") != 0) {
        BAD(r, "file: expected '%s.ogg' (the hash and .ogg), got '%.40s'",
            field[0], field[1]);
        return false;
    }
    char *end = NULL;
    errno = 0;
    c.seconds = strtod(field[2], &end);
    if (end == field[2] || *end || errno || !isfinite(c.seconds) ||
        c.seconds < VOICE_CLIPS_MIN_SECONDS ||
        c.seconds > VOICE_CLIPS_MAX_SECONDS) {
        BAD(r, "seconds: expected %g..%g, got '%.40s'", VOICE_CLIPS_MIN_SECONDS,
            VOICE_CLIPS_MAX_SECONDS, field[2]);
        return false;
    }
    if (!field[3][0]) {
        BAD(r, "text: the spoken line is empty");
        return false;
    }
    if (voice_text_hash(field[3]) != c.hash) {
        char hex[VOICE_HASH_HEX];
        BAD(r,
            "the hash does not match the text (the text's hash is %s); "
            "run scripts/make-voice",
            voice_text_hash_hex(field[3], hex));
        return false;
    }
    for (size_t i = 0; i < r->vc->count; i++)
        if (r->vc->clips[i].hash == c.hash) {
            BAD(r, "clip %s is listed twice (first at line %d)", field[0],
                r->vc->clips[i].line);
            return false;
        }
    size_t plen = strlen(r->dir) + 1 + strlen(field[1]) + 1;
    char *path = arena_alloc(r->vc->arena, plen);
    c.text = arena_strdup(r->vc->arena, field[3]);
    c.file = arena_strdup(r->vc->arena, field[1]);
    if (!path || !c.text || !c.file) {
        BAD(r, "out of memory");
        return false;
    }
    snprintf(path, plen, "%s/%s", r->dir, field[1]);
    c.path = path;
    r->vc->clips[r->vc->count++] = c;
    return true;
}

/* ---- the whole manifest ------------------------------------------------- */

struct voice_clips *voice_clips_parse(const char *name, const char *dir,
                                      const char *text, size_t len,
                                      struct diag_list *d)
{
    if (len > VOICE_CLIPS_MAX_BYTES) {
        diag_add(d, name, 0, "the manifest is larger than %d KB",
                 VOICE_CLIPS_MAX_BYTES >> 10);
        return NULL;
    }
    if (memchr(text, '\0', len)) {
        diag_add(d, name, 0, "not a text file (a zero byte)");
        return NULL;
    }
    struct voice_clips *vc = empty_set();
    char *row = malloc(VOICE_CLIPS_MAX_LINE + 1);
    size_t rows = 1;
    for (size_t i = 0; i < len; i++)
        rows += text[i] == '\n';
    if (rows > VOICE_CLIPS_MAX_ROWS)
        rows = VOICE_CLIPS_MAX_ROWS;
    if (vc && row)
        vc->clips = calloc(rows, sizeof(*vc->clips));
    if (!vc || !row || !vc->clips) {
        diag_add(d, name, 0, "out of memory");
        free(row);
        voice_clips_free(vc);
        return NULL;
    }
    struct row_ctx r = {.name = name, .dir = dir, .d = d, .vc = vc};
    bool ok = true;
    const char *p = text, *end = text + len;
    while (p < end) {
        r.line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *next = nl ? nl + 1 : end;
        if (n > VOICE_CLIPS_MAX_LINE) {
            BAD(&r, "the line is longer than %d bytes", VOICE_CLIPS_MAX_LINE);
            ok = false;
        } else if (n > 0 && p[0] != '#') {
            if (vc->count == VOICE_CLIPS_MAX_ROWS) {
                BAD(&r, "more than %d clips", VOICE_CLIPS_MAX_ROWS);
                ok = false;
                break;
            }
            memcpy(row, p, n);
            row[n] = '\0';
            ok = parse_row(&r, row) && ok;
        }
        p = next;
    }
    free(row);
    if (!ok) {
        voice_clips_free(vc);
        return NULL;
    }
    qsort(vc->clips, vc->count, sizeof(*vc->clips), cmp_hash);
    return vc;
}

struct voice_clips *voice_clips_load(const char *assets, struct diag_list *d)
{
    char dir[4096], path[4096 + 16];
    if (snprintf(dir, sizeof(dir), "%s/voice", assets) >= (int)sizeof(dir)) {
        diag_add(d, assets, 0, "the assets folder's path is too long");
        return NULL;
    }
    snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
    size_t len = 0;
    bool missing;
    char *text = cfgfile_read(path, VOICE_CLIPS_MAX_BYTES, "voice manifests",
                              &len, &missing, d);
    if (!text) {
        if (!missing)
            return NULL;
        struct voice_clips *vc = empty_set();
        if (!vc)
            diag_add(d, path, 0, "out of memory");
        return vc;
    }
    struct voice_clips *vc = voice_clips_parse(path, dir, text, len, d);
    free(text);
    return vc;
}
