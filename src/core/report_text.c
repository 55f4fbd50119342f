/* report_text.c: the report's growing string and its escaping (see
 * report_text.h). */
#include "report_text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void put_bytes(struct report_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void report_put(struct report_buf *b, const char *s)
{
    put_bytes(b, s, strlen(s));
}

void report_putf(struct report_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        put_bytes(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put_bytes(b, big, (size_t)n);
    free(big);
}

void report_put_text(struct report_buf *b, const char *s, bool keep_lines)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            report_put(b, "\xef\xbf\xbd"); /* U+FFFD */
            i++;
            continue;
        }
        switch (cp) {
        case '&':
            report_put(b, "&amp;");
            break;
        case '<':
            report_put(b, "&lt;");
            break;
        case '>':
            report_put(b, "&gt;");
            break;
        case '"':
            report_put(b, "&quot;");
            break;
        case '\'':
            report_put(b, "&#39;");
            break;
        default:
            if (cp == '\n' && keep_lines)
                report_put(b, "\n");
            else if (utf8_forbidden(cp))
                report_put(b, " ");
            else
                put_bytes(b, s + i, n);
        }
        i += n;
    }
}

char *report_finish(struct report_buf *b)
{
    if (b->failed || !b->p) {
        free(b->p);
        *b = (struct report_buf){0};
        return NULL;
    }
    char *p = b->p;
    *b = (struct report_buf){0};
    return p;
}
