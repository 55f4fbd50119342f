/* text.c: fonts and a small cache of rendered strings. */
#include "text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/layout.h"
#include "layout_log.h"

/* Cached strings, at most CACHE of them and CACHE_BYTES of pixels: a
 * countdown makes a new string every second. */
enum { CACHE = 96, CACHE_BYTES = 4 << 20 };

_Static_assert((int)TEXT_SIZES == (int)LAYOUT_SIZES,
               "core/layout.c sizes each kind of text");

static const char *const font_paths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

struct entry {
    char *s;
    enum text_size size;
    int wrap;
    int align;
    SDL_Color color;
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
};

struct text {
    SDL_Renderer *r;
    const char *path;
    TTF_Font *fonts[TEXT_SIZES];
    struct entry cache[CACHE];
    unsigned long clock;
    size_t bytes;
};

static void drop(struct text *t, struct entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->s);
    t->bytes -= (size_t)e->w * (size_t)e->h * 4;
    memset(e, 0, sizeof(*e));
}

static void flush(struct text *t)
{
    for (int i = 0; i < CACHE; i++)
        if (t->cache[i].s)
            drop(t, &t->cache[i]);
}

static void close_fonts(struct text *t)
{
    for (int i = 0; i < TEXT_SIZES; i++) {
        if (t->fonts[i])
            TTF_CloseFont(t->fonts[i]);
        t->fonts[i] = NULL;
    }
}

bool text_rescale(struct text *t, double scale, double text_size)
{
    flush(t);
    close_fonts(t);
    for (int i = 0; i < TEXT_SIZES; i++) {
        t->fonts[i] =
            TTF_OpenFont(t->path, layout_font_points(i, scale, text_size));
        if (!t->fonts[i])
            return false;
    }
    return true;
}

struct text *text_open(SDL_Renderer *r, double scale, double text_size,
                       char *err, size_t n)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, n, "cannot start SDL2_ttf: %s", TTF_GetError());
        return NULL;
    }
    struct text *t = calloc(1, sizeof(*t));
    if (!t) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    t->r = r;
    for (size_t i = 0; i < sizeof(font_paths) / sizeof(font_paths[0]); i++) {
        FILE *f = fopen(font_paths[i], "rb");
        if (f) {
            fclose(f);
            t->path = font_paths[i];
            break;
        }
    }
    if (!t->path || !text_rescale(t, scale, text_size)) {
        snprintf(err, n,
                 "cannot open the DejaVu Sans font (install "
                 "fonts-dejavu-core)");
        text_close(t);
        return NULL;
    }
    return t;
}

void text_close(struct text *t)
{
    if (!t)
        return;
    flush(t);
    close_fonts(t);
    free(t);
}

static struct entry *lookup(struct text *t, enum text_size size, int wrap,
                            int align, SDL_Color c, const char *s)
{
    struct entry *oldest = &t->cache[0];
    for (int i = 0; i < CACHE; i++) {
        struct entry *e = &t->cache[i];
        if (e->s && e->size == size && e->wrap == wrap && e->align == align &&
            e->color.r == c.r && e->color.g == c.g && e->color.b == c.b &&
            strcmp(e->s, s) == 0) {
            e->used = ++t->clock;
            return e;
        }
        if (e->used < oldest->used)
            oldest = e;
    }
    TTF_SetFontWrappedAlign(t->fonts[size], align == ALIGN_CENTER
                                                ? TTF_WRAPPED_ALIGN_CENTER
                                                : TTF_WRAPPED_ALIGN_LEFT);
    SDL_Surface *surf =
        wrap > 0
            ? TTF_RenderUTF8_Blended_Wrapped(t->fonts[size], s, c, (Uint32)wrap)
            : TTF_RenderUTF8_Blended(t->fonts[size], s, c);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->r, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    char *copy = strdup(s);
    if (!tex || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        return NULL;
    }
    drop(t, oldest);
    /* Then the least recently used, until the pixels fit. */
    t->bytes += (size_t)w * (size_t)h * 4;
    while (t->bytes > CACHE_BYTES) {
        struct entry *lru = NULL;
        for (int i = 0; i < CACHE; i++)
            if (t->cache[i].s && &t->cache[i] != oldest &&
                (!lru || t->cache[i].used < lru->used))
                lru = &t->cache[i];
        if (!lru)
            break;
        drop(t, lru);
    }
    *oldest = (struct entry){copy, size, wrap, align, c, tex, w, h, ++t->clock};
    return oldest;
}

/* For tests: with STILLPOINT_TEXT_LOG naming a file, each string the
 * window draws is appended to it, one a line, unless it is among the last
 * few logged (a screen draws the same strings again and again); the tests
 * read there what a person would see. */
static void log_text(const char *s)
{
    static FILE *log;
    static bool opened;
    static uint64_t recent[64];
    static unsigned next;
    if (!opened) {
        const char *path = getenv("STILLPOINT_TEXT_LOG");
        log = path && *path ? fopen(path, "a") : NULL;
        opened = true;
    }
    if (!log)
        return;
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */
    for (const char *p = s; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    for (unsigned i = 0; i < 64; i++)
        if (recent[i] == h)
            return;
    recent[next++ % 64] = h;
    for (const char *p = s; *p; p++)
        fputc(*p == '\n' ? ' ' : *p, log);
    fputc('\n', log);
    fflush(log);
}

/* A line that fits in w is rendered as one line, as wide as it is (a
 * wrapped rendering is as wide as w), so where it is drawn is where its
 * letters are. */
static struct entry *fitted(struct text *t, enum text_size size, int w,
                            int align, SDL_Color c, const char *s)
{
    if (w > 0 && !strchr(s, '\n')) {
        struct entry *one = lookup(t, size, 0, align, c, s);
        if (one && one->w <= w)
            return one;
    }
    return lookup(t, size, w, align, c, s);
}

int text_draw(struct text *t, enum text_size size, SDL_Color c,
              enum text_align align, int x, int y, int w, const char *s)
{
    if (!s || !*s)
        return 0;
    log_text(s);
    struct entry *e = fitted(t, size, w, (int)align, c, s);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    if (align == ALIGN_CENTER && w > 0)
        dst.x = x + (w - e->w) / 2;
    else if (align == ALIGN_CENTER)
        dst.x = x - e->w / 2;
    SDL_RenderCopy(t->r, e->tex, NULL, &dst);
    layout_log_text(&dst, s);
    return e->h;
}

int text_height(struct text *t, enum text_size size, int w, const char *s)
{
    if (!s || !*s)
        return 0;
    struct entry *e =
        fitted(t, size, w, ALIGN_LEFT, (SDL_Color){255, 255, 255, 255}, s);
    return e ? e->h : 0;
}

int text_width(struct text *t, enum text_size size, const char *s)
{
    if (!s || !*s)
        return 0;
    struct entry *e =
        lookup(t, size, 0, ALIGN_LEFT, (SDL_Color){255, 255, 255, 255}, s);
    return e ? e->w : 0;
}

int text_line_height(struct text *t, enum text_size size)
{
    return TTF_FontLineSkip(t->fonts[size]);
}
