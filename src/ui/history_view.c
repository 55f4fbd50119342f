/* history_view.c: the history screen (see history_view.h): a heading, the
 * bar chart of minutes per day, the ratings before and after of the
 * sessions that have one (dots, no line, no trend), the totals and how
 * sessions ended. */
#include "history_view.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/history.h"
#include "../core/history_report.h"
#include "draw.h"

enum { RATED_MAX = 112 }; /* sessions with a rating shown, the latest */

struct history_view {
    struct history_report rep;
    struct rated { /* a session with a rating, in order of start */
        long day;
        signed char before, after; /* -1: none */
    } rated[RATED_MAX];
    size_t n_rated;
    long today;
    size_t recorded; /* rows in the file, any date */
    size_t damaged;
    bool not_recording;
    char problem[700]; /* why the history cannot be shown, or "" */
};

/* The sessions of the weeks shown that have a rating, oldest first (the
 * latest RATED_MAX when there are more). */
static void keep_rated(struct history_view *v, struct history *h)
{
    history_sort_by_start(h); /* out of memory: the file's order */
    for (size_t i = 0; i < h->count; i++) {
        const struct history_row *r = &h->rows[i];
        long day;
        if ((!r->has_before && !r->has_after) || !history_row_day(r, &day) ||
            day < v->rep.first_day || day > v->today)
            continue;
        if (v->n_rated == RATED_MAX)
            memmove(v->rated, v->rated + 1, --v->n_rated * sizeof *v->rated);
        v->rated[v->n_rated++] =
            (struct rated){day, (signed char)(r->has_before ? r->before : -1),
                           (signed char)(r->has_after ? r->after : -1)};
    }
}

struct history_view *history_view_load(const char *path, bool not_recording)
{
    struct history_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->not_recording = not_recording;
    if (!history_today(0, &v->today)) {
        snprintf(v->problem, sizeof v->problem,
                 "The history cannot be shown: the clock cannot be read.");
        return v;
    }
    struct history h;
    char err[600];
    if (!path[0])
        snprintf(v->problem, sizeof v->problem,
                 "No place for the history (HOME is not set).");
    else if (history_read(path, &h, err, sizeof err) != 0)
        snprintf(v->problem, sizeof v->problem,
                 "The history cannot be shown: %s", err);
    if (v->problem[0])
        return v;
    history_report_build(&h, v->today, HISTORY_VIEW_WEEKS, &v->rep);
    keep_rated(v, &h);
    v->recorded = h.count;
    v->damaged = h.damaged;
    history_free(&h);
    return v;
}

void history_view_free(struct history_view *v)
{
    free(v);
}

static void set(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

/* The chart's top value: the first of a few round numbers of minutes at
 * or above the longest day, so the scale reads at a glance. */
static int scale_minutes(const struct history_report *rep)
{
    double most = 0;
    for (int i = 0; i < rep->days; i++)
        most = rep->minutes[i] > most ? rep->minutes[i] : most;
    static const int steps[] = {10, 20, 30, 60, 90, 120, 180, 240, 360, 480};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (most <= steps[i])
            return steps[i];
    return (int)ceil(most / 120) * 120;
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The bars, one a day, oldest on the left, today on the right; a day
 * without a session is a small mark on the baseline, nothing more. Weeks
 * are labelled at their Mondays. */
static void draw_chart(const struct history_view *v, SDL_Renderer *r,
                       struct text *t, SDL_Rect area)
{
    const struct history_report *rep = &v->rep;
    int top = scale_minutes(rep);
    int small = text_line_height(t, TEXT_SMALL);
    char label[32];
    snprintf(label, sizeof label, "%d min", top);
    int label_w = text_width(t, TEXT_SMALL, "480 min") + small / 2;
    label_w = label_w > area.w / 9 ? label_w : area.w / 9;
    int x0 = area.x + label_w, cw = area.w - label_w;
    int base = area.y + area.h - small - small / 2; /* the baseline */
    int ch = base - area.y - small / 2;             /* bar height at top */

    /* Two faint guide lines: the top of the scale and its half. */
    for (int k = ch / 2 >= small ? 1 : 2; k <= 2; k++) {
        int y = base - ch * k / 2;
        set(r, COLOR_FIGURE);
        SDL_RenderDrawLine(r, x0, y, x0 + cw, y);
        snprintf(label, sizeof label, "%d min", top * k / 2);
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, area.x, y - small / 2,
                  0, label);
    }
    set(r, COLOR_DIM);
    SDL_RenderDrawLine(r, x0, base, x0 + cw, base);

    double slot = (double)cw / rep->days;
    int free_x = area.x; /* where the next date label may begin */
    int bw = (int)(slot * 0.62), mark = small / 6 > 2 ? small / 6 : 2;
    for (int i = 0; i < rep->days; i++) {
        int x = x0 + (int)(slot * i + (slot - bw) / 2);
        double m = rep->minutes[i];
        int bh = (int)(ch * (m > top ? top : m) / top + 0.5);
        if (m > 0 && bh < mark)
            bh = mark; /* a short session still shows */
        if (m > 0) {
            SDL_Rect bar = {x, base - bh, bw, bh};
            set(r, COLOR_FIGURE_LIT);
            SDL_RenderFillRect(r, &bar);
        } else {
            SDL_Rect dot = {x + bw / 2 - mark / 2, base - mark, mark, mark};
            set(r, COLOR_FIGURE);
            SDL_RenderFillRect(r, &dot);
        }
        long day = rep->first_day + i;
        int cx = x + bw / 2, ly = base + small / 3;
        if (i == rep->days - 1) {
            text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_CENTER, cx, ly, 0,
                      "today");
        } else if (history_weekday(day) == 0) {
            /* A Monday's date, where it has room: clear of the last one
             * and of "today", shorter when "Mon 30 Nov" is too wide. */
            int y, mo, d;
            history_day_date(day, &y, &mo, &d);
            snprintf(label, sizeof label, "Mon %d %s", d, months[mo - 1]);
            if (text_width(t, TEXT_SMALL, "Mon 30 Nov") + small > 7 * slot)
                snprintf(label, sizeof label, "%d %s", d, months[mo - 1]);
            int lw = text_width(t, TEXT_SMALL, label);
            int today_x = x0 + (int)(slot * (rep->days - 1) + slot / 2) -
                          text_width(t, TEXT_SMALL, "today") / 2;
            if (cx - lw / 2 < free_x || cx + lw / 2 + small / 2 > today_x)
                continue;
            text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_CENTER, cx, ly, 0, label);
            free_x = cx + lw / 2 + small / 2;
            set(r, COLOR_DIM);
            SDL_RenderDrawLine(r, cx, base, cx, base + small / 5);
        }
    }
}

/* A hollow dot (before): a ring of colour c around the background. */
static void ring(SDL_Renderer *r, int cx, int cy, int rad)
{
    int in = rad - (rad / 3 > 2 ? rad / 3 : 2);
    draw_fill_circle(r, cx, cy, rad, COLOR_FIGURE_LIT);
    draw_fill_circle(r, cx, cy, in > 0 ? in : 0, COLOR_BG);
}

/* The legend above the ratings: a hollow dot for before, a filled one
 * for after, after the words when they fit on one line, else under them.
 * Drawn when r is not NULL; returns its height either way. */
static int rating_legend(struct text *t, SDL_Renderer *r, int x, int y, int w)
{
    int small = text_line_height(t, TEXT_SMALL), rad = small / 4 + 1;
    static const char what[] = "How tense or upset:";
    int marks = 4 * rad + 2 * small / 3 + 2 * small +
                text_width(t, TEXT_SMALL, "before") +
                text_width(t, TEXT_SMALL, "after");
    int hw = text_width(t, TEXT_SMALL, what), h = small;
    bool apart = hw + marks > w; /* the words alone on a line */
    if (apart)
        h += text_height(t, TEXT_SMALL, w, what);
    if (!r)
        return h;
    text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x, y, w, what);
    if (apart) {
        y += h - small;
        hw = -small;
    }
    int lx = x + hw + small, cy = y + small / 2;
    ring(r, lx + rad, cy, rad);
    lx += 2 * rad + small / 3;
    text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, lx, y, 0, "before");
    lx += text_width(t, TEXT_SMALL, "before") + small;
    draw_fill_circle(r, lx + rad, cy, rad, COLOR_ACCENT);
    lx += 2 * rad + small / 3;
    text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, lx, y, 0, "after");
    return h;
}

/* The ratings: one column per session, oldest on the left, a hollow dot
 * for before and a filled one for after on a 0..10 scale; no line joins
 * them. The first and the last session's dates under it. */
static void draw_ratings(const struct history_view *v, SDL_Renderer *r,
                         struct text *t, SDL_Rect area)
{
    int small = text_line_height(t, TEXT_SMALL);
    int legend = rating_legend(t, r, area.x, area.y, area.w) + small / 6;
    area.y += legend;
    area.h -= legend;
    int label_w = text_width(t, TEXT_SMALL, "10") + small;
    label_w = label_w > area.w / 9 ? label_w : area.w / 9;
    int x0 = area.x + label_w, cw = area.w - label_w;
    int rad = small / 4 + 1;
    /* The dates under it only where there is room for them. */
    bool dates = area.h >= 3 * small;
    /* Room for a dot, and for the scale's numbers centred on its lines. */
    int pad = small / 2 > rad ? small / 2 : rad;
    int base = area.y + area.h - (dates ? small : 0) - pad;
    int ch = base - area.y - pad;
    if (ch < 2 * rad)
        ch = 2 * rad;
    for (int k = 0; k <= 10; k += ch >= 3 * small ? 5 : 10) {
        int y = base - ch * k / 10;
        set(r, k ? COLOR_FIGURE : COLOR_DIM);
        SDL_RenderDrawLine(r, x0, y, x0 + cw, y);
        char n[16];
        snprintf(n, sizeof n, "%d", k);
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, area.x, y - small / 2,
                  0, n);
    }
    double slot = (double)cw / (double)v->n_rated;
    slot = slot > 4 * small ? 4 * small : slot;
    int apart = slot >= 5 * rad ? rad + rad / 2 : 0;
    /* The filled dots first, then each ring in a margin of background,
     * so where dots crowd a ring never touches a filled dot. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < v->n_rated; i++) {
            const struct rated *d = &v->rated[i];
            int cx = x0 + (int)(slot * ((double)i + 0.5));
            int value = pass ? d->before : d->after;
            if (value < 0 || value > 10)
                continue;
            int cy = base - ch * value / 10;
            if (pass) {
                draw_fill_circle(r, cx - apart, cy, rad + 4, COLOR_BG);
                ring(r, cx - apart, cy, rad);
            } else {
                draw_fill_circle(r, cx + apart, cy, rad, COLOR_ACCENT);
            }
        }
    if (!dates)
        return;
    char first[24], last[24];
    int y, mo, dd;
    history_day_date(v->rated[0].day, &y, &mo, &dd);
    snprintf(first, sizeof first, "%d %s", dd, months[mo - 1]);
    history_day_date(v->rated[v->n_rated - 1].day, &y, &mo, &dd);
    snprintf(last, sizeof last, "%d %s", dd, months[mo - 1]);
    int ly = base + pad;
    text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, x0, ly, 0, first);
    int end = x0 + (int)(slot * (double)v->n_rated);
    int lw = text_width(t, TEXT_SMALL, last);
    if (v->n_rated > 1 &&
        end - lw > x0 + text_width(t, TEXT_SMALL, first) + small)
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, end - lw, ly, 0, last);
}

static const char *const ending_names[HISTORY_OUTCOMES] = {
    [HISTORY_COMPLETED] = "completed",     [HISTORY_STOPPED] = "stopped",
    [HISTORY_DISCOMFORT] = "discomfort",   [HISTORY_BLOCKED] = "blocked",
    [HISTORY_INTERRUPTED] = "interrupted",
};

/* Whether the five endings fit as columns of width w; else they go in
 * one sentence (into line). */
static bool endings_in_columns(const struct history_view *v, struct text *t,
                               int w, char *line, size_t n)
{
    int widest = 0;
    for (int i = 0; i < HISTORY_OUTCOMES; i++) {
        int nw = text_width(t, TEXT_SMALL, ending_names[i]);
        widest = nw > widest ? nw : widest;
    }
    int used = 0;
    for (int i = 0; i < HISTORY_OUTCOMES && used >= 0 && (size_t)used < n; i++)
        used += snprintf(line + used, n - (size_t)used, "%s%zu %s",
                         i ? ", " : "", v->rep.ended[i], ending_names[i]);
    return widest + text_line_height(t, TEXT_SMALL) / 2 <= w / HISTORY_OUTCOMES;
}

static int endings_height(const struct history_view *v, struct text *t, int w)
{
    char line[300];
    if (!endings_in_columns(v, t, w, line, sizeof line))
        return text_height(t, TEXT_SMALL, w, line);
    return text_line_height(t, TEXT_LARGE) + text_line_height(t, TEXT_SMALL);
}

/* The five ways a session ends, each a number over its name (or, with
 * large text, one sentence). */
static void draw_endings(const struct history_view *v, struct text *t, int x,
                         int y, int w)
{
    char line[300];
    if (!endings_in_columns(v, t, w, line, sizeof line)) {
        text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, x, y, w, line);
        return;
    }
    int col = w / HISTORY_OUTCOMES;
    for (int i = 0; i < HISTORY_OUTCOMES; i++) {
        char n[32];
        snprintf(n, sizeof n, "%zu", v->rep.ended[i]);
        int cx = x + col * i;
        int hgt =
            text_draw(t, TEXT_LARGE, COLOR_TEXT, ALIGN_CENTER, cx, y, col, n);
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_CENTER, cx, y + hgt, col,
                  ending_names[i]);
    }
}

/* Notes at the foot, above the buttons, up from foot; returns their top. */
static int draw_foot(const struct history_view *v, struct text *t, int m,
                     int cw, int foot)
{
    char line[200];
    if (v->not_recording) {
        const char *note = "Sessions run in this window are not recorded "
                           "(--no-history).";
        foot -= text_height(t, TEXT_SMALL, cw, note);
        text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, foot, cw, note);
    }
    if (v->damaged > 0) {
        snprintf(line, sizeof line,
                 "%zu damaged line%s in the history file %s skipped "
                 "(stillpoint --history names %s).",
                 v->damaged, v->damaged == 1 ? "" : "s",
                 v->damaged == 1 ? "was" : "were",
                 v->damaged == 1 ? "it" : "them");
        foot -= text_height(t, TEXT_SMALL, cw, line);
        text_draw(t, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, foot, cw, line);
    }
    return foot;
}

void history_view_draw(const struct history_view *v, SDL_Renderer *r,
                       struct text *t, int w, int h, int bottom)
{
    int m = w / 12, cw = w - 2 * m, y = h / 16;
    y += text_draw(t, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, cw, "History");
    if (!v || v->problem[0]) {
        y += h / 30;
        text_draw(t, TEXT_BODY, COLOR_WARN, ALIGN_LEFT, m, y, cw,
                  v ? v->problem
                    : "The history cannot be shown: out of memory.");
        return;
    }
    char line[200];
    int foot = draw_foot(v, t, m, cw, bottom - h / 40);
    if (v->recorded == 0) {
        y += h / 30;
        text_draw(t, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, cw,
                  "No sessions recorded yet. Each session you run will "
                  "show here.");
        return;
    }
    snprintf(line, sizeof line,
             "Minutes practised each day, the last %d weeks. A session "
             "counts on the day it started.",
             HISTORY_VIEW_WEEKS);
    int about = text_height(t, TEXT_SMALL, cw, line);
    double total = floor(v->rep.total_minutes + 0.5);
    char sums[200];
    snprintf(sums, sizeof sums,
             "In these %d weeks: %zu session%s, %.0f minute%s. How they "
             "ended:",
             HISTORY_VIEW_WEEKS, v->rep.sessions,
             v->rep.sessions == 1 ? "" : "s", total, total == 1 ? "" : "s");
    /* The chart takes what the words leave, up to two fifths. */
    int words = h / 25 + text_height(t, TEXT_BODY, cw, sums) + h / 40 +
                endings_height(v, t, cw);
    int chart = foot - h / 40 - words - y;
    int small = text_line_height(t, TEXT_SMALL), least = 3 * small;
    /* With ratings, their legend and chart need room too: the minutes
     * chart gives up half a line for them, and the gap between the two
     * is narrower. */
    int legend = v->n_rated ? rating_legend(t, NULL, 0, 0, cw) + small / 6 : 0;
    int between = h / 40, two = 2 * small; /* the ratings without dates */
    int rated_least = v->n_rated ? two + legend + between : 0;
    if (v->n_rated)
        least -= small / 2;
    /* Large text: where the ratings would not fit, the totals and how the
     * sessions ended become one paragraph in smaller type. */
    char ends[300], joined[520];
    bool compact = false;
    if (v->n_rated && chart < least + rated_least &&
        !endings_in_columns(v, t, cw, ends, sizeof ends)) {
        snprintf(joined, sizeof joined, "%s %s", sums, ends);
        int words_now = h / 25 + text_height(t, TEXT_SMALL, cw, joined);
        chart += words - words_now;
        compact = true;
    }
    /* The line about the chart when there is room for it too. */
    if (chart - about - h / 30 >= least + rated_least) {
        y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, cw, line);
        y += h / 30;
        chart -= about + h / 30;
    }
    /* The ratings take half of what is left, at least their least; where
     * even that does not fit (large text in a small window), a line says
     * where they are instead, when it fits. */
    static const char elsewhere[] = "Ratings: stillpoint --history";
    int rated = 0, said = 0;
    if (v->n_rated > 0 && chart >= least + rated_least) {
        rated = (chart - between) / 2;
        rated = rated < two + legend ? two + legend : rated;
        chart -= rated + between;
    } else if (v->n_rated > 0) {
        said = text_height(t, TEXT_SMALL, cw, elsewhere);
        said = chart - said - between >= least ? said : 0;
        chart -= said ? said + between : 0;
    }
    chart = chart > h * 2 / 5 ? h * 2 / 5 : chart;
    chart = chart < least ? least : chart;
    SDL_Rect area = {m, y, cw, chart};
    draw_chart(v, r, t, area);
    y += area.h;
    if (rated > 0) {
        draw_ratings(v, r, t, (SDL_Rect){m, y + between, cw, rated});
        y += between + rated;
    } else if (said > 0) {
        y += between;
        y += text_draw(t, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, cw,
                       elsewhere);
    }
    y += h / 25;
    if (compact) {
        text_draw(t, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, m, y, cw, joined);
        return;
    }
    y += text_draw(t, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, cw, sums);
    y += h / 40;
    draw_endings(v, t, m, y, cw);
}
