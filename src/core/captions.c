/* captions.c: the WebVTT and SubRip reader (see captions.h): the bytes cut
 * into lines and blocks ended by an empty line, each block's time line
 * read, its text lines freed of markup, the lines a rolling caption
 * repeats from the one before left out, the rest joined with a space, and
 * every problem reported at its line. One pass over the bytes (a line of
 * spaces looks two lines ahead); each caption's text is built in a fixed
 * buffer, so time and memory stay bounded for any input. */
#include "captions.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "captions_text.h"
#include "utf8.h"

enum {
    QUOTE_BYTES = 48, /* of a line quoted in a message */
    TOKEN = 32,       /* a time as written */
    MAX_DIGITS = 9,   /* in one part of a time */
};

/* A caption that starts this close after the one before ends (or earlier)
 * follows it on screen: rolling captions touch (YouTube's), or leave the
 * 10 ms of a "transition" caption some tools drop. A line said again after
 * a pause is not a repeat. */
static const double ROLL_GAP = 0.1;

_Static_assert(CAPTIONS_TEXT_BUF > CAPTIONS_MAX_TEXT + 4,
               "a caption's buffer holds its longest text and more");

static const char VTT_EXAMPLE[] = "00:01:02.500 --> 00:01:05.000";
static const char SRT_EXAMPLE[] = "00:01:02,500 --> 00:01:05,000";

struct line {
    const char *p;
    size_t len;
    int no;
};

struct reader {
    const char *pos, *end; /* the next line starts at pos */
    int no;                /* the number of the line last read */
    bool has_pushed;       /* a line read ahead, to be read again */
    struct line pushed;
    const char *file;
    enum captions_format fmt;
    double length;
    struct arena *a;
    struct diag_list *d;
    size_t problems;
    struct caption *items;
    size_t count, cap;
    bool has_last; /* the start of the caption above, for the order: */
    double last_start;
    int last_line;
    char last_tok[TOKEN];
    struct captions_lines lines[2]; /* this caption's and the one above's */
    int cur;                        /* which is this caption's */
    bool has_prev;                  /* the one above read, ending at: */
    double prev_end;
};

static void problem(struct reader *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct reader *r, int line, const char *fmt, ...)
{
    char msg[DIAG_MSG];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_add(r->d, r->file, line, "%s", msg);
    r->problems++;
}

/* The next line (ended by LF, CRLF or CR), or false at the end. */
static bool next_line(struct reader *r, struct line *l)
{
    if (r->has_pushed) {
        *l = r->pushed;
        r->has_pushed = false;
        return true;
    }
    if (r->pos >= r->end)
        return false;
    const char *p = r->pos;
    while (p < r->end && *p != '\n' && *p != '\r')
        p++;
    l->p = r->pos;
    l->len = (size_t)(p - r->pos);
    l->no = ++r->no;
    if (p < r->end && *p == '\r' && p + 1 < r->end && p[1] == '\n')
        p++;
    r->pos = p < r->end ? p + 1 : p;
    return true;
}

static void push_back(struct reader *r, const struct line *l)
{
    r->pushed = *l;
    r->has_pushed = true;
}

static bool is_blank(const struct line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->p[i] != ' ' && l->p[i] != '\t')
            return false;
    return true;
}

static bool has_arrow(const struct line *l)
{
    for (size_t i = 0; i + 2 < l->len; i++)
        if (l->p[i] == '-' && l->p[i + 1] == '-' && l->p[i + 2] == '>')
            return true;
    return false;
}

/* Whether the line is word alone or word then a space or tab. */
static bool starts_word(const struct line *l, const char *word)
{
    size_t n = strlen(word);
    return l->len >= n && memcmp(l->p, word, n) == 0 &&
           (l->len == n || l->p[n] == ' ' || l->p[n] == '\t');
}

/* Whether a new caption starts at the next line: a time line, or a line
 * (a name, a number) then a time line; or the file ends. Looks ahead and
 * reads nothing. */
static bool caption_follows(struct reader *r)
{
    const char *pos = r->pos;
    int no = r->no;
    bool has_pushed = r->has_pushed;
    struct line pushed = r->pushed, a, b;
    bool follows = !next_line(r, &a) || has_arrow(&a) ||
                   (!is_blank(&a) && next_line(r, &b) && has_arrow(&b));
    r->pos = pos;
    r->no = no;
    r->has_pushed = has_pushed;
    r->pushed = pushed;
    return follows;
}

/* Whether l, just read, ends a block: an empty line does; a line of only
 * spaces and tabs is a line of the block (WebVTT's rule; YouTube writes
 * one above or under a caption's words) unless a new caption starts under
 * it, as where a SubRip file has a stray space on its empty lines. */
static bool ends_block(struct reader *r, const struct line *l)
{
    return l->len == 0 || (is_blank(l) && caption_follows(r));
}

/* Reads up to the end of the block. */
static void skip_block(struct reader *r)
{
    struct line l;
    while (next_line(r, &l))
        if (ends_block(r, &l))
            return;
}

/* The first bytes of a line for a message, never cut inside a character
 * ("..." marks a cut). */
static const char *quote(const char *p, size_t len, char *buf, size_t n)
{
    size_t keep = len;
    if (keep > QUOTE_BYTES) {
        keep = QUOTE_BYTES;
        while (keep > 0 && ((unsigned char)p[keep] & 0xc0) == 0x80)
            keep--;
    }
    snprintf(buf, n, "%.*s%s", (int)keep, p, keep < len ? "..." : "");
    return buf;
}

/* A length in seconds written as a time: 4:05.250, 1:02:03.000. */
static void time_text(double t, char *buf, size_t n)
{
    long long ms = (long long)(t * 1000.0 + 0.5);
    long long s = ms / 1000;
    if (s >= 3600)
        snprintf(buf, n, "%lld:%02lld:%02lld.%03lld", s / 3600, s / 60 % 60,
                 s % 60, ms % 1000);
    else
        snprintf(buf, n, "%lld:%02lld.%03lld", s / 60, s % 60, ms % 1000);
}

enum time_result { TIME_OK, TIME_BAD, TIME_RANGE, TIME_HUGE };

/* Reads [H:]MM:SS[.mmm] at *p (before end): hours of any number of
 * digits, minutes and seconds of one or two and under 60, a fraction after
 * '.' or ',' of one to three digits. Moves *p past what it read. */
static enum time_result read_time(const char **p, const char *end, double *t)
{
    long long part[3];
    int parts = 0;
    bool huge = false, wide = false;
    const char *s = *p;
    for (;;) {
        size_t digits = 0;
        long long v = 0;
        while (s < end && *s >= '0' && *s <= '9') {
            if (++digits <= MAX_DIGITS)
                v = v * 10 + (*s - '0');
            s++;
        }
        if (digits == 0)
            return TIME_BAD;
        huge |= digits > MAX_DIGITS;
        wide |= parts > 0 && digits > 2;
        part[parts++] = v;
        if (parts == 3 || s >= end || *s != ':')
            break;
        s++;
    }
    if (parts < 2)
        return TIME_BAD;
    double frac = 0;
    if (s < end && (*s == '.' || *s == ',')) {
        s++;
        double scale = 0.1;
        int digits = 0;
        while (s < end && *s >= '0' && *s <= '9' && digits <= 3) {
            frac += (*s++ - '0') * scale;
            scale /= 10;
            digits++;
        }
        if (digits == 0 || digits > 3)
            return TIME_BAD;
    }
    *p = s;
    if (huge)
        return TIME_HUGE;
    long long h = parts == 3 ? part[0] : 0;
    long long m = part[parts - 2], sec = part[parts - 1];
    if (wide)
        return TIME_BAD;
    if (m >= 60 || sec >= 60)
        return TIME_RANGE;
    *t = (double)h * 3600.0 + (double)m * 60.0 + (double)sec + frac;
    return TIME_OK;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

/* One time of a time line; false with the problem reported. The time as
 * written goes into tok. */
static bool timing_part(struct reader *r, const struct line *l, const char **p,
                        double *t, char *tok)
{
    const char *at = *p, *end = l->p + l->len;
    enum time_result res = read_time(p, end, t);
    char q[QUOTE_BYTES + 8];
    snprintf(tok, TOKEN, "%.*s", (int)(*p - at), at);
    if (res == TIME_RANGE)
        problem(r, l->no, "'%s': minutes and seconds go up to 59", tok);
    else if (res == TIME_HUGE)
        problem(r, l->no, "'%s': a number too large for a time",
                quote(at, (size_t)(*p - at), q, sizeof(q)));
    return res == TIME_OK;
}

static void bad_timing(struct reader *r, const struct line *l)
{
    char q[QUOTE_BYTES + 8];
    problem(r, l->no, "expected a time like %s, found '%s'",
            r->fmt == CAPTIONS_VTT ? VTT_EXAMPLE : SRT_EXAMPLE,
            quote(l->p, l->len, q, sizeof(q)));
}

/* Reads "START --> END" and any cue settings after it (not used). */
static bool read_timing(struct reader *r, const struct line *l, double *start,
                        double *end, char *start_tok, char *end_tok)
{
    const char *p = skip_space(l->p, l->p + l->len), *e = l->p + l->len;
    const char *from = p;
    if (read_time(&from, e, start) == TIME_BAD) {
        bad_timing(r, l);
        return false;
    }
    bool ok = timing_part(r, l, &p, start, start_tok);
    p = skip_space(p, e);
    if (e - p < 3 || memcmp(p, "-->", 3) != 0) {
        if (ok)
            bad_timing(r, l);
        return false;
    }
    p = skip_space(p + 3, e);
    const char *to = p;
    if (read_time(&to, e, end) == TIME_BAD ||
        (to < e && *to != ' ' && *to != '\t')) {
        if (ok)
            bad_timing(r, l);
        return false;
    }
    return timing_part(r, l, &p, end, end_tok) && ok;
}

/* The checks of a caption's times against the one above it and the
 * recording; a caption whose times are read counts for the order even
 * when something else about it is wrong. */
static bool check_times(struct reader *r, int line, double start, double *end,
                        const char *start_tok, const char *end_tok)
{
    bool ok = true;
    if (*end < start) {
        problem(r, line, "the caption ends at %s, before it starts at %s",
                end_tok, start_tok);
        ok = false;
    }
    if (r->has_last && start < r->last_start) {
        problem(r, line,
                "the caption starts at %s, before the one above it (%s, "
                "line %d): captions go in the order they are shown",
                start_tok, r->last_tok, r->last_line);
        ok = false;
    }
    if (r->length >= 0 && start > r->length) {
        char len[TOKEN];
        time_text(r->length, len, sizeof(len));
        problem(r, line,
                "the caption starts at %s, after the recording ends (%s)",
                start_tok, len);
        ok = false;
    } else if (r->length >= 0 && *end > r->length) {
        *end = r->length;
    }
    r->has_last = true;
    r->last_start = start;
    r->last_line = line;
    snprintf(r->last_tok, sizeof(r->last_tok), "%s", start_tok);
    return ok;
}

/* Checks a text line for what no text may hold; whether it shows
 * anything is the whole caption's matter. */
static bool check_line(struct reader *r, const struct captions_text *t,
                       int line)
{
    char s[CAPTIONS_TEXT_BUF + 2], why[96];
    if (t->len >= CAPTIONS_TEXT_BUF)
        return true; /* too long: said once for the caption */
    s[0] = 'x';      /* something visible */
    memcpy(s + 1, t->buf, t->len);
    s[1 + t->len] = '\0';
    if (utf8_check_text(s, why, sizeof(why)))
        return true;
    problem(r, line, "caption: %s", why);
    return false;
}

/* Reads a caption's text lines into c, up to the end of the block or a
 * line that is a time line (reported, and read again as the next
 * caption's); lines that show nothing (spaces, tabs, markup) are left
 * out. Returns false when a line is not fit to show, or the text too
 * long, with the problem reported. */
static bool read_text(struct reader *r, struct captions_lines *c)
{
    struct line l;
    bool ok = true;
    captions_lines_clear(c);
    while (next_line(r, &l) && !ends_block(r, &l)) {
        if (has_arrow(&l)) {
            problem(r, l.no,
                    "a time line inside the caption above: leave an empty "
                    "line between captions");
            push_back(r, &l);
            return false;
        }
        struct captions_text t;
        t.len = 0;
        captions_text_line(&t, l.p, l.len, r->fmt == CAPTIONS_VTT);
        captions_text_trim(&t);
        if (ok)
            ok = check_line(r, &t, l.no);
        if (t.len > 0)
            captions_lines_add(c, &t, l.no);
    }
    if (ok && c->text.len > CAPTIONS_MAX_TEXT) {
        problem(r, c->no[0],
                "caption: too long (over %d bytes of text; split it in two)",
                CAPTIONS_MAX_TEXT);
        return false;
    }
    return ok;
}

/* How many of the caption's first lines the one above showed last, when
 * this caption follows it on screen (starting at most ROLL_GAP after it
 * ends): a rolling caption's lines said already. */
static size_t repeated_lines(struct reader *r, bool times_ok, double start,
                             double end)
{
    const struct captions_lines *c = &r->lines[r->cur];
    size_t k = 0;
    if (times_ok && r->has_prev && start <= r->prev_end + ROLL_GAP)
        k = captions_lines_repeated(c, &r->lines[!r->cur]);
    r->has_prev = times_ok;
    r->prev_end = end;
    r->cur = !r->cur; /* this caption is the one above the next */
    return k;
}

/* One caption from its time line on: its times, its text, then its place
 * in the table when all is well. A caption that shows nothing new (no
 * words, or only the lines the one above ends with) is left out. Returns
 * false when out of memory. */
static bool read_caption(struct reader *r, const struct line *timing)
{
    double start = 0, end = 0;
    char start_tok[TOKEN], end_tok[TOKEN], why[96];
    bool ok = read_timing(r, timing, &start, &end, start_tok, end_tok) &&
              check_times(r, timing->no, start, &end, start_tok, end_tok);
    struct captions_lines *c = &r->lines[r->cur];
    bool text_ok = read_text(r, c);
    size_t k = repeated_lines(r, ok && text_ok, start, end);
    if (!text_ok || k == c->count)
        return true;
    char *text = c->text.buf + c->start[k];
    size_t len = c->text.len - c->start[k];
    text[len] = '\0'; /* fits: the text is not too long */
    if (!utf8_check_text(text, why, sizeof(why))) {
        problem(r, c->no[k], "caption: %s", why);
        return true;
    }
    /* Kept in order even after a caption out of order (reported). */
    if (!ok || r->count == r->cap ||
        (r->count > 0 && start < r->items[r->count - 1].start))
        return true;
    char *copy = arena_strndup(r->a, text, len);
    if (!copy)
        return false;
    r->items[r->count++] = (struct caption){start, end, copy, timing->no};
    return true;
}

/* A block that is not a caption: what was expected instead. */
static void not_a_caption(struct reader *r, const struct line *l)
{
    char q[QUOTE_BYTES + 8];
    quote(l->p, l->len, q, sizeof(q));
    if (r->fmt == CAPTIONS_VTT)
        problem(r, l->no,
                "expected a caption (a time like %s, or a name line then "
                "the time), NOTE, STYLE or REGION; found '%s'",
                VTT_EXAMPLE, q);
    else
        problem(r, l->no,
                "expected a caption number, then a time like %s; found '%s'",
                SRT_EXAMPLE, q);
}

static bool all_digits(const struct line *l)
{
    const char *p = skip_space(l->p, l->p + l->len), *e = l->p + l->len;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (p == e)
        return false;
    for (; p < e; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* A line before a time line: a WebVTT cue's name or a SubRip caption's
 * number, then the time line, read into timing. Returns false (the
 * problem reported, the block read) when it is neither. */
static bool read_name(struct reader *r, const struct line *l,
                      struct line *timing)
{
    const char *p = skip_space(l->p, l->p + l->len);
    double t;
    if (read_time(&p, l->p + l->len, &t) != TIME_BAD) {
        bad_timing(r, l); /* a time line with no arrow */
        skip_block(r);
        return false;
    }
    if (r->fmt == CAPTIONS_SRT && !all_digits(l)) {
        if (l->no == 1) {
            problem(r, 1,
                    "expected WEBVTT (a WebVTT file) or a caption number (a "
                    "SubRip file) on the first line");
            r->pos = r->end; /* not a captions file: nothing more to say */
            return false;
        }
        not_a_caption(r, l);
        skip_block(r);
        return false;
    }
    if (!next_line(r, timing) || is_blank(timing)) {
        not_a_caption(r, l);
        return false;
    }
    if (!has_arrow(timing)) {
        bad_timing(r, timing);
        skip_block(r);
        return false;
    }
    return true;
}

/* The blocks after the header, each a caption or (WebVTT) a NOTE, STYLE
 * or REGION block. Returns false when out of memory. */
static bool read_blocks(struct reader *r)
{
    struct line l, timing;
    size_t seen = 0;
    while (next_line(r, &l)) {
        if (is_blank(&l))
            continue;
        if (r->fmt == CAPTIONS_VTT &&
            (starts_word(&l, "NOTE") || starts_word(&l, "STYLE") ||
             starts_word(&l, "REGION"))) {
            skip_block(r);
            continue;
        }
        timing = l;
        if (!has_arrow(&l) && !read_name(r, &l, &timing))
            continue;
        if (++seen > CAPTIONS_MAX_COUNT) {
            problem(r, timing.no,
                    "more than %d captions; a captions file holds at most "
                    "%d",
                    CAPTIONS_MAX_COUNT, CAPTIONS_MAX_COUNT);
            return true;
        }
        if (!read_caption(r, &timing))
            return false;
    }
    return true;
}

/* The line of the first NUL byte, or 0 for none. */
static int nul_line(const char *data, size_t len)
{
    const char *nul = memchr(data, '\0', len);
    if (!nul)
        return 0;
    int line = 1;
    for (const char *p = data; p < nul; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 == nul || p[1] != '\n')))
            line++;
    return line;
}

/* How many lines hold "-->": no more captions than that. */
static size_t count_arrows(const char *p, const char *end)
{
    size_t n = 0;
    while (p + 3 <= end && (p = memchr(p, '-', (size_t)(end - p - 2)))) {
        if (p[1] == '-' && p[2] == '>') {
            n++;
            p += 3;
        } else {
            p++;
        }
    }
    return n;
}

/* The header: a WEBVTT line (with text after a space or tab, if any) and
 * the lines up to a blank one, or else SubRip (nothing read). */
static void read_header(struct reader *r)
{
    struct line l;
    r->fmt = CAPTIONS_SRT;
    if (!next_line(r, &l))
        return;
    if (!starts_word(&l, "WEBVTT")) {
        push_back(r, &l);
        return;
    }
    r->fmt = CAPTIONS_VTT;
    while (next_line(r, &l) && !ends_block(r, &l)) {
        if (has_arrow(&l)) {
            push_back(r, &l); /* a caption right under the header */
            return;
        }
    }
}

bool captions_parse(const char *data, size_t len, const char *file,
                    double length_seconds, struct arena *a,
                    struct caption_list *out, struct diag_list *d)
{
    *out = (struct caption_list){NULL, 0, CAPTIONS_SRT};
    if (len > CAPTIONS_MAX_BYTES) {
        diag_add(d, file, 0,
                 "the file is %zu bytes; captions files are limited to %d "
                 "bytes (%d MB)",
                 len, CAPTIONS_MAX_BYTES, CAPTIONS_MAX_BYTES >> 20);
        return false;
    }
    int nul = nul_line(data, len);
    if (nul) {
        diag_add(d, file, nul,
                 "a NUL byte: not a text file (a captions file is WebVTT or "
                 "SubRip text)");
        return false;
    }
    struct reader r = {.pos = data,
                       .end = data + len,
                       .file = file,
                       .length = length_seconds,
                       .a = a,
                       .d = d};
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        r.pos += 3;
    r.cap = count_arrows(r.pos, r.end);
    if (r.cap > CAPTIONS_MAX_COUNT)
        r.cap = CAPTIONS_MAX_COUNT;
    r.items = arena_alloc(a, (r.cap ? r.cap : 1) * sizeof(*r.items));
    read_header(&r);
    if (!r.items || !read_blocks(&r)) {
        diag_add(d, file, 0, "out of memory");
        return false;
    }
    if (r.count == 0 && r.problems == 0)
        problem(&r, 0,
                "no captions in the file (a caption is a time like %s with "
                "its words on the lines under it)",
                r.fmt == CAPTIONS_VTT ? VTT_EXAMPLE : SRT_EXAMPLE);
    *out = (struct caption_list){r.items, r.count, r.fmt};
    return r.problems == 0;
}
