/* history.c: the append-only session history file (see history.h): its
 * place, its fields' rules, and writing: each row is one write() on an
 * O_APPEND file, then fsync(); the file is never rewritten. Reading is in
 * history_read.c. */
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
#include "history_fields.h"
#include "utf8.h"

enum { PATH_CAP = 4096 };

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

static const char *const entry_words[] = {NULL, "rated-before", "rated-after",
                                          "note"};
_Static_assert(sizeof entry_words / sizeof *entry_words == HISTORY_ENTRIES,
               "one word per entry");

const char *history_entry_word(int what)
{
    return what >= 0 && what < HISTORY_ENTRIES ? entry_words[what] : NULL;
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

bool history_valid_stamp(const char *s, size_t len)
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
    if (!history_valid_stamp(row->started, strlen(row->started))) {
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
bool history_parse_seconds(const char *s, size_t len, double *out)
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

bool history_is_control(unsigned char c)
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
bool history_needs_apostrophe(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == '\'')
        i++;
    if (i == len)
        return false;
    char c = s[i];
    return history_is_control((unsigned char)c) || c == ' ' || c == '=' ||
           c == '+' || c == '-' || c == '@';
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
    if (history_needs_apostrophe(s, len))
        put_char(b, '\'');
    for (size_t i = 0; i < len; i++) {
        char c = history_is_control((unsigned char)s[i]) ? ' ' : s[i];
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
bool history_regular_or_close(int fd, struct stat *st, const char *path,
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

/* What a file's first line (len bytes, without its '\n' and a '\r'
 * before it) says of the file: a history starts with HISTORY_HEADER, or
 * with the beginning of it when the first write (header and row in one)
 * was cut short. The reader and the writer both judge by this. */
enum history_first_line history_first_line_kind(const char *line, size_t len)
{
    size_t header = strlen(HISTORY_HEADER);
    if (len == strlen(HISTORY_EXPORT_HEADER) &&
        memcmp(line, HISTORY_EXPORT_HEADER, len) == 0)
        return HISTORY_FIRST_EXPORT;
    if (len == 0 || len > header || memcmp(line, HISTORY_HEADER, len) != 0)
        return HISTORY_FIRST_OTHER;
    return len == header ? HISTORY_FIRST_HEADER : HISTORY_FIRST_CUT_HEADER;
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
    enum history_first_line kind = history_first_line_kind(buf, len);
    if (kind == HISTORY_FIRST_HEADER || kind == HISTORY_FIRST_CUT_HEADER)
        return true;
    snprintf(err, errlen,
             "%s: not a stillpoint history (the first line is not \"%s\"); "
             "nothing was written to it",
             path, HISTORY_HEADER);
    return false;
}

void history_escape_note(const char *note, char *out)
{
    for (; *note; note++) {
        if (*note == '\\' || *note == '\n') {
            *out++ = '\\';
            *out++ = *note == '\n' ? 'n' : '\\';
        } else {
            *out++ = history_is_control((unsigned char)*note) ? ' ' : *note;
        }
    }
    *out = '\0';
}

size_t history_unescape_note(char *s, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len &&
            (s[i + 1] == 'n' || s[i + 1] == '\\'))
            s[out++] = s[++i] == 'n' ? '\n' : '\\';
        else
            s[out++] = s[i];
    }
    return out;
}

size_t history_count_chars(const char *s, size_t len)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        i += n ? n : 1;
    }
    return chars;
}

/* The five fields every row begins with, each followed by a comma. */
static void put_session(struct out_buf *b, const struct history_row *row)
{
    put_field(b, row->started, sizeof row->started);
    put_char(b, ',');
    put_field(b, row->session, sizeof row->session);
    put_char(b, ',');
    put_field(b, row->type, sizeof row->type);
    put_char(b, ',');
    put_seconds(b, row->planned_s);
    put_char(b, ',');
    put_seconds(b, row->elapsed_s);
    put_char(b, ',');
}

static void put_rating(struct out_buf *b, bool has, int rating)
{
    char num[16];
    if (has && rating >= 0 && rating <= HISTORY_RATING_MAX) {
        snprintf(num, sizeof num, "%d", rating);
        put_str(b, num);
    }
}

static void put_note(struct out_buf *b, const char *note)
{
    char text[2 * HISTORY_NOTE_BYTES];
    char safe[HISTORY_NOTE_BYTES];
    snprintf(safe, sizeof safe, "%s", note); /* bounded, terminated */
    history_escape_note(safe, text);
    put_field(b, text, sizeof text);
}

/* The line in r, or 0 when it did not fit. */
static size_t finish_line(struct out_buf *r)
{
    put_char(r, '\n');
    if (r->full) {
        r->p[0] = '\0';
        return 0;
    }
    return r->len;
}

size_t history_format_entry(const struct history_row *row,
                            enum history_entry what, char *out, size_t n)
{
    struct out_buf r = {.p = out, .cap = n};
    if (n == 0 || (unsigned)row->outcome >= N_OUTCOMES ||
        (unsigned)what >= HISTORY_ENTRIES)
        return 0;
    out[0] = '\0';
    put_session(&r, row);
    if (what == HISTORY_ENTRY_OUTCOME) {
        put_str(&r, outcome_names[row->outcome]);
        put_char(&r, ',');
        put_field(&r, row->detail, sizeof row->detail);
        return finish_line(&r);
    }
    put_str(&r, entry_words[what]);
    put_char(&r, ',');
    if (what == HISTORY_ENTRY_BEFORE)
        put_rating(&r, row->has_before, row->before);
    else if (what == HISTORY_ENTRY_AFTER)
        put_rating(&r, row->has_after, row->after);
    else
        put_note(&r, row->note);
    return finish_line(&r);
}

size_t history_format_row(const struct history_row *row, char *out, size_t n)
{
    return history_format_entry(row, HISTORY_ENTRY_OUTCOME, out, n);
}

size_t history_format_export(const struct history_row *row, char *out, size_t n)
{
    struct out_buf r = {.p = out, .cap = n};
    if (n == 0 || (unsigned)row->outcome >= N_OUTCOMES)
        return 0;
    out[0] = '\0';
    put_session(&r, row);
    put_str(&r, outcome_names[row->outcome]);
    put_char(&r, ',');
    put_field(&r, row->detail, sizeof row->detail);
    put_char(&r, ',');
    put_rating(&r, row->has_before, row->before);
    put_char(&r, ',');
    put_rating(&r, row->has_after, row->after);
    put_char(&r, ',');
    put_note(&r, row->note);
    return finish_line(&r);
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

/* Whether the row's entry can be written so that it reads back; says
 * what is wrong in err when not. */
static bool entry_ok(const char *path, const struct history_row *row,
                     enum history_entry what, char *err, size_t errlen)
{
    size_t stamp_len = strnlen(row->started, sizeof row->started);
    bool rating = what == HISTORY_ENTRY_BEFORE || what == HISTORY_ENTRY_AFTER;
    bool has = what == HISTORY_ENTRY_BEFORE ? row->has_before : row->has_after;
    int value = what == HISTORY_ENTRY_BEFORE ? row->before : row->after;
    size_t note_len = strnlen(row->note, sizeof row->note);
    if (!history_valid_stamp(row->started, stamp_len))
        snprintf(err, errlen, "%s: bad start time \"%.*s\"", path,
                 (int)stamp_len, row->started);
    else if ((unsigned)row->outcome >= N_OUTCOMES)
        snprintf(err, errlen, "%s: unknown outcome %d", path,
                 (int)row->outcome);
    else if ((unsigned)what >= HISTORY_ENTRIES)
        snprintf(err, errlen, "%s: unknown entry %d", path, (int)what);
    else if (!seconds_ok(row->planned_s) || !seconds_ok(row->elapsed_s))
        snprintf(err, errlen, "%s: seconds out of range (0..%.0f)", path,
                 HISTORY_SECONDS_MAX);
    else if (rating && has && (value < 0 || value > HISTORY_RATING_MAX))
        snprintf(err, errlen, "%s: rating %d is not one from 0 to %d", path,
                 value, HISTORY_RATING_MAX);
    else if (what == HISTORY_ENTRY_NOTE &&
             (note_len == sizeof row->note ||
              history_count_chars(row->note, note_len) > HISTORY_NOTE_CHARS))
        snprintf(err, errlen, "%s: the note is longer than %d characters", path,
                 HISTORY_NOTE_CHARS);
    else
        return true;
    return false;
}

int history_append(const char *path, const struct history_row *row, char *err,
                   size_t errlen)
{
    return history_append_entry(path, row, HISTORY_ENTRY_OUTCOME, err, errlen);
}

int history_append_entry(const char *path, const struct history_row *row,
                         enum history_entry what, char *err, size_t errlen)
{
    if (errlen > 0)
        err[0] = '\0';
    if (!entry_ok(path, row, what, err, errlen))
        return -1;

    /* Room for a leading newline, the header and the longest row (every
     * text byte a doubled quote; a note of 500 characters takes at most
     * 2000 bytes escaped), which is well under HISTORY_LINE_MAX. */
    char text[1 + sizeof HISTORY_HEADER + HISTORY_LINE_MAX];
    struct out_buf b = {.p = text, .cap = sizeof text};
    char *line = text + 1 + sizeof HISTORY_HEADER; /* row formatted here */
    size_t row_len = history_format_entry(row, what, line, HISTORY_LINE_MAX);
    if (row_len == 0) { /* cannot happen with the field sizes above */
        snprintf(err, errlen, "%s: row too long", path);
        return -1;
    }

    bool created;
    int fd = open_for_append(path, &created, err, errlen);
    if (fd < 0)
        return -1;
    struct stat st;
    if (!history_regular_or_close(fd, &st, path, err, errlen))
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
