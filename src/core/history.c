/* history.c: the append-only session history file (see history.h).
 * Writing: each row is one write() on an O_APPEND file, then fsync(); the
 * file is never rewritten. Reading: a bounded line reader and a strict
 * RFC 4180 field splitter; anything that does not parse is counted as
 * damaged and skipped, and rows for the same session run are merged. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "utf8.h"

enum { N_FIELDS = 7, PATH_CAP = 4096, READ_CHUNK = 65536 };

static const char *const outcome_names[] = {
    "completed", "stopped", "discomfort", "blocked", "interrupted"};
enum { N_OUTCOMES = sizeof outcome_names / sizeof *outcome_names };
_Static_assert((int)N_OUTCOMES == (int)HISTORY_OUTCOMES,
               "one name per outcome");

const char *history_outcome_name(enum history_outcome o)
{
    if ((unsigned)o >= N_OUTCOMES)
        return "unknown";
    return outcome_names[o];
}

bool history_outcome_parse(const char *s, enum history_outcome *out)
{
    for (size_t i = 0; i < N_OUTCOMES; i++)
        if (strcmp(s, outcome_names[i]) == 0) {
            *out = (enum history_outcome)i;
            return true;
        }
    return false;
}

/* base (trailing slashes dropped) followed by tail, if it fits. */
static bool join_path(char *out, size_t n, const char *base, const char *tail)
{
    size_t len = strlen(base);
    while (len > 0 && base[len - 1] == '/')
        len--;
    if (len > PATH_CAP)
        return false;
    int w = snprintf(out, n, "%.*s%s", (int)len, base, tail);
    return w >= 0 && (size_t)w < n;
}

bool history_default_path(char *out, size_t n)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    bool ok = false;
    if (state && state[0] == '/')
        ok = join_path(out, n, state, "/stillpoint/history.csv");
    else if (home && home[0] == '/')
        ok = join_path(out, n, home, "/.local/state/stillpoint/history.csv");
    if (!ok && n > 0)
        out[0] = '\0';
    return ok;
}

/* ---- the started stamp: YYYY-MM-DDTHH:MM:SS then +HH:MM, -HH:MM or Z */

/* The value of n decimal digits at s, or -1. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static bool valid_stamp(const char *s, size_t len)
{
    if (len != 20 && len != 25)
        return false;
    if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':')
        return false;
    int year = digits(s, 4), month = digits(s + 5, 2), day = digits(s + 8, 2);
    int hour = digits(s + 11, 2), min = digits(s + 14, 2);
    int sec = digits(s + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month) || hour < 0 || hour > 23 || min < 0 ||
        min > 59 || sec < 0 || sec > 60)
        return false;
    if (len == 20)
        return s[19] == 'Z';
    int off_h = digits(s + 20, 2), off_m = digits(s + 23, 2);
    return (s[19] == '+' || s[19] == '-') && s[22] == ':' && off_h >= 0 &&
           off_h <= 23 && off_m >= 0 && off_m <= 59;
}

bool history_stamp(struct history_row *row, time_t when)
{
    row->started[0] = '\0';
    if (when == 0 && time(&when) == (time_t)-1)
        return false;
    tzset(); /* follow TZ if it changed since the last call */
    struct tm tm;
    if (!localtime_r(&when, &tm))
        return false;
    char buf[64]; /* "2026-11-23T09:01:47+0100": %z has no colon */
    size_t n = strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    if (n != 24)
        return false;
    memcpy(row->started, buf, 22); /* up to the offset's hours */
    row->started[22] = ':';
    memcpy(row->started + 23, buf + 22, 2);
    row->started[25] = '\0';
    if (!valid_stamp(row->started, strlen(row->started))) {
        row->started[0] = '\0';
        return false;
    }
    return true;
}

/* ---- seconds: non-negative, written with one decimal, locale-free */

static bool seconds_ok(double s)
{
    return isfinite(s) && s >= 0 && s <= HISTORY_SECONDS_MAX;
}

/* Digits, optionally '.' and more digits: at most 10 before the point and
 * 5 after, so the value is one exact division (the same as strtod). */
static bool parse_seconds(const char *s, size_t len, double *out)
{
    size_t i = 0, int_digits = 0, frac_digits = 0;
    int64_t num = 0, scale = 1;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, int_digits++)
        num = num * 10 + (s[i] - '0');
    if (int_digits == 0 || int_digits > 10)
        return false;
    if (i < len) {
        if (s[i++] != '.')
            return false;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, frac_digits++) {
            if (frac_digits == 5)
                return false;
            num = num * 10 + (s[i] - '0');
            scale *= 10;
        }
        if (frac_digits == 0 || i < len)
            return false;
    }
    *out = (double)num / (double)scale;
    return true;
}

/* ---- writing a line */

struct out_buf {
    char *p;
    size_t len, cap;
    bool full;
};

static void put_char(struct out_buf *b, char c)
{
    if (b->len + 1 >= b->cap) {
        b->full = true;
        return;
    }
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
}

static void put_str(struct out_buf *b, const char *s)
{
    while (*s)
        put_char(b, *s++);
}

static bool is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

/* Spreadsheets take a cell that begins with = + - or @ as a formula
 * (=HYPERLINK(...) in a question from a session file would be a live
 * link), and some trim blanks before looking. So a text field that would
 * begin, past any apostrophes of its own, with one of those, a space or a
 * control character (a tab, a carriage return: written as spaces) is
 * written with one apostrophe more in front, the common convention; the
 * reader takes exactly that one away (strip_apostrophe), so what reads
 * back is what was written, and an apostrophe a field had of its own is
 * kept. */
static bool needs_apostrophe(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == '\'')
        i++;
    if (i == len)
        return false;
    char c = s[i];
    return is_control((unsigned char)c) || c == ' ' || c == '=' || c == '+' ||
           c == '-' || c == '@';
}

/* A text field of at most max bytes: control characters (newlines
 * included) become spaces; an apostrophe in front when a spreadsheet
 * would run it; quoted when it holds a comma or a quote. */
static void put_field(struct out_buf *b, const char *s, size_t max)
{
    size_t len = strnlen(s, max);
    bool quote = memchr(s, ',', len) || memchr(s, '"', len);
    if (quote)
        put_char(b, '"');
    if (needs_apostrophe(s, len))
        put_char(b, '\'');
    for (size_t i = 0; i < len; i++) {
        char c = is_control((unsigned char)s[i]) ? ' ' : s[i];
        if (c == '"')
            put_char(b, '"');
        put_char(b, c);
    }
    if (quote)
        put_char(b, '"');
}

static void put_seconds(struct out_buf *b, double s)
{
    char num[32];
    long long tenths = (long long)(s * 10.0 + 0.5);
    snprintf(num, sizeof num, "%lld.%lld", tenths / 10, tenths % 10);
    put_str(b, num);
}

/* Creates the folders above the file at path (0700), as mkdir -p. */
static int make_parents(const char *path, char *err, size_t errlen)
{
    char dir[PATH_CAP];
    if (fsutil_make_parents(path, dir, sizeof dir))
        return 0;
    if (!dir[0])
        snprintf(err, errlen, "%.200s...: path too long", path);
    else
        snprintf(err, errlen, "%s: cannot create folder: %s", dir,
                 strerror(errno));
    return -1;
}

/* Fills st for fd; when fd is not a regular file, says so, closes it and
 * returns false. */
static bool regular_or_close(int fd, struct stat *st, const char *path,
                             char *err, size_t errlen)
{
    if (fstat(fd, st) == 0 && S_ISREG(st->st_mode))
        return true;
    snprintf(err, errlen, "%s: not a regular file", path);
    close(fd);
    return false;
}

/* The file is opened read-write (not write-only) so that its first line
 * and last byte can be read on the same descriptor; every write still
 * goes to the end (O_APPEND). O_NOFOLLOW: a symbolic link at path is
 * never opened, so nothing is written or made private where it leads.
 * O_NONBLOCK keeps a FIFO planted at the path from hanging the open; it
 * changes nothing for a regular file. A missing file is created with
 * O_EXCL (made here, or by another stillpoint at the same moment, then
 * opened as it is). *created says this call made it. */
static int open_for_append(const char *path, bool *created, char *err,
                           size_t errlen)
{
    const int flags = O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
    *created = false;
    int fd = open(path, flags);
    for (int i = 0; fd < 0 && errno == ENOENT && i < 3; i++) {
        if (make_parents(path, err, errlen) != 0)
            return -1;
        fd = open(path, flags | O_CREAT | O_EXCL, 0600);
        *created = fd >= 0;
        if (fd < 0 && errno == EEXIST)
            fd = open(path, flags);
    }
    if (fd < 0) {
        int e = errno;
        if (fsutil_is_link(path))
            snprintf(err, errlen, "%s: " FSUTIL_LINK_REFUSED, path);
        else
            snprintf(err, errlen, "%s: cannot open for writing: %s", path,
                     strerror(e));
    }
    return fd;
}

enum first_line { FIRST_HEADER, FIRST_CUT_HEADER, FIRST_OTHER };

/* What a file's first line (len bytes, without its '\n' and a '\r'
 * before it) says of the file: a history starts with HISTORY_HEADER, or
 * with the beginning of it when the first write (header and row in one)
 * was cut short. The reader and the writer both judge by this. */
static enum first_line first_line_kind(const char *line, size_t len)
{
    size_t header = strlen(HISTORY_HEADER);
    if (len == 0 || len > header || memcmp(line, HISTORY_HEADER, len) != 0)
        return FIRST_OTHER;
    return len == header ? FIRST_HEADER : FIRST_CUT_HEADER;
}

/* The first line of the non-empty file on fd, judged as above. False,
 * with the reason in err, when the file is not a history (or cannot be
 * read): then nothing may be appended to it. */
static bool is_history(int fd, const char *path, char *err, size_t errlen)
{
    char buf[sizeof HISTORY_HEADER + 1]; /* the header, "\r\n" */
    ssize_t n;
    do
        n = pread(fd, buf, sizeof buf, 0);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return false;
    }
    const char *nl = memchr(buf, '\n', (size_t)n);
    /* Without a newline in buf, the first line is the whole file, or
     * longer than the header and a "\r": not the header either way. */
    size_t len = nl ? (size_t)(nl - buf) : (size_t)n;
    if (len > 0 && buf[len - 1] == '\r')
        len--;
    if (first_line_kind(buf, len) != FIRST_OTHER)
        return true;
    snprintf(err, errlen,
             "%s: not a stillpoint history (the first line is not \"%s\"); "
             "nothing was written to it",
             path, HISTORY_HEADER);
    return false;
}

size_t history_format_row(const struct history_row *row, char *out, size_t n)
{
    struct out_buf r = {.p = out, .cap = n};
    if (n == 0 || (unsigned)row->outcome >= N_OUTCOMES)
        return 0;
    out[0] = '\0';
    put_field(&r, row->started, sizeof row->started);
    put_char(&r, ',');
    put_field(&r, row->session, sizeof row->session);
    put_char(&r, ',');
    put_field(&r, row->type, sizeof row->type);
    put_char(&r, ',');
    put_seconds(&r, row->planned_s);
    put_char(&r, ',');
    put_seconds(&r, row->elapsed_s);
    put_char(&r, ',');
    put_str(&r, outcome_names[row->outcome]);
    put_char(&r, ',');
    put_field(&r, row->detail, sizeof row->detail);
    put_char(&r, '\n');
    if (r.full) {
        out[0] = '\0';
        return 0;
    }
    return r.len;
}

/* The history is private: group and other bits are taken away from a
 * file that has any. Notes what was done (or not) in err. */
static void make_private(int fd, const struct stat *st, const char *path,
                         char *err, size_t errlen)
{
    mode_t mode = st->st_mode & 07777;
    if ((mode & 077) == 0)
        return;
    if (fchmod(fd, mode & 0700) == 0)
        snprintf(err, errlen,
                 "%s: other users could read or change the history (mode "
                 "%04o); made private (%04o)",
                 path, (unsigned)mode, (unsigned)(mode & 0700));
    else
        snprintf(err, errlen,
                 "%s: other users can read or change the history (mode %04o) "
                 "and it cannot be made private: %s",
                 path, (unsigned)mode, strerror(errno));
}

int history_append(const char *path, const struct history_row *row, char *err,
                   size_t errlen)
{
    if (errlen > 0)
        err[0] = '\0';
    size_t stamp_len = strnlen(row->started, sizeof row->started);
    if (!valid_stamp(row->started, stamp_len)) {
        snprintf(err, errlen, "%s: bad start time \"%.*s\"", path,
                 (int)stamp_len, row->started);
        return -1;
    }
    if ((unsigned)row->outcome >= N_OUTCOMES) {
        snprintf(err, errlen, "%s: unknown outcome %d", path,
                 (int)row->outcome);
        return -1;
    }
    if (!seconds_ok(row->planned_s) || !seconds_ok(row->elapsed_s)) {
        snprintf(err, errlen, "%s: seconds out of range (0..%.0f)", path,
                 HISTORY_SECONDS_MAX);
        return -1;
    }

    /* Room for a leading newline, the header and the longest row (every
     * text byte a doubled quote), which is well under HISTORY_LINE_MAX. */
    char text[1 + sizeof HISTORY_HEADER + HISTORY_LINE_MAX];
    struct out_buf b = {.p = text, .cap = sizeof text};
    char *line = text + 1 + sizeof HISTORY_HEADER; /* row formatted here */
    size_t row_len = history_format_row(row, line, HISTORY_LINE_MAX);
    if (row_len == 0) { /* cannot happen with the field sizes above */
        snprintf(err, errlen, "%s: row too long", path);
        return -1;
    }

    bool created;
    int fd = open_for_append(path, &created, err, errlen);
    if (fd < 0)
        return -1;
    struct stat st;
    if (!regular_or_close(fd, &st, path, err, errlen))
        return -1;
    if (st.st_size > 0 && !is_history(fd, path, err, errlen)) {
        close(fd);
        return -1;
    }
    make_private(fd, &st, path, err, errlen);
    char last = '\n';
    if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)
        last = '\n';
    if (st.st_size == 0) {
        put_str(&b, HISTORY_HEADER);
        put_char(&b, '\n');
    } else if (last != '\n') {
        put_char(&b, '\n'); /* the cut-short line keeps a line of its own */
    }
    memmove(b.p + b.len, line, row_len);
    b.len += row_len;

    ssize_t w;
    do
        w = write(fd, b.p, b.len);
    while (w < 0 && errno == EINTR);
    int rc = -1; /* on success err keeps make_private's note, if any */
    if (w < 0)
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    else if ((size_t)w != b.len)
        snprintf(err, errlen, "%s: only %zd of %zu bytes written (disk full?)",
                 path, w, b.len);
    else if (fsync(fd) != 0)
        snprintf(err, errlen, "%s: cannot sync: %s", path, strerror(errno));
    else
        rc = 0;
    if (close(fd) != 0 && rc == 0) {
        snprintf(err, errlen, "%s: cannot close: %s", path, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && created)
        fsutil_sync_parent(path);
    return rc;
}

/* ---- reading */

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
    if (*len > 0 && (*s)[0] == '\'' && needs_apostrophe(*s + 1, *len - 1)) {
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
    if (!valid_stamp(f[0], n[0]) ||
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
    if (!parse_seconds(f[3], n[3], &row->planned_s))
        return "planned_s: not seconds like 600.0";
    if (!parse_seconds(f[4], n[4], &row->elapsed_s))
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
    if (!regular_or_close(fd, &st, path, err, errlen))
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
        enum first_line kind = first_line_kind(line, len);
        if (kind == FIRST_OTHER) {
            snprintf(err, errlen,
                     "%s: not a stillpoint history (the first line is not "
                     "\"%s\")",
                     path, HISTORY_HEADER);
        } else {
            if (kind == FIRST_CUT_HEADER)
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
