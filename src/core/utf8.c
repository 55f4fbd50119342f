/* utf8.c: decoding, the visible-text rule and terminal escaping. */
#include "utf8.h"

#include <stdio.h>
#include <string.h>

size_t utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp)
{
    size_t n;
    uint32_t min;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xe0) == 0xc0)
        n = 2, min = 0x80;
    else if ((p[0] & 0xf0) == 0xe0)
        n = 3, min = 0x800;
    else if ((p[0] & 0xf8) == 0xf0)
        n = 4, min = 0x10000;
    else
        return 0;
    if (avail < n)
        return 0;
    uint32_t c = p[0] & (0x7fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3fu);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return n;
}

/* Ranges of code points that show nothing by themselves (Unicode 15):
 * White_Space, Default_Ignorable_Code_Point, the format characters (Cf),
 * the Hangul fillers and the blank braille pattern. Sorted. */
static const uint32_t invisible[][2] = {
    {0x0009, 0x000d},   {0x0020, 0x0020},   {0x0085, 0x0085},
    {0x00a0, 0x00a0},   {0x00ad, 0x00ad},   {0x034f, 0x034f},
    {0x061c, 0x061c},   {0x115f, 0x1160},   {0x1680, 0x1680},
    {0x17b4, 0x17b5},   {0x180b, 0x180f},   {0x2000, 0x200f},
    {0x2028, 0x202f},   {0x205f, 0x206f},   {0x2800, 0x2800},
    {0x3000, 0x3000},   {0x3164, 0x3164},   {0xfe00, 0xfe0f},
    {0xfeff, 0xfeff},   {0xffa0, 0xffa0},   {0xfff0, 0xfffb},
    {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0000, 0xe0fff},
};

bool utf8_invisible(uint32_t cp)
{
    size_t lo = 0, hi = sizeof(invisible) / sizeof(invisible[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < invisible[mid][0])
            hi = mid;
        else if (cp > invisible[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

bool utf8_forbidden(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

bool utf8_check_text(const char *s, char *why, size_t whylen)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s);
    bool visible = false;
    while (left > 0) {
        uint32_t cp;
        size_t n = utf8_decode(p, left, &cp);
        if (n == 0) {
            snprintf(why, whylen, "invalid UTF-8 (byte 0x%02x)", *p);
            return false;
        }
        if (utf8_forbidden(cp)) {
            snprintf(why, whylen, "%s U+%04X in text",
                     cp < 0xa0 ? "control character" : "bidi control",
                     (unsigned)cp);
            return false;
        }
        if (!utf8_invisible(cp))
            visible = true;
        p += n;
        left -= n;
    }
    if (!visible) {
        snprintf(why, whylen,
                 "shows nothing (only spaces or invisible characters)");
        return false;
    }
    return true;
}

char *utf8_escape(const char *s, char *out, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s), used = 0;
    while (left > 0) {
        uint32_t cp;
        size_t len = utf8_decode(p, left, &cp);
        char esc[16];
        const char *piece = (const char *)p;
        size_t plen = len;
        if (len == 0) {
            snprintf(esc, sizeof(esc), "\\x%02x", *p);
            piece = esc;
            plen = strlen(esc);
            len = 1;
        } else if (utf8_forbidden(cp)) {
            snprintf(esc, sizeof(esc), "\\u{%04X}", (unsigned)cp);
            piece = esc;
            plen = strlen(esc);
        }
        if (used + plen >= n)
            break;
        memcpy(out + used, piece, plen);
        used += plen;
        p += len;
        left -= len;
    }
    out[used] = '\0';
    return out;
}
