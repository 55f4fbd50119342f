/* captions_text.c: a caption's shown words from its lines, and the lines
 * a rolling caption repeats (see captions_text.h). */
#include "captions_text.h"

#include <stdint.h>
#include <string.h>

static void put(struct captions_text *t, const char *p, size_t n)
{
    if (t->len + n < CAPTIONS_TEXT_BUF)
        memcpy(t->buf + t->len, p, n);
    t->len += n;
}

static void put_space(struct captions_text *t)
{
    if (t->len > 0 &&
        (t->len > CAPTIONS_TEXT_BUF - 1 || t->buf[t->len - 1] != ' '))
        put(t, " ", 1);
}

/* Writes code point cp as UTF-8; false for none (0, a surrogate, past
 * U+10FFFF). */
static bool put_code_point(struct captions_text *t, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
        return false;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    put(t, u, n);
    return true;
}

/* A numeric character reference's digits (&#233; &#xE9;), or 0. */
static uint32_t numeric_entity(const char *p, const char *semi)
{
    bool hex = p < semi && (*p == 'x' || *p == 'X');
    uint32_t v = 0;
    p += hex;
    if (p == semi || semi - p > 7)
        return 0;
    for (; p < semi; p++) {
        int dv = *p >= '0' && *p <= '9'          ? *p - '0'
                 : hex && *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                 : hex && *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
                                                 : -1;
        if (dv < 0)
            return 0;
        v = v * (hex ? 16 : 10) + (uint32_t)dv;
    }
    return v;
}

/* The character reference at p (on '&'), written to t: returns the bytes
 * it took, or 0 when it is none we know (then '&' is plain text). */
static size_t entity(struct captions_text *t, const char *p, const char *end)
{
    static const struct {
        const char *name, *text;
    } named[] = {
        {"amp", "&"},  {"lt", "<"},          {"gt", ">"}, {"quot", "\""},
        {"apos", "'"}, {"nbsp", "\xc2\xa0"}, {"lrm", ""}, {"rlm", ""},
    };
    const char *semi = p + 1;
    while (semi < end && semi - p <= 10 && *semi != ';')
        semi++;
    if (semi >= end || *semi != ';')
        return 0;
    size_t n = (size_t)(semi - p - 1);
    if (n > 0 && p[1] == '#')
        return put_code_point(t, numeric_entity(p + 2, semi)) ? n + 2 : 0;
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
        if (strlen(named[i].name) == n &&
            memcmp(p + 1, named[i].name, n) == 0) {
            put(t, named[i].text, strlen(named[i].text));
            return n + 2;
        }
    }
    return 0;
}

/* The last place of c in the line, or NULL. */
static const char *last_of(const char *p, const char *end, char c)
{
    while (end > p)
        if (*--end == c)
            return end;
    return NULL;
}

/* Where the markup starting at p ends (past its closing character), or p
 * itself when p starts no markup: in WebVTT every '<' opens a tag (to
 * its '>' or the end of the line); in SubRip a '<' before a letter or a
 * '/' does, and "{\" opens an override like {\an8}, when they close. */
static const char *markup_end(bool vtt, const char *p, const char *end,
                              const char *last_gt, const char *last_brace)
{
    if (*p == '<' && vtt) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        return gt ? gt + 1 : end;
    }
    if (*p == '<' && last_gt && last_gt > p && p + 1 < end &&
        (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z') ||
         (p[1] >= 'A' && p[1] <= 'Z')))
        return (const char *)memchr(p, '>', (size_t)(end - p)) + 1;
    if (*p == '{' && last_brace && last_brace > p && p + 1 < end &&
        p[1] == '\\')
        return (const char *)memchr(p, '}', (size_t)(end - p)) + 1;
    return p;
}

/* One text line into t (after a space when t holds text): tags and
 * overrides left out, references decoded, tabs and runs of spaces made
 * one space. */
void captions_text_line(struct captions_text *t, const char *p, size_t len,
                        bool vtt)
{
    const char *end = p + len;
    const char *last_gt = last_of(p, end, '>');
    const char *last_brace = last_of(p, end, '}');
    put_space(t);
    while (p < end && t->len < CAPTIONS_TEXT_BUF) {
        const char *past = markup_end(vtt, p, end, last_gt, last_brace);
        if (past != p) {
            p = past;
        } else if (*p == ' ' || *p == '\t') {
            put_space(t);
            p++;
        } else if (*p == '&') {
            size_t n = entity(t, p, end);
            if (n == 0)
                put(t, p, 1);
            p += n ? n : 1;
        } else {
            put(t, p++, 1);
        }
    }
}

void captions_text_trim(struct captions_text *t)
{
    if (t->len > 0 && t->len < CAPTIONS_TEXT_BUF && t->buf[t->len - 1] == ' ')
        t->len--;
}

void captions_lines_clear(struct captions_lines *c)
{
    c->text.len = 0;
    c->count = 0;
}

void captions_lines_add(struct captions_lines *c,
                        const struct captions_text *line, int no)
{
    if (c->count > 0)
        put(&c->text, " ", 1);
    size_t at = c->text.len;
    put(&c->text, line->buf, line->len); /* past the buffer, counted */
    if (at < CAPTIONS_TEXT_BUF && c->count < CAPTIONS_TEXT_BUF / 2) {
        c->start[c->count] = (unsigned short)at;
        c->no[c->count++] = no;
    }
}

/* Line i of c: where it starts, and its length (through *len). */
static const char *line_of(const struct captions_lines *c, size_t i,
                           size_t *len)
{
    size_t end = i + 1 < c->count ? (size_t)c->start[i + 1] - 1 : c->text.len;
    *len = end - c->start[i];
    return c->text.buf + c->start[i];
}

static bool same_line(const struct captions_lines *a, size_t i,
                      const struct captions_lines *b, size_t j)
{
    size_t na, nb;
    const char *pa = line_of(a, i, &na), *pb = line_of(b, j, &nb);
    return na == nb && memcmp(pa, pb, na) == 0;
}

size_t captions_lines_repeated(const struct captions_lines *c,
                               const struct captions_lines *prev)
{
    if (c->text.len >= CAPTIONS_TEXT_BUF || prev->text.len >= CAPTIONS_TEXT_BUF)
        return 0;
    size_t most = c->count < prev->count ? c->count : prev->count;
    if (most > CAPTIONS_ROLL_LINES)
        most = CAPTIONS_ROLL_LINES;
    for (size_t k = most; k > 0; k--) {
        size_t i = 0;
        while (i < k && same_line(c, i, prev, prev->count - k + i))
            i++;
        if (i == k)
            return k;
    }
    return 0;
}
