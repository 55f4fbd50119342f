/* history_read.c: reading the history (see history.h): a bounded line
 * reader and a strict RFC 4180 field splitter; anything that does not
 * parse is counted as damaged and skipped, and the rows of one session
 * run (its outcome, ratings and note) are merged as they are read. */
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

/* Fields in a row of the history, and of --csv's export. */
enum { N_FIELDS = 7, N_EXPORT_FIELDS = 10, READ_CHUNK = 65536 };
/* A row of the export: every field of the session at once. */
enum { ENTRY_WHOLE = -1 };

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

/* Splits a CSV line in place into exactly want fields, undoing RFC 4180
 * quoting (each decoded field is f[i], flen[i] bytes, unterminated).
 * Returns NULL, or what is wrong: the wrong number of fields, an
 * unterminated quote, text after a closing quote, or a quote inside an
 * unquoted field. */
static const char *split_fields(char *line, size_t len, size_t want, char *f[],
                                size_t flen[])
{
    size_t n = 0, i = 0, out = 0;
    for (;;) {
        if (n == want)
            return want == N_FIELDS ? "more than 7 fields"
                                    : "more than 10 fields";
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
            return n == want          ? NULL
                   : want == N_FIELDS ? "fewer than 7 fields"
                                      : "fewer than 10 fields";
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
 * UTF-8 a '?'; a line break stays when keep_lf (a note's). Never longer
 * than the field. */
static bool take(char *dst, size_t cap, const char *s, size_t len, bool keep_lf)
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
        } else if (utf8_forbidden(cp) && !(keep_lf && cp == '\n')) {
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

static bool take_text(char *dst, size_t cap, const char *s, size_t len)
{
    return take(dst, cap, s, len, false);
}

/* A rating as history_format_entry() writes it: empty (none), or 0..10
 * without leading zeros. */
static bool take_rating(const char *s, size_t len, bool *has, int *rating)
{
    *has = len > 0;
    *rating = 0;
    if (len == 0)
        return true;
    if (len > 2 || (len == 2 && s[0] == '0'))
        return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *rating = *rating * 10 + (s[i] - '0');
    }
    return *rating <= HISTORY_RATING_MAX;
}

/* A note field, its apostrophe already taken away: unescaped in place,
 * then taken as text that keeps its line breaks. */
static bool take_note(char *dst, char *s, size_t len)
{
    len = history_unescape_note(s, len);
    return history_count_chars(s, len) <= HISTORY_NOTE_CHARS &&
           take(dst, HISTORY_NOTE_BYTES, s, len, true);
}

/* The row's entry, as the outcome column (f, n bytes) names it: an
 * outcome, or the word of a rating or a note (only when words). */
static bool take_entry(const char *f, size_t n, bool words,
                       struct history_row *row, int *what)
{
    char word[16];
    if (!take_text(word, sizeof word, f, n))
        return false;
    *what = HISTORY_ENTRY_OUTCOME;
    if (history_outcome_parse(word, &row->outcome))
        return true;
    row->outcome = HISTORY_INTERRUPTED; /* until an outcome row says */
    for (int e = HISTORY_ENTRY_BEFORE; words && e < HISTORY_ENTRIES; e++)
        if (strcmp(word, history_entry_word(e)) == 0) {
            *what = e;
            return true;
        }
    return false;
}

/* The value of a rating or a note row, in the detail field (f, n). */
static const char *take_value(char *f, size_t n, int what,
                              struct history_row *row)
{
    if (what == HISTORY_ENTRY_NOTE)
        return take_note(row->note, f, n) ? NULL
                                          : "note: longer than 500 characters";
    bool ok = what == HISTORY_ENTRY_BEFORE
                  ? take_rating(f, n, &row->has_before, &row->before)
                  : take_rating(f, n, &row->has_after, &row->after);
    return ok ? NULL : "rating: not a number from 0 to 10";
}

/* The three columns of the export after detail: before, after, note. */
static const char *take_export(char *f[], size_t n[], struct history_row *row)
{
    if (!take_rating(f[7], n[7], &row->has_before, &row->before))
        return "before: not a number from 0 to 10";
    if (!take_rating(f[8], n[8], &row->has_after, &row->after))
        return "after: not a number from 0 to 10";
    strip_apostrophe(&f[9], &n[9]);
    if (!take_note(row->note, f[9], n[9]))
        return "note: longer than 500 characters";
    return NULL;
}

/* Fills row from a line of want fields, and *what with the entry it
 * records (ENTRY_WHOLE for a row of the export); returns NULL, or what
 * is wrong with the line. */
static const char *parse_row(char *line, size_t len, size_t want,
                             struct history_row *row, int *what)
{
    char *f[N_EXPORT_FIELDS];
    size_t n[N_EXPORT_FIELDS];
    if (memchr(line, '\0', len))
        return "a NUL byte";
    const char *why = split_fields(line, len, want, f, n);
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
    if (!take_entry(f[5], n[5], want == N_FIELDS, row, what))
        return want == N_FIELDS
                   ? "outcome: not completed, stopped, discomfort, blocked, "
                     "interrupted, rated-before, rated-after or note"
                   : "outcome: not completed, stopped, discomfort, blocked "
                     "or interrupted";
    if (*what != HISTORY_ENTRY_OUTCOME)
        return take_value(f[6], n[6], *what, row);
    if (!take_text(row->detail, sizeof row->detail, f[6], n[6]))
        return "detail: longer than 255 bytes";
    if (want == N_FIELDS)
        return NULL;
    *what = ENTRY_WHOLE;
    return take_export(f, n, row);
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

/* The rows read so far, one per session run, and a hash table of their
 * keys (open addressing; each slot a row index + 1, 0 free). */
struct merger {
    size_t *slots;
    size_t cap; /* a power of two, more than twice the rows */
    size_t rows_cap;
};

/* Puts row index i into its slot; false when its key is already there
 * (*at: that row's index) or the table is full. */
static bool slot_for(struct merger *m, const struct history *h,
                     const struct history_row *r, size_t i, size_t *at)
{
    size_t s = (size_t)key_hash(r) & (m->cap - 1);
    for (size_t tries = 0; tries < m->cap;
         tries++, s = (s + 1) & (m->cap - 1)) {
        if (m->slots[s] == 0) {
            m->slots[s] = i + 1;
            *at = i;
            return true;
        }
        if (same_key(&h->rows[m->slots[s] - 1], r)) {
            *at = m->slots[s] - 1;
            return false;
        }
    }
    return false; /* never: the table is kept at most half full */
}

/* Room for one more row and its slot. False when out of memory. */
static bool merger_grow(struct merger *m, struct history *h)
{
    if (h->count == m->rows_cap) {
        size_t ncap = m->rows_cap ? 2 * m->rows_cap : 64;
        struct history_row *n = realloc(h->rows, ncap * sizeof *n);
        if (!n)
            return false;
        h->rows = n;
        m->rows_cap = ncap;
    }
    if (2 * (h->count + 1) <= m->cap)
        return true;
    size_t cap = m->cap ? 2 * m->cap : 128;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0, at; i < h->count; i++)
        slot_for(m, h, &h->rows[i], i, &at);
    return true;
}

/* What an entry row adds to the session's row. */
static void apply_entry(struct history_row *to, const struct history_row *r,
                        int what)
{
    switch (what) {
    case HISTORY_ENTRY_OUTCOME:
        memcpy(to->type, r->type, sizeof to->type);
        to->planned_s = r->planned_s;
        to->elapsed_s = r->elapsed_s;
        to->outcome = r->outcome;
        memcpy(to->detail, r->detail, sizeof to->detail);
        break;
    case HISTORY_ENTRY_BEFORE:
        to->has_before = r->has_before;
        to->before = r->before;
        break;
    case HISTORY_ENTRY_AFTER:
        to->has_after = r->has_after;
        to->after = r->after;
        break;
    case HISTORY_ENTRY_NOTE:
        memcpy(to->note, r->note, sizeof to->note);
        break;
    default: /* ENTRY_WHOLE */
        *to = *r;
    }
}

/* Adds a row read from the file (in h->rows[h->count], parsed as what):
 * a new session keeps it, as read; a session seen before takes what the
 * row records, in the place of its first row. */
static void merge_row(struct merger *m, struct history *h, int what)
{
    size_t at;
    struct history_row *r = &h->rows[h->count];
    if (slot_for(m, h, r, h->count, &at)) {
        h->count++;
        return;
    }
    apply_entry(&h->rows[at], r, what);
}

/* Reads the rows (of want fields) after the header, merging them; 0, or
 * -1 with err. */
static int read_rows(const char *path, struct line_reader *r, char *line,
                     size_t want, struct history *h, char *err, size_t errlen)
{
    struct merger m = {0};
    size_t lines = 0, len, total;
    int got, what;
    while ((got = next_line(r, line, &len, &total)) == 1) {
        if (lines == HISTORY_ROWS_MAX) {
            h->truncated = true;
            snprintf(err, errlen,
                     "%s: more than %d rows; only the first %d were read", path,
                     HISTORY_ROWS_MAX, HISTORY_ROWS_MAX);
            break;
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
        if (!merger_grow(&m, h)) {
            free(m.slots);
            snprintf(err, errlen, "%s: out of memory", path);
            return -1;
        }
        struct history_row *row = &h->rows[h->count];
        memset(row, 0, sizeof *row);
        const char *why = parse_row(line, len, want, row, &what);
        if (!why)
            merge_row(&m, h, what);
        else
            damaged(h, lines + 1, why, r->cut);
    }
    free(m.slots);
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
            rc = read_rows(path, &r, line,
                           kind == HISTORY_FIRST_EXPORT ? N_EXPORT_FIELDS
                                                        : N_FIELDS,
                           out, err, errlen);
        }
    }
    free(line);
    free(r.buf);
    close(fd);
    if (rc != 0)
        history_free(out);
    return rc;
}

void history_free(struct history *h)
{
    free(h->rows);
    *h = (struct history){0};
}
