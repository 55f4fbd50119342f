/* captions_session.c: a session file's text from captions (see
 * captions_session.h). */
#include "captions_session.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "utf8.h"

enum { NAME_MAX_BYTES = 48, TITLE_MAX_BYTES = 80, FILE_SHOWN = 160 };

void captions_session_at(double seconds, char *buf, size_t n)
{
    long long ms = seconds > 0 ? llround(seconds * 1000.0) : 0;
    long long s = ms / 1000, frac = ms % 1000;
    int len = s >= 3600 ? snprintf(buf, n, "%lld:%02lld:%02lld", s / 3600,
                                   s / 60 % 60, s % 60)
                        : snprintf(buf, n, "%lld:%02lld", s / 60, s % 60);
    if (frac == 0 || len < 0 || (size_t)len >= n)
        return;
    char digits[8];
    snprintf(digits, sizeof(digits), "%03lld", frac);
    for (int i = 2; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
    snprintf(buf + len, n - (size_t)len, ".%s", digits);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The length of a file name without its extension. */
static size_t stem_length(const char *base)
{
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? (size_t)(dot - base) : strlen(base);
}

void captions_session_name(const char *file, char *out, size_t n)
{
    const char *base = base_name(file);
    size_t stem = stem_length(base), len = 0;
    size_t max = n - 1 < NAME_MAX_BYTES ? n - 1 : NAME_MAX_BYTES;
    for (size_t i = 0; i < stem && len < max; i++) {
        char c = base[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[len++] = c;
        else if (len > 0 && out[len - 1] != '-')
            out[len++] = '-';
    }
    while (len > 0 && out[len - 1] == '-')
        len--;
    out[len] = '\0';
    if (len == 0)
        snprintf(out, n, "captions");
}

/* Copies up to max bytes of the n at s into out (room for max + 1),
 * whole characters only, with '?' for each byte of invalid UTF-8 and each
 * character no text may hold. */
static void clean_text(const char *s, size_t n, char *out, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0;
    while (n > 0) {
        uint32_t cp;
        size_t k = utf8_decode(p, n, &cp);
        bool bad = k == 0 || utf8_forbidden(cp);
        size_t put = bad ? 1 : k;
        if (len + put > max)
            break;
        if (bad)
            out[len] = '?';
        else
            memcpy(out + len, p, k);
        len += put;
        p += k ? k : 1;
        n -= k ? k : 1;
    }
    out[len] = '\0';
}

/* A title from the file's name: "body-scan_2.vtt" gives "Body scan 2". */
static void title_of(const char *file, char *out)
{
    const char *base = base_name(file);
    clean_text(base, stem_length(base), out, TITLE_MAX_BYTES);
    for (char *p = out; *p; p++)
        if (*p == '-' || *p == '_')
            *p = ' ';
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    char why[96];
    if (!utf8_check_text(out, why, sizeof(why)))
        snprintf(out, TITLE_MAX_BYTES + 1, "Captions");
}

/* A growing text. */
struct out {
    char *buf;
    size_t len, cap;
    bool failed;
};

static void add_bytes(struct out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->failed = true;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void add(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add(struct out *o, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(buf))
        o->failed = true; /* never: every piece is short */
    else
        add_bytes(o, buf, (size_t)n);
}

/* s in double quotes, as libconfig reads it back: '"' and '\' escaped
 * (a text holds no control character to escape). */
static void add_quoted(struct out *o, const char *s)
{
    add_bytes(o, "\"", 1);
    for (const char *p = s; *p;) {
        size_t run = strcspn(p, "\"\\");
        add_bytes(o, p, run);
        p += run;
        if (*p) {
            char esc[2] = {'\\', *p++};
            add_bytes(o, esc, 2);
        }
    }
    add_bytes(o, "\"", 1);
}

static void add_head(struct out *o, const char *captions, bool play)
{
    char name[NAME_MAX_BYTES + 1], title[TITLE_MAX_BYTES + 1];
    char shown[FILE_SHOWN + 1];
    const char *base = base_name(captions);
    captions_session_name(captions, name, sizeof(name));
    title_of(captions, title);
    clean_text(base, strlen(base), shown, FILE_SHOWN);
    add(o,
        "# Made by stillpoint --captions-session from %s.\n"
        "# Read it through, choose the type, then check it with\n"
        "# stillpoint --check FILE.\n"
        "version = 1;\n\nsessions = (\n  {\n    name = \"%s\";\n"
        "    title = ",
        shown, name);
    add_quoted(o, title);
    add(o, ";\n"
           "    # The type chooses the safety questions asked before the "
           "session and the\n"
           "    # signs to stop: breathing, body-scan, bodywork, pelvic-care "
           "or\n"
           "    # trauma-informed. body-scan is only a placeholder: choose "
           "the one that fits.\n"
           "    type = \"body-scan\";\n    description = ");
    char desc[FILE_SHOWN + 200];
    snprintf(desc, sizeof(desc),
             play ? "The recording, with the captions of %s shown as it "
                    "plays."
                  : "Made from the captions of %s: each caption is said at "
                    "its time.",
             shown);
    add_quoted(o, desc);
    add(o, ";\n    steps = (\n");
}

char *captions_session_text(const struct caption_list *l, const char *captions,
                            const char *recording)
{
    struct out o = {0};
    add_head(&o, captions, recording != NULL);
    if (recording) {
        add(&o, "      { play = ");
        add_quoted(&o, recording);
        add(&o, "; captions = ");
        add_quoted(&o, base_name(captions));
        add(&o, "; }\n");
    }
    for (size_t i = 0; !recording && i < l->count; i++) {
        char at[CAPTIONS_SESSION_AT];
        captions_session_at(l->items[i].start, at, sizeof(at));
        add(&o, "      { say = ");
        add_quoted(&o, l->items[i].text);
        add(&o, "; at = \"%s\"; seconds = 0; }%s\n", at,
            i + 1 < l->count ? "," : "");
    }
    add(&o, "    );\n  }\n);\n");
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}
