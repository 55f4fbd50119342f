/* prescan.c: one pass over a session file's bytes, aware of libconfig's
 * strings and comments, refusing what the parser must never see and
 * writing the copy it parses. */
#include "prescan.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"

static bool only_space(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]))
            return false;
    return true;
}

/* The copy being written: never longer than the input plus what widening
 * adds, which is bounded per token. */
struct out {
    char *p;
    size_t len, cap;
};

static bool put(struct out *o, const void *bytes, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->cap + n + 1) * 2;
        char *p = realloc(o->p, cap);
        if (!p)
            return false;
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->len, bytes, n);
    o->len += n;
    return true;
}

static bool name_char(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '*' || c == '-' || c == '.' ||
           c == '+';
}

static bool token_char(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '+' || c == '-';
}

/* Writes the number token tok (n bytes) as libconfig 1.5 should read it:
 * as it is when libconfig keeps its value, else as a decimal with a
 * fraction (a float), whose full value the range checks then see. */
static bool put_number(struct out *o, const char *tok, size_t n)
{
    char buf[64];
    if (n >= sizeof(buf))
        return put(o, tok, n); /* libconfig calls it a syntax error */
    memcpy(buf, tok, n);
    buf[n] = '\0';
    size_t digits = n;
    bool wide = false;
    while (digits > 0 && (buf[digits - 1] == 'L' || buf[digits - 1] == 'l')) {
        wide = true;
        digits--;
    }
    buf[digits] = '\0';
    const char *p = buf;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
    const char *d = hex ? p + 2 : p;
    if (!*d ||
        strspn(d, hex ? "0123456789abcdefABCDEF" : "0123456789") != strlen(d))
        return put(o, tok, n); /* a float, or not a number at all */
    errno = 0;
    uintmax_t v = strtoumax(d, NULL, hex ? 16 : 10);
    bool overflow = errno == ERANGE;
    uintmax_t limit =
        wide ? (neg && !hex ? (uintmax_t)INT64_MAX + 1 : (uintmax_t)INT64_MAX)
             : (neg && !hex ? (uintmax_t)INT32_MAX + 1 : (uintmax_t)INT32_MAX);
    if (!overflow && v <= limit)
        return put(o, tok, n);
    double value = strtod(buf, NULL); /* C99 reads 0x too */
    if (!isfinite(value) || fabs(value) > 1e300)
        value = neg ? -1e300 : 1e300;
    char wider[64];
    int w = snprintf(wider, sizeof(wider), "%.17g", value);
    if (!strpbrk(wider, ".e"))
        w += snprintf(wider + w, sizeof(wider) - (size_t)w, ".0");
    return put(o, wider, (size_t)w);
}

static char *fail(struct out *o)
{
    free(o->p);
    return NULL;
}

enum scan_state { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT };

/* Where the walk over the bytes is. */
struct scan {
    const char *file;
    struct diag_list *d;
    const unsigned char *p, *end;
    int line, depth, string_line;
    size_t string_len;
    bool at_line_start;
    enum scan_state state;
};

/* In code at s->p (a valid character): how many bytes go through as
 * they are, or 0 when the file must not be parsed (reported). */
static size_t in_code(struct scan *s)
{
    unsigned char c = *s->p;
    bool next = s->p + 1 < s->end;
    if (c == '"') {
        s->state = STRING;
        s->string_len = 0;
        s->string_line = s->line;
    } else if (c == '#' || (c == '/' && next && s->p[1] == '/')) {
        s->state = LINE_COMMENT;
    } else if (c == '/' && next && s->p[1] == '*') {
        s->state = BLOCK_COMMENT;
        return 2;
    } else if (c == '{' || c == '(' || c == '[') {
        if (++s->depth > PRESCAN_MAX_DEPTH) {
            diag_add(s->d, s->file, s->line, "nested deeper than %d levels",
                     PRESCAN_MAX_DEPTH);
            return 0;
        }
    } else if (c == '}' || c == ')' || c == ']') {
        s->depth--;
    }
    return 1;
}

/* In a string at s->p (a valid character of n bytes): as in_code. */
static size_t in_string(struct scan *s, size_t n)
{
    unsigned char c = *s->p;
    if (c == '\\' && s->p + 1 < s->end) {
        /* What follows a backslash is text too. */
        uint32_t cp;
        unsigned char after = s->p[1];
        size_t m =
            after ? utf8_decode(s->p + 1, (size_t)(s->end - s->p - 1), &cp) : 0;
        if (m == 0) {
            diag_add(s->d, s->file, s->line,
                     after ? "not a text file (byte 0x%02x is not UTF-8)"
                           : "not a text file (a zero byte)",
                     after);
            return 0;
        }
        s->string_len++;
        return 1 + m;
    }
    if (c == '"') {
        s->state = CODE;
    } else if (++s->string_len > PRESCAN_MAX_STRING) {
        diag_add(s->d, s->file, s->string_line,
                 "text longer than %d characters", PRESCAN_MAX_STRING);
        return 0;
    }
    return n;
}

/* In a comment: the bytes go through; the comment may end here. */
static size_t in_comment(struct scan *s, size_t n)
{
    if (s->state == LINE_COMMENT && *s->p == '\n') {
        s->state = CODE;
    } else if (s->state == BLOCK_COMMENT && *s->p == '*' && s->p + 1 < s->end &&
               s->p[1] == '/') {
        s->state = CODE;
        return 2;
    }
    return n;
}

/* A number starts at s->p: in code, not inside a name. */
static bool number_starts(const struct scan *s, unsigned char prev)
{
    const unsigned char *p = s->p;
    return s->state == CODE && !name_char(prev) &&
           (isdigit(*p) ||
            ((*p == '-' || *p == '+') && p + 1 < s->end && isdigit(p[1])));
}

char *prescan_text(const char *file, const char *text, size_t len,
                   struct diag_list *d)
{
    /* Editors on some systems start a UTF-8 file with a byte-order mark. */
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        text += 3, len -= 3;
    if (only_space(text, len)) {
        diag_add(d, file, 1,
                 "the file is empty (a session file starts "
                 "with version = 1;)");
        return NULL;
    }
    struct out o = {0};
    struct scan s = {.file = file,
                     .d = d,
                     .p = (const unsigned char *)text,
                     .end = (const unsigned char *)text + len,
                     .line = 1,
                     .at_line_start = true,
                     .state = CODE};
    bool ok = put(&o, "", 0);
    unsigned char prev = ' ';
    while (ok && s.p < s.end) {
        uint32_t cp;
        size_t n = *s.p ? utf8_decode(s.p, (size_t)(s.end - s.p), &cp) : 0;
        if (n == 0) {
            diag_add(d, file, s.line,
                     *s.p ? "not a text file (byte 0x%02x is not UTF-8)"
                          : "not a text file (a zero byte)",
                     *s.p);
            return fail(&o);
        }
        if (s.state == CODE && s.at_line_start && *s.p != ' ' && *s.p != '\t') {
            s.at_line_start = false;
            if ((size_t)(s.end - s.p) >= 8 && memcmp(s.p, "@include", 8) == 0) {
                diag_add(d, file, s.line,
                         "@include is not allowed: the file "
                         "must be complete in itself");
                return fail(&o);
            }
        }
        size_t take;
        if (number_starts(&s, prev)) {
            const unsigned char *t = s.p + 1;
            while (t < s.end && token_char(*t))
                t++;
            take = (size_t)(t - s.p);
            ok = put_number(&o, (const char *)s.p, take);
        } else {
            take = s.state == CODE     ? in_code(&s)
                   : s.state == STRING ? in_string(&s, n)
                                       : in_comment(&s, n);
            if (take == 0)
                return fail(&o);
            ok = put(&o, s.p, take);
        }
        for (size_t i = 0; i < take; i++)
            if (s.p[i] == '\n') {
                s.line++;
                s.at_line_start = true;
            }
        prev = s.p[take - 1];
        s.p += take;
    }
    if (!ok) {
        diag_add(d, file, 0, "out of memory");
        return fail(&o);
    }
    o.p[o.len] = '\0';
    return o.p;
}
