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
    if (!put(&o, "", 0)) {
        diag_add(d, file, 0, "out of memory");
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    int line = 1, depth = 0, string_line = 0;
    size_t string_len = 0;
    bool ok = true, at_line_start = true;
    unsigned char prev = ' ';
    enum { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT } state = CODE;
    while (p < end) {
        if (*p == 0) {
            diag_add(d, file, line, "not a text file (a zero byte)");
            return fail(&o);
        }
        uint32_t cp;
        size_t n = utf8_decode(p, (size_t)(end - p), &cp);
        if (n == 0) {
            diag_add(d, file, line,
                     "not a text file (byte 0x%02x is not "
                     "UTF-8)",
                     *p);
            return fail(&o);
        }
        unsigned char c = *p;
        if (state == CODE && at_line_start && c != ' ' && c != '\t') {
            at_line_start = false;
            if ((size_t)(end - p) >= 8 && memcmp(p, "@include", 8) == 0) {
                diag_add(d, file, line,
                         "@include is not allowed: the file "
                         "must be complete in itself");
                ok = false;
            }
        }
        if (state == CODE && !name_char(prev) &&
            (isdigit(c) ||
             ((c == '-' || c == '+') && p + 1 < end && isdigit(p[1])))) {
            const unsigned char *t = p + 1;
            while (t < end && token_char(*t))
                t++;
            if (!put_number(&o, (const char *)p, (size_t)(t - p)))
                goto oom;
            prev = t[-1];
            p = t;
            continue;
        }
        size_t take = n;
        switch (state) {
        case CODE:
            if (c == '"') {
                state = STRING;
                string_len = 0;
                string_line = line;
            } else if (c == '#') {
                state = LINE_COMMENT;
            } else if (c == '/' && p + 1 < end && p[1] == '/') {
                state = LINE_COMMENT;
            } else if (c == '/' && p + 1 < end && p[1] == '*') {
                state = BLOCK_COMMENT;
                take = 2;
            } else if (c == '{' || c == '(' || c == '[') {
                if (++depth > PRESCAN_MAX_DEPTH) {
                    diag_add(d, file, line, "nested deeper than %d levels",
                             PRESCAN_MAX_DEPTH);
                    return fail(&o);
                }
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
            break;
        case STRING:
            if (c == '\\' && p + 1 < end) {
                /* What follows a backslash is text too. */
                size_t m =
                    p[1] ? utf8_decode(p + 1, (size_t)(end - p - 1), &cp) : 0;
                if (m == 0) {
                    diag_add(d, file, line,
                             p[1] ? "not a text file (byte 0x%02x is not "
                                    "UTF-8)"
                                  : "not a text file (a zero byte)",
                             p[1]);
                    return fail(&o);
                }
                take = 1 + m;
                string_len++;
            } else if (c == '"') {
                state = CODE;
            } else if (++string_len > PRESCAN_MAX_STRING) {
                diag_add(d, file, string_line, "text longer than %d characters",
                         PRESCAN_MAX_STRING);
                return fail(&o);
            }
            break;
        case LINE_COMMENT:
            if (c == '\n')
                state = CODE;
            break;
        case BLOCK_COMMENT:
            if (c == '*' && p + 1 < end && p[1] == '/') {
                state = CODE;
                take = 2;
            }
            break;
        }
        for (size_t i = 0; i < take; i++)
            if (p[i] == '\n') {
                line++;
                at_line_start = true;
            }
        if (!put(&o, p, take))
            goto oom;
        prev = p[take - 1];
        p += take;
    }
    if (!ok)
        return fail(&o);
    o.p[o.len] = '\0';
    return o.p;
oom:
    diag_add(d, file, 0, "out of memory");
    return fail(&o);
}
