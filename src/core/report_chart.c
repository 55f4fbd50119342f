/* report_chart.c: the report's SVG charts (see report_chart.h): bars of
 * minutes and sessions per day, dots for the ratings. Coordinates are in
 * the viewBox (680 wide, the width of an A4 page's text at 96 dpi); the
 * page scales them. */
#include "report_chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history_report.h"

enum {
    VIEW_W = 680,
    PLOT_X0 = 44,
    PLOT_X1 = 672,
    BARS_MAX = 400 /* a longer period gets bars of several days */
};

void report_day_text(long day, bool long_form, char *out, size_t n)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu",
                                       "Fri", "Sat", "Sun"};
    int y, m, d;
    history_day_date(day, &y, &m, &d);
    if (long_form)
        snprintf(out, n, "%s %d %s %d", days[history_weekday(day)], d,
                 months[m - 1], y);
    else
        snprintf(out, n, "%d %s", d, months[m - 1]);
}

/* The smallest round number at least v, for an axis's top. */
static double nice_top(double v)
{
    static const double steps[] = {5, 10, 15, 20, 30, 45, 60, 90, 120};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (v <= steps[i])
            return steps[i];
    double top = 120;
    while (top < v)
        top *= 2;
    return top;
}

/* The sums behind the bars: per bucket of `span` days from first_day. */
struct day_sums {
    long first_day;
    int bars, span;
    double *minutes;
    int *sessions;
};

static bool sum_days(const struct report_input *in, struct day_sums *s)
{
    long days = in->last_day - in->first_day + 1;
    if (days < 1)
        days = 1;
    s->first_day = in->first_day;
    s->span = (int)((days + BARS_MAX - 1) / BARS_MAX);
    s->bars = (int)((days + s->span - 1) / s->span);
    s->minutes = calloc((size_t)s->bars, sizeof *s->minutes);
    s->sessions = calloc((size_t)s->bars, sizeof *s->sessions);
    if (!s->minutes || !s->sessions)
        return false;
    for (size_t i = 0; i < in->h->count; i++) {
        long day;
        const struct history_row *r = &in->h->rows[i];
        if (!history_row_day(r, &day) || day < in->first_day ||
            day > in->last_day)
            continue;
        long k = (day - in->first_day) / s->span;
        s->minutes[k] += r->elapsed_s / 60.0;
        s->sessions[k]++;
    }
    return true;
}

/* "Mon 23 Nov 2026", or "23 Nov – 29 Nov 2026" for a bar of several
 * days. */
static void bar_when(const struct day_sums *s, int k, char *out, size_t n)
{
    long from = s->first_day + (long)k * s->span;
    char a[24], z[40];
    if (s->span == 1) {
        report_day_text(from, true, out, n);
        return;
    }
    report_day_text(from, false, a, sizeof a);
    report_day_text(from + s->span - 1, true, z, sizeof z);
    snprintf(out, n, "%s \xe2\x80\x93 %s", a, z);
}

/* The labels under the time axis: each Monday for a short period, else
 * the first bar of each month. */
static void put_time_labels(struct strbuf *b, const struct day_sums *s,
                            double step, int y)
{
    bool weekly = s->span == 1 && s->bars <= 62;
    int last_month = -1;
    for (int k = 0; k < s->bars; k++) {
        long day = s->first_day + (long)k * s->span;
        int yy, m, d;
        history_day_date(day, &yy, &m, &d);
        /* The first day too, unless a Monday's label comes right after. */
        bool label = weekly ? history_weekday(day) == 0 ||
                                  (k == 0 && history_weekday(day) < 4)
                            : m != last_month;
        last_month = m;
        /* A period that starts late in a month: its first label would
         * run into the next month's. */
        if (!label || (!weekly && k == 0 && d > 20))
            continue;
        char text[32];
        report_day_text(day, false, text, sizeof text);
        strbuf_putf(b, "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>",
                    PLOT_X0 + k * step, y,
                    weekly ? text : strchr(text, ' ') + 1);
    }
}

/* One bar chart: value(k) for each bar, on 0..top, plot_h tall. */
static void put_bars(struct strbuf *b, const struct day_sums *s, bool minutes,
                     const char *label)
{
    const int top_y = 12, plot_h = minutes ? 110 : 48;
    const int base_y = top_y + plot_h, height = base_y + 20;
    double max = 0;
    for (int k = 0; k < s->bars; k++) {
        double v = minutes ? s->minutes[k] : s->sessions[k];
        max = v > max ? v : max;
    }
    double top = minutes ? nice_top(max) : (max < 1 ? 1 : max);
    double step = (double)(PLOT_X1 - PLOT_X0) / s->bars;
    double bar_w = step * 0.72 < 0.6 ? 0.6 : step * 0.72;
    strbuf_putf(b,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                "aria-label=\"%s\">",
                VIEW_W, height, label);
    /* The axis: 0, the middle (minutes) and the top, with their values. */
    int ticks = minutes ? 3 : 2;
    for (int t = 0; t < ticks; t++) {
        double v = top * t / (ticks - 1);
        double y = base_y - plot_h * (double)t / (ticks - 1);
        strbuf_putf(b,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
                    "class=\"grid\"/><text x=\"%d\" y=\"%.1f\" "
                    "class=\"axis\" text-anchor=\"end\">%g</text>",
                    PLOT_X0, PLOT_X1, y, y, PLOT_X0 - 6, y + 3.5, v);
    }
    for (int k = 0; k < s->bars; k++) {
        double v = minutes ? s->minutes[k] : s->sessions[k];
        if (s->sessions[k] == 0)
            continue;
        double h = plot_h * v / top;
        h = h < 1 ? 1 : h; /* a session of seconds still shows */
        char when[96];
        bar_when(s, k, when, sizeof when);
        strbuf_putf(b,
                    "<rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                    "height=\"%.2f\"><title>%s: %d session%s, %.0f "
                    "min</title></rect>",
                    minutes ? "bar" : "bar2",
                    PLOT_X0 + k * step + (step - bar_w) / 2, base_y - h, bar_w,
                    h, when, s->sessions[k], s->sessions[k] == 1 ? "" : "s",
                    s->minutes[k]);
    }
    put_time_labels(b, s, step, height - 4);
    strbuf_put(b, "</svg>");
}

void report_chart_days(struct strbuf *b, const struct report_input *in)
{
    struct day_sums s = {0};
    if (!sum_days(in, &s)) {
        b->failed = true;
    } else {
        if (s.span > 1)
            strbuf_putf(b, "<p class=\"small\">Each bar is %d days.</p>",
                        s.span);
        strbuf_put(b, "<h3>Minutes practised</h3>");
        put_bars(b, &s, true, "Minutes practised per day");
        strbuf_put(b, "<h3>Sessions</h3>");
        put_bars(b, &s, false, "Sessions per day");
    }
    free(s.minutes);
    free(s.sessions);
}

/* "Mon 23 Nov 09:01, Box breathing" for a rating's dot. */
static void put_dot(struct strbuf *b, const struct report_input *in,
                    const struct history_row *r, double x, int rating,
                    bool after)
{
    const int top_y = 10, plot_h = 100;
    double y = top_y + plot_h - plot_h * rating / 10.0;
    long day;
    char when[40] = "";
    if (history_row_day(r, &day))
        report_day_text(day, true, when, sizeof when);
    const char *t = in->title ? in->title(r->session, in->title_ctx) : NULL;
    strbuf_putf(b,
                "<circle class=\"%s\" cx=\"%.2f\" cy=\"%.1f\" r=\"3.2\">"
                "<title>%s %.5s, ",
                after ? "after" : "before", x, y, when,
                strnlen(r->started, sizeof r->started) >= 16 ? r->started + 11
                                                             : "");
    report_put_text(b, t && *t ? t : r->session, false);
    strbuf_putf(b, ": %s %d</title></circle>", after ? "after" : "before",
                rating);
}

void report_chart_ratings(struct strbuf *b, const struct report_input *in)
{
    size_t n = 0;
    for (size_t i = 0; i < in->h->count; i++)
        n += in->h->rows[i].has_before || in->h->rows[i].has_after;
    if (n == 0)
        return;
    double step = (double)(PLOT_X1 - PLOT_X0) / (double)n;
    step = step > 28 ? 28 : step;
    double apart = step >= 10 ? 3.0 : 0.0;
    strbuf_putf(b,
                "<svg class=\"chart\" viewBox=\"0 0 %d 124\" role=\"img\" "
                "aria-label=\"Ratings before and after each session\">",
                VIEW_W);
    for (int v = 0; v <= 10; v += 5) {
        double y = 110 - 10.0 * v;
        strbuf_putf(b,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
                    "class=\"grid\"/><text x=\"%d\" y=\"%.1f\" "
                    "class=\"axis\" text-anchor=\"end\">%d</text>",
                    PLOT_X0, PLOT_X1, y, y, PLOT_X0 - 6, y + 3.5, v);
    }
    size_t k = 0;
    for (size_t i = 0; i < in->h->count; i++) {
        const struct history_row *r = &in->h->rows[i];
        if (!r->has_before && !r->has_after)
            continue;
        double x = PLOT_X0 + step * ((double)k++ + 0.5);
        if (r->has_before)
            put_dot(b, in, r, x - apart, r->before, false);
        if (r->has_after)
            put_dot(b, in, r, x + apart, r->after, true);
    }
    strbuf_put(b, "</svg>");
}
