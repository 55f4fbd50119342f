/* layout_log.c: the layout of each frame, for tests (see layout_log.h). */
#include "layout_log.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct {
    bool opened;
    FILE *f;
    char *now, *last; /* this frame and the last one written */
    size_t len, cap;
} lg;

static bool on(void)
{
    if (!lg.opened) {
        const char *path = getenv("STILLPOINT_LAYOUT_LOG");
        lg.f = path && *path ? fopen(path, "a") : NULL;
        lg.opened = true;
    }
    return lg.f != NULL;
}

static void add(const char *s)
{
    size_t n = strlen(s);
    if (lg.len + n + 1 > lg.cap) {
        size_t cap = (lg.len + n + 1) * 2;
        char *p = realloc(lg.now, cap);
        if (!p)
            return;
        lg.now = p;
        lg.cap = cap;
    }
    memcpy(lg.now + lg.len, s, n + 1);
    lg.len += n;
}

static void line(const char *kind, const SDL_Rect *r, const char *s)
{
    if (!on())
        return;
    char head[96];
    snprintf(head, sizeof(head), "%s %d %d %d %d\t", kind, r->x, r->y, r->w,
             r->h);
    add(head);
    char one[2] = {0};
    for (const char *p = s ? s : ""; *p; p++) {
        one[0] = *p == '\n' || *p == '\t' ? ' ' : *p;
        add(one);
    }
    add("\n");
}

void layout_log_begin(int w, int h)
{
    if (!on())
        return;
    lg.len = 0;
    char head[64];
    snprintf(head, sizeof(head), "frame %d %d\n", w, h);
    add(head);
}

void layout_log_text(const SDL_Rect *r, const char *s)
{
    line("text", r, s);
}

void layout_log_rect(const char *kind, const SDL_Rect *r, const char *label)
{
    line(kind, r, label);
}

void layout_log_end(void)
{
    if (!on() || !lg.now)
        return;
    add("end\n");
    if (lg.last && strcmp(lg.last, lg.now) == 0)
        return;
    fputs(lg.now, lg.f);
    fflush(lg.f);
    free(lg.last);
    lg.last = strdup(lg.now);
}
