/* import_view.c: the import screen: a preview of a dropped bundle with
 * the safety profile its sessions bring, or the reasons it is refused. */
#include "import_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../load/bundle.h"
#include "../load/loader.h"
#include "draw.h"

struct import_view {
    char path[1024];
    struct bundle_import *b; /* NULL once refused or imported */
    struct diag_list problems;
    char first[64];
};

struct import_view *import_view_open(const struct library *lib,
                                     const char *path)
{
    struct import_view *v = calloc(1, sizeof(*v));
    if (!v)
        return NULL;
    snprintf(v->path, sizeof(v->path), "%s", path);
    diag_init(&v->problems);
    int status;
    v->b = bundle_import_open(lib, path, false, &v->problems, &status);
    return v;
}

void import_view_free(struct import_view *v)
{
    if (!v)
        return;
    bundle_import_free(v->b);
    free(v);
}

bool import_view_ready(const struct import_view *v)
{
    return v && v->b;
}

const char *import_view_commit(struct import_view *v, struct library *lib)
{
    if (!import_view_ready(v))
        return NULL;
    char where[PATHS_MAX * 2];
    const struct catalog *c = bundle_import_sessions(v->b);
    snprintf(v->first, sizeof(v->first), "%s", catalog_get(c, 0)->name);
    int rc =
        bundle_import_commit(v->b, lib, where, sizeof(where), &v->problems);
    bundle_import_free(v->b);
    v->b = NULL;
    return rc == BUNDLE_OK ? v->first : NULL;
}

/* A heading and up to max items of a list; returns the y below. */
static int draw_items(struct text *t, int x, int y, int w, int bottom,
                      const char *heading, const struct text_list *l,
                      size_t max, SDL_Color hc)
{
    if (l->count == 0 || y >= bottom)
        return y;
    y += text_draw(t, TEXT_SMALL, hc, ALIGN_LEFT, x, y, w, heading);
    for (size_t i = 0; i < l->count && i < max && y < bottom; i++) {
        char line[400];
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        y += text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, x + w / 40, y,
                       w - w / 40, line);
    }
    if (l->count > max && y < bottom) {
        char more[64];
        snprintf(more, sizeof(more), "\xe2\x80\xa6 and %zu more",
                 l->count - max);
        y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x + w / 40, y, w,
                       more);
    }
    return y + text_line_height(t, TEXT_SMALL) / 3;
}

static int draw_session(const struct session *s, struct text *t, int x, int y,
                        int w, int bottom)
{
    y += text_draw(t, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, x, y, w, s->title);
    char line[300];
    snprintf(line, sizeof(line),
             "%s \xc2\xb7 type %s \xc2\xb7 about %.0f "
             "minutes",
             s->name, s->type, load_estimate_seconds(s) / 60.0 + 0.49);
    y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y, w, line);
    y += text_line_height(t, TEXT_SMALL) / 2;
    const struct safety_profile *p = s->safety;
    char ask[200];
    snprintf(ask, sizeof(ask), "It asks first (a yes stops it; then ask %s):",
             p->ask ? p->ask : "your therapist");
    y = draw_items(t, x, y, w, bottom, ask, &p->contraindications, 4,
                   COLOR_ACCENT);
    y = draw_items(t, x, y, w, bottom,
                   "Stop at once if you notice:", &p->stop_signs, 4,
                   COLOR_WARN);
    return draw_items(t, x, y, w, bottom,
                      "See a doctor after it if:", &p->doctor_signs, 3,
                      COLOR_WARN);
}

void import_view_draw(const struct import_view *v, SDL_Renderer *r,
                      struct text *t, int w, int h)
{
    (void)r;
    int m = w / 12, tw = w - 2 * m, y = h / 16, bottom = h * 5 / 6;
    y += text_draw(t, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, tw,
                   "Import a session");
    y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, tw,
                   v ? v->path : "");
    y += h / 30;
    if (import_view_ready(v)) {
        const struct catalog *c = bundle_import_sessions(v->b);
        for (size_t i = 0; i < catalog_count(c) && y < bottom; i++)
            y = draw_session(catalog_get(c, i), t, m, y, tw, bottom) + h / 40;
        if (y < bottom)
            text_draw(t, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, m, y, tw,
                      "Enter adds it to your sessions; Esc leaves it.");
        return;
    }
    y += text_draw(t, TEXT_BODY, COLOR_WARN, ALIGN_LEFT, m, y, tw,
                   v ? "This cannot be imported:" : "Out of memory.");
    y += h / 60;
    for (size_t i = 0; v && i < v->problems.count && y < bottom; i++)
        y += text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, m, y, tw,
                       v->problems.msgs[i]) +
             h / 100;
    if (v && y < bottom)
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, tw,
                  "Nothing was added to your sessions.");
}
