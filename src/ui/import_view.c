/* import_view.c: the import screen: a preview of a dropped bundle, every
 * session it adds and the safety profiles they bring, or the reasons it
 * is refused. A bundle holding more sessions than the window can list is
 * not imported from here: nothing is added that the screen did not
 * show. */
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
    bool all_shown; /* the last frame listed every session it adds */
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
    return v && v->b && v->all_shown;
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

/* A heading and up to max items of a list, drawn (draw) or only
 * measured; returns the y below. */
static int items(struct text *t, bool draw, int x, int y, int w,
                 const char *heading, const struct text_list *l, size_t max,
                 SDL_Color hc)
{
    if (l->count == 0)
        return y;
    y += draw ? text_draw(t, TEXT_SMALL, hc, ALIGN_LEFT, x, y, w, heading)
              : text_height(t, TEXT_SMALL, w, heading);
    for (size_t i = 0; i < l->count && i < max; i++) {
        char line[400];
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        y += draw ? text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, x + w / 40,
                              y, w - w / 40, line)
                  : text_height(t, TEXT_SMALL, w - w / 40, line);
    }
    if (l->count > max) {
        char more[64];
        snprintf(more, sizeof(more), "\xe2\x80\xa6 and %zu more",
                 l->count - max);
        y += draw ? text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x + w / 40,
                              y, w, more)
                  : text_height(t, TEXT_SMALL, w, more);
    }
    return y + text_line_height(t, TEXT_SMALL) / 3;
}

enum { BRIEF = 3 };

/* A safety profile: what it asks first and the signs it names, fewer of
 * them at each level up to BRIEF: only the first questions, under the
 * name of its type (the signs show during and after each session). */
static int profile(const struct safety_profile *p, int level, struct text *t,
                   bool draw, int x, int y, int w)
{
    char head[200];
    size_t most = level >= BRIEF ? 2 : (size_t)(4 - level);
    if (level >= BRIEF)
        snprintf(head, sizeof(head),
                 "%s sessions ask first (a yes stops them; then ask %s):",
                 p->type, p->ask ? p->ask : "your therapist");
    else
        snprintf(head, sizeof(head),
                 "It asks first (a yes stops it; then ask %s):",
                 p->ask ? p->ask : "your therapist");
    y = items(t, draw, x, y, w, head, &p->contraindications, most,
              COLOR_ACCENT);
    if (level >= BRIEF)
        return y;
    y = items(t, draw, x, y, w, "Stop at once if you notice:", &p->stop_signs,
              most, COLOR_WARN);
    return items(t, draw, x, y, w,
                 "See a doctor after it if:", &p->doctor_signs, most - 1,
                 COLOR_WARN);
}

/* A session as the list shows it: long, or short for a column. */
static void entry(const struct session *s, bool shortly, char *out, size_t n)
{
    double min = load_estimate_seconds(s) / 60.0 + 0.49;
    if (shortly)
        snprintf(out, n, "\xe2\x80\xa2 %s \xc2\xb7 %s", s->title, s->type);
    else
        snprintf(out, n,
                 "\xe2\x80\xa2 %s  \xe2\x80\x94  %s \xc2\xb7 type %s "
                 "\xc2\xb7 about %.0f minute%s",
                 s->title, s->name, s->type, min, min < 1.5 ? "" : "s");
}

enum { MAX_COLUMNS = 4 };

/* Lays out every session of c in cols columns of width cw from y to
 * end: the top of each in tops (NULL: only measure). Returns the y below
 * the longest column, or -1 when they do not all fit. */
static int lay_out(const struct catalog *c, struct text *t, int cols, int cw,
                   int y, int end, int *tops)
{
    int col = 0, at = y, low = y;
    for (size_t i = 0; i < catalog_count(c); i++) {
        char line[400];
        entry(catalog_get(c, i), cols > 1, line, sizeof(line));
        int lh = text_height(t, TEXT_SMALL, cw, line);
        if (at + lh > end && at > y && ++col < cols)
            at = y;
        if (col >= cols || at + lh > end)
            return -1;
        if (tops)
            tops[i] = col << 16 | (at - y);
        at += lh;
        low = at > low ? at : low;
    }
    return low;
}

/* The sessions of a bundle holding several, in as few columns as hold
 * them all. Returns the y below, or -1 when even MAX_COLUMNS cannot. */
static int draw_list(const struct catalog *c, struct text *t, int x, int y,
                     int w, int end)
{
    int gap = w / 40;
    for (int cols = 1; cols <= MAX_COLUMNS; cols++) {
        int cw = (w - (cols - 1) * gap) / cols;
        if (lay_out(c, t, cols, cw, y, end, NULL) < 0)
            continue;
        int *tops = calloc(catalog_count(c), sizeof(*tops));
        if (!tops)
            return -1;
        int low = lay_out(c, t, cols, cw, y, end, tops);
        for (size_t i = 0; i < catalog_count(c); i++) {
            char line[400];
            entry(catalog_get(c, i), cols > 1, line, sizeof(line));
            text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT,
                      x + (tops[i] >> 16) * (cw + gap), y + (tops[i] & 0xffff),
                      cw, line);
        }
        free(tops);
        return low;
    }
    return -1;
}

/* The line naming the types of profiles[shown..k) not shown. */
static void rest_text(const struct safety_profile **p, size_t k, size_t shown,
                      char *rest, size_t n)
{
    int used = snprintf(rest, n, "The questions and signs of %s type%s ",
                        shown ? "the other" : "its", k - shown > 1 ? "s" : "");
    for (size_t i = shown; i < k && used >= 0 && (size_t)used < n; i++)
        used += snprintf(rest + used, n - (size_t)used, "%s%s",
                         i > shown ? ", " : "", p[i]->type);
    if (used >= 0 && (size_t)used < n)
        snprintf(rest + used, n - (size_t)used,
                 " come before each of their sessions.");
}

/* The safety profiles the sessions bring, each once: those the file
 * defines first (the ones no stillpoint knows), then the built-in ones;
 * several go briefly in two columns. As many as fit above end are shown,
 * and the rest named in a line. */
static int draw_profiles(const struct catalog *c, struct text *t, int x, int y,
                         int w, int end)
{
    size_t n = catalog_count(c), k = 0;
    const struct safety_profile **p = calloc(n, sizeof(*p));
    if (!p)
        return y;
    for (int builtin = 0; builtin <= 1; builtin++)
        for (size_t i = 0; i < n; i++) {
            const struct safety_profile *s = catalog_get(c, i)->safety;
            size_t j = 0;
            while (j < k && p[j] != s)
                j++;
            if (j == k && s->builtin == (builtin == 1))
                p[k++] = s;
        }
    /* One profile as fully as fits; several briefly, in two columns. */
    int level = k > 1 ? BRIEF : 0;
    while (level < BRIEF && profile(p[0], level, t, false, 0, y, w) > end)
        level++;
    int gap = w / 40, cols = k > 1 ? 2 : 1, cw = (w - (cols - 1) * gap) / cols;
    char rest[300];
    rest_text(p, k, 0, rest, sizeof(rest)); /* the longest it can be */
    int reserve = text_height(t, TEXT_SMALL, w, rest);
    int col = 0, at = y, low = y;
    size_t shown = 0;
    for (; shown < k; shown++) {
        int room = shown + 1 < k ? end - reserve : end;
        int below = profile(p[shown], level, t, false, 0, at, cw);
        if (below > room && at > y && col + 1 < cols) {
            col++;
            at = y;
            below = profile(p[shown], level, t, false, 0, at, cw);
        }
        if (below > room)
            break;
        at = profile(p[shown], level, t, true, x + col * (cw + gap), at, cw);
        low = at > low ? at : low;
    }
    y = low;
    if (shown < k) {
        /* (when the list took the room, the profiles still come before
         * each session: the line only says so) */
        rest_text(p, k, shown, rest, sizeof(rest));
        if (y + text_height(t, TEXT_SMALL, w, rest) <= end)
            y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y, w, rest);
    }
    free(p);
    return y;
}

/* The preview of a bundle that passed every check. Returns whether it
 * showed every session the import would add. */
static bool draw_preview(const struct import_view *v, struct text *t, int x,
                         int y, int w, int bottom)
{
    const struct catalog *c = bundle_import_sessions(v->b);
    size_t n = catalog_count(c);
    int line = text_line_height(t, TEXT_SMALL);
    const char *hint = n == 1 ? "Enter adds it to your sessions; Esc leaves it."
                              : "Enter adds them all to your sessions; Esc "
                                "leaves them.";
    int end = bottom - text_height(t, TEXT_SMALL, w, hint) - line / 2;
    if (n == 1) {
        const struct session *s = catalog_get(c, 0);
        y += text_draw(t, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, x, y, w, s->title);
        char about[300];
        double min = load_estimate_seconds(s) / 60.0 + 0.49;
        snprintf(about, sizeof(about),
                 "%s \xc2\xb7 type %s \xc2\xb7 about %.0f minute%s", s->name,
                 s->type, min, min < 1.5 ? "" : "s");
        y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y, w, about);
    } else {
        char head[80];
        snprintf(head, sizeof(head), "It adds these %zu sessions:", n);
        int hh = text_height(t, TEXT_BODY, w, head);
        int low = draw_list(c, t, x, y + hh, w, end);
        if (low < 0) {
            char why[400];
            snprintf(why, sizeof(why),
                     "It holds %zu sessions, more than this window can list "
                     "at once, and nothing is imported unseen. Make the "
                     "window larger (F11) or the text smaller (C on the "
                     "menu) to see them all, or import it with stillpoint "
                     "--import in a terminal.",
                     n);
            y += text_draw(t, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, x, y, w, why);
            text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y + line / 2, w,
                      "Esc leaves it; nothing was added to your sessions.");
            return false;
        }
        text_draw(t, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, x, y, w, head);
        y = low;
    }
    y = draw_profiles(c, t, x, y + line / 2, w, end);
    text_draw(t, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, x, end + line / 2, w,
              hint);
    return true;
}

void import_view_draw(struct import_view *v, SDL_Renderer *r, struct text *t,
                      int w, int h, int bottom)
{
    (void)r;
    int m = w / 12, tw = w - 2 * m, y = h / 16;
    bool several = v && v->b && catalog_count(bundle_import_sessions(v->b)) > 1;
    y += text_draw(t, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, tw,
                   several ? "Import sessions" : "Import a session");
    y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, tw,
                   v ? v->path : "");
    y += h / 30;
    if (v && v->b) {
        v->all_shown = draw_preview(v, t, m, y, tw, bottom);
        return;
    }
    y += text_draw(t, TEXT_BODY, COLOR_WARN, ALIGN_LEFT, m, y, tw,
                   v ? "This cannot be imported:" : "Out of memory.");
    y += h / 60;
    const char *nothing = "Nothing was added to your sessions.";
    int last = bottom - 2 * text_height(t, TEXT_SMALL, tw, nothing);
    size_t i = 0;
    for (; v && i < v->problems.count; i++) {
        int ph = text_height(t, TEXT_SMALL, tw, v->problems.msgs[i]);
        if (y + ph > last)
            break;
        y += text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, m, y, tw,
                       v->problems.msgs[i]) +
             h / 100;
    }
    char more[160];
    snprintf(more, sizeof(more),
             "%s (%zu more problem%s: stillpoint --import names them all.)",
             nothing, v ? v->problems.count - i : 0,
             v && v->problems.count - i == 1 ? "" : "s");
    if (v)
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, tw,
                  v->problems.count > i ? more : nothing);
}
