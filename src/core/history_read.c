/* history_read.c: reading the history (see history.h): a bounded line
 * reader and a strict RFC 4180 field splitter; anything that does not
 * parse is counted as damaged and skipped, and rows for the same session
 * run are merged. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history_fields.h"
#include "utf8.h"

enum { N_FIELDS = 7, READ_CHUNK = 65536 };

struct line_reader {
    int fd;
    char *buf; /* READ_CHUNK bytes */
    size_t pos, end;
    bool eof;
    bool cut; /* the line last returned had no '\n': the file ends in it */
};

/* The next line into line (HISTORY_LINE_MAX + 1 bytes; not terminated),
 * without its '\n'. *len is the number of bytes stored, *total the line's
 * real length (more than stored when it is too long). Returns 1, 0 at the
 * end of the file, or -1 on a read error (errno set). */
static int next_line(struct line_reader *r, char *line, size_t *len,
                     size_t *total)
{
    const size_t cap = HISTORY_LINE_MAX + 1;
    bool any = false;
    *len = 0;
    *total = 0;
    for (;;) {
        if (r->pos == r->end) {
            if (r->eof) {
                r->cut = any;
                return any ? 1 : 0;
            }
            ssize_t n = read(r->fd, r->buf, READ_CHUNK);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return -1;
            r->eof = n == 0;
            r->pos = 0;
            r->end = (size_t)n;
            continue;
        }
        any = true;
        const char *start = r->buf + r->pos;
        size_t avail = r->end - r->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        size_t copy = take < cap - *len ? take : cap - *len;
        memcpy(line + *len, start, copy);
        *len += copy;
        *total += take;
        r->pos += take + (nl ? 1 : 0);
        if (nl)
            return 1;
    }
}

/* Splits a CSV line in place into exactly N_FIELDS fields, undoing RFC
 * 4180 quoting (each decoded field is f[i], flen[i] bytes, unterminated).
 * Returns NULL, or what is wrong: the wrong number of fields, an
 * unterminated quote, text after a closing quote, or a quote inside an
 * unquoted field. */
static const char *split_fields(char *line, size_t len, char *f[],
                                size_t flen[])
{
    size_t n = 0, i = 0, out = 0;
    for (;;) {
        if (n == N_FIELDS)
            return "more than 7 fields";
        size_t begin = out;
        f[n] = line + out;
        if (i < len && line[i] == '"') {
            for (i++;; i++) {
                if (i == len)
                    return "a quote that is never closed";
                if (line[i] == '"') {
                    if (i + 1 < len && line[i + 1] == '"')
                        i++;
                    else
                        break;
                }
                line[out++] = line[i];
            }
            i++; /* the closing quote */
            if (i < len && line[i] != ',')
                return "text after a closing quote";
        } else {
            for (; i < len && line[i] != ','; i++) {
                if (line[i] == '"')
                    return "a quote inside an unquoted field";
                line[out++] = line[i];
            }
        }
        flen[n++] = out - begin;
        if (i == len)
            return n == N_FIELDS ? NULL : "fewer than 7 fields";
        i++; /* the comma */
    }
}

/* Takes away the apostrophe put_field() puts in front of a field a
 * spreadsheet would run (one, and only in front of such a field). */
static void strip_apostrophe(char **s, size_t *len)
{
    if (*len > 0 && (*s)[0] == '\'' &&
        history_needs_apostrophe(*s + 1, *len - 1)) {
        (*s)++;
        (*len)--;
    }
}

/* Copies a field into dst (cap bytes) as text a terminal or a window
 * can show and never obeys: control characters (C0 and C1) and bidi
 * overrides, embeddings and isolates become spaces, a byte that is not
 * UTF-8 a '?'. Never longer than the field. */
static bool take_text(char *dst, size_t cap, const char *s, size_t len)
{
    if (len >= cap)
        return false;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            dst[i++] = '?';
        } else if (utf8_forbidden(cp)) {
            memset(dst + i, ' ', n);
            i += n;
        } else {
            memcpy(dst + i, s + i, n);
            i += n;
        }
    }
    dst[len] = '\0';
    return true;
}

/* Fills row from a line; returns NULL, or what is wrong with the line. */
static const char *parse_row(char *line, size_t len, struct history_row *row)
{
    char *f[N_FIELDS];
    size_t n[N_FIELDS];
    char outcome[16];
    if (memchr(line, '\0', len))
        return "a NUL byte";
    const char *why = split_fields(line, len, f, n);
    if (why)
        return why;
    if (!history_valid_stamp(f[0], n[0]) ||
        !take_text(row->started, sizeof row->started, f[0], n[0]))
        return "started: not a time like 2026-11-23T09:01:47+01:00";
    /* The text fields, as history_format_row() made them safe. */
    strip_apostrophe(&f[1], &n[1]); /* session */
    strip_apostrophe(&f[2], &n[2]); /* type */
    strip_apostrophe(&f[6], &n[6]); /* detail */
    if (!take_text(row->session, sizeof row->session, f[1], n[1]))
        return "session: longer than 63 bytes";
    if (!take_text(row->type, sizeof row->type, f[2], n[2]))
        return "type: longer than 63 bytes";
    if (!history_parse_seconds(f[3], n[3], &row->planned_s))
        return "planned_s: not seconds like 600.0";
    if (!history_parse_seconds(f[4], n[4], &row->elapsed_s))
        return "elapsed_s: not seconds like 600.0";
    if (!take_text(outcome, sizeof outcome, f[5], n[5]) ||
        !history_outcome_parse(outcome, &row->outcome))
        return "outcome: not completed, stopped, discomfort, blocked or "
               "interrupted";
    if (!take_text(row->detail, sizeof row->detail, f[6], n[6]))
        return "detail: longer than 255 bytes";
    return NULL;
}

/* Counts a damaged line and describes it while there is room; a line the
 * file ends in without a newline was most likely cut short by a crash. */
static void damaged(struct history *h, size_t line, const char *why, bool cut)
{
    h->damaged++;
    if (h->n_notes == HISTORY_NOTES_MAX)
        return;
    struct history_note *n = &h->notes[h->n_notes++];
    n->line = line;
    snprintf(n->what, sizeof n->what, "%s%s", why,
             cut ? " (the last line, cut short: no newline at its end)" : "");
}

static uint64_t key_hash(const struct history_row *r)
{
    uint64_t h = UINT64_C(14695981039346656037); /* FNV-1a */
    for (const char *s = r->started; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    h = (h ^ 0xff) * UINT64_C(1099511628211); /* separates the two strings */
    for (const char *s = r->session; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

static bool same_key(const struct history_row *a, const struct history_row *b)
{
    return strcmp(a->started, b->started) == 0 &&
           strcmp(a->session, b->session) == 0;
}

/* Merges rows in place: the last row for a (started, session) pair
 * replaces the first, in the first's position. False when out of memory. */
static bool merge_rows(struct history *h)
{
    if (h->count < 2)
        return true;
    size_t cap = 1;
    while (cap < 2 * h->count)
        cap <<= 1;
    size_t *slots = calloc(cap, sizeof *slots); /* row index + 1; 0: free */
    if (!slots)
        return false;
    size_t out = 0;
    for (size_t i = 0; i < h->count; i++) {
        size_t s = (size_t)key_hash(&h->rows[i]) & (cap - 1);
        for (;; s = (s + 1) & (cap - 1)) {
            if (slots[s] == 0) {
                if (out != i)
                    h->rows[out] = h->rows[i];
                slots[s] = ++out;
                break;
            }
            struct history_row *first = &h->rows[slots[s] - 1];
            if (same_key(first, &h->rows[i])) {
                *first = h->rows[i];
                break;
            }
        }
    }
    free(slots);
    h->count = out;
    return true;
}

/* Reads the rows after the header; 0, or -1 with err. */
static int read_rows(const char *path, struct line_reader *r, char *line,
                     struct history *h, char *err, size_t errlen)
{
    size_t cap = 0, lines = 0, len, total;
    int got;
    while ((got = next_line(r, line, &len, &total)) == 1) {
        if (lines == HISTORY_ROWS_MAX) {
            h->truncated = true;
            snprintf(err, errlen,
                     "%s: more than %d rows; only the first %d were read", path,
                     HISTORY_ROWS_MAX, HISTORY_ROWS_MAX);
            return 0;
        }
        lines++; /* the file's line number is lines + 1: the header */
        if (total > HISTORY_LINE_MAX) {
            damaged(h, lines + 1, "longer than 4096 bytes", r->cut);
            continue;
        }
        if (len > 0 && line[len - 1] == '\r')
            len--;
        /* Blank lines, and the header written again by a second program
         * that found the file empty at the same moment, carry no row. */
        if (len == 0 || (len == strlen(HISTORY_HEADER) &&
                         memcmp(line, HISTORY_HEADER, len) == 0))
            continue;
        if (h->count == cap) {
            size_t ncap = cap ? 2 * cap : 64;
            struct history_row *n = realloc(h->rows, ncap * sizeof *n);
            if (!n) {
                snprintf(err, errlen, "%s: out of memory", path);
                return -1;
            }
            h->rows = n;
            cap = ncap;
        }
        struct history_row *row = &h->rows[h->count];
        memset(row, 0, sizeof *row);
        const char *why = parse_row(line, len, row);
        if (!why)
            h->count++;
        else
            damaged(h, lines + 1, why, r->cut);
    }
    if (got < 0) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int history_read(const char *path, struct history *out, char *err,
                 size_t errlen)
{
    *out = (struct history){0};
    if (errlen > 0)
        err[0] = '\0';
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && errno == ENOENT)
        return 0;
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (!history_regular_or_close(fd, &st, path, err, errlen))
        return -1;
    struct line_reader r = {.fd = fd, .buf = malloc(READ_CHUNK)};
    char *line = malloc(HISTORY_LINE_MAX + 1);
    int rc = -1;
    size_t len, total;
    int got;
    if (!r.buf || !line) {
        snprintf(err, errlen, "%s: out of memory", path);
    } else if ((got = next_line(&r, line, &len, &total)) < 0) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    } else if (got == 0) {
        rc = 0; /* an empty file: the next append writes the header */
    } else {
        if (len > 0 && line[len - 1] == '\r')
            len--;
        /* A first line longer than the buffer is cut to HISTORY_LINE_MAX
         * + 1 bytes, longer than the header: not one. A first write cut
         * short inside the header: the next append put its row on a line
         * of its own, so read on. */
        enum history_first_line kind = history_first_line_kind(line, len);
        if (kind == HISTORY_FIRST_OTHER) {
            snprintf(err, errlen,
                     "%s: not a stillpoint history (the first line is not "
                     "\"%s\")",
                     path, HISTORY_HEADER);
        } else {
            if (kind == HISTORY_FIRST_CUT_HEADER)
                damaged(out, 1, "the header, cut short", false);
            rc = read_rows(path, &r, line, out, err, errlen);
        }
    }
    free(line);
    free(r.buf);
    close(fd);
    if (rc == 0 && !merge_rows(out)) {
        snprintf(err, errlen, "%s: out of memory", path);
        rc = -1;
    }
    if (rc != 0)
        history_free(out);
    return rc;
}

void history_free(struct history *h)
{
    free(h->rows);
    *h = (struct history){0};
}
