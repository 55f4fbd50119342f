/* report_html.c: the practice report's page (see report_html.h): its
 * style, the heading and summary, the tables of sessions and of stops,
 * and the notes; the charts are in report_chart.c. */
#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "history_report.h"
#include "report_chart.h"
#include "report_text.h"

/* No script can run and nothing can be fetched, whatever the page holds:
 * only the inline style applies. */
static const char PAGE_HEAD[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
    "'none'; style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, "
    "initial-scale=1\">\n";

static const char STYLE[] =
    "<style>\n"
    "@page { size: A4; margin: 15mm 16mm; }\n"
    "body { font-family: \"DejaVu Sans\", \"Noto Sans\", \"Liberation "
    "Sans\", Arial, sans-serif; color: #2e3a44; background: #fff;\n"
    "  max-width: 740px; margin: 28px auto; padding: 0 20px; font-size: "
    "15px; line-height: 1.45; }\n"
    "h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }\n"
    "h2 { font-size: 17px; font-weight: 600; margin: 26px 0 8px; "
    "padding-bottom: 3px; border-bottom: 1px solid #d5dce2; }\n"
    "h3 { font-size: 13px; font-weight: 600; color: #5b6874; margin: 10px 0 "
    "0; }\n"
    "p { margin: 4px 0; }\n"
    ".meta, .small { color: #5b6874; }\n"
    ".small { font-size: 13px; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: 13px; }\n"
    "th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid "
    "#e6eaee; vertical-align: top; }\n"
    "th { font-weight: 600; color: #5b6874; }\n"
    ".num { text-align: right; font-variant-numeric: tabular-nums; "
    "white-space: nowrap; }\n"
    ".when { white-space: nowrap; }\n"
    "td.name { min-width: 9em; }\n"
    "dl.summary { display: grid; grid-template-columns: max-content auto; "
    "gap: 2px 16px; margin: 0; }\n"
    "dl.summary dt { color: #5b6874; } dl.summary dd { margin: 0; }\n"
    "svg.chart { width: 100%; height: auto; display: block; }\n"
    ".grid { stroke: #e1e6ea; stroke-width: 1; }\n"
    ".axis { font-size: 10px; fill: #6a7682; }\n"
    ".bar { fill: #8aa4b8; } .bar2 { fill: #a7b9a4; }\n"
    "circle.before { fill: #fff; stroke: #5f7d91; stroke-width: 1.4; }\n"
    "circle.after { fill: #5f7d91; }\n"
    ".notes article { margin: 0 0 8px; break-inside: avoid; }\n"
    ".notes h3 { color: #2e3a44; font-weight: 600; }\n"
    ".note { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 "
    "0; }\n"
    "td { overflow-wrap: anywhere; }\n"
    "tr, svg.chart, section.ratings { break-inside: avoid; }\n"
    "h2, h3 { break-after: avoid; }\n"
    "footer { margin-top: 26px; font-size: 12px; color: #5b6874; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; "
    "line-height: 1.35; }\n"
    "  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 14pt 0 5pt; }\n"
    "  h3 { font-size: 9pt; margin-top: 5pt; }\n"
    "  table, .small { font-size: 8.5pt; } th, td { padding: 1.2pt 4pt; }\n"
    "  footer { font-size: 8pt; margin-top: 14pt; }\n"
    "  .notes { columns: 2; column-gap: 7mm; }\n"
    "  .notes h2, .notes > p { column-span: all; }\n"
    "}\n"
    "</style>\n";

/* How each outcome is said on the page: plainly, without judging. */
static const char *ended_text(enum history_outcome o)
{
    switch (o) {
    case HISTORY_COMPLETED:
        return "completed";
    case HISTORY_STOPPED:
        return "stopped";
    case HISTORY_DISCOMFORT:
        return "stopped for discomfort";
    case HISTORY_BLOCKED:
        return "not started (a safety question)";
    case HISTORY_INTERRUPTED:
        return "cut off (no end recorded)";
    default:
        return "unknown";
    }
}

static const char *shown_name(const struct report_input *in,
                              const struct history_row *r)
{
    const char *t = in->title ? in->title(r->session, in->title_ctx) : NULL;
    return t && *t ? t : r->session;
}

/* Whether the period lies in one calendar year (then dates leave the
 * year out: the heading says it). */
static bool one_year(const struct report_input *in)
{
    int y1, y2, m, d;
    history_day_date(in->first_day, &y1, &m, &d);
    history_day_date(in->last_day, &y2, &m, &d);
    return y1 == y2;
}

/* "Mon 23 Nov 09:01" from the row's stamp ("Mon 23 Nov 2026 09:01" when
 * the period spans years). */
static void when_text(const struct report_input *in,
                      const struct history_row *r, char *out, size_t n)
{
    long day;
    char date[40];
    if (!history_row_day(r, &day) ||
        strnlen(r->started, sizeof r->started) < 16) {
        snprintf(out, n, "%.39s", r->started);
        return;
    }
    report_day_text(day, true, date, sizeof date);
    if (one_year(in))
        *strrchr(date, ' ') = '\0';
    snprintf(out, n, "%s %.5s", date, r->started + 11);
}

/* M:SS, as --history shows time. */
static void put_duration(struct strbuf *b, double seconds)
{
    long long s = (long long)floor(seconds + 0.5);
    strbuf_putf(b, "%lld:%02lld", s / 60, s % 60);
}

static void put_head(struct strbuf *b, const struct report_input *in)
{
    char from[40], to[40];
    report_day_text(in->first_day, true, from, sizeof from);
    report_day_text(in->last_day, true, to, sizeof to);
    strbuf_put(b, PAGE_HEAD);
    strbuf_putf(
        b, "<title>stillpoint practice report, %s \xe2\x80\x93 %s</title>\n",
        from, to);
    strbuf_put(b, STYLE);
    strbuf_put(b, "</head>\n<body>\n<header>\n<h1>stillpoint practice "
                  "report</h1>\n");
    strbuf_putf(
        b, "<p class=\"meta\">Period: %s \xe2\x80\x93 %s (%ld day%s)</p>\n",
        from, to, in->last_day - in->first_day + 1,
        in->last_day == in->first_day ? "" : "s");
    strbuf_put(b, "<p class=\"meta\">Generated ");
    report_put_text(b, in->generated ? in->generated : "", false);
    strbuf_put(b, " by stillpoint, from the session history kept on the "
                  "practising person\xe2\x80\x99s computer.</p>\n</header>\n");
}

static void put_summary(struct strbuf *b, const struct report_input *in)
{
    size_t ended[HISTORY_OUTCOMES] = {0}, days = 0;
    double minutes = 0;
    long last = in->first_day - 1;
    for (size_t i = 0; i < in->h->count; i++) {
        const struct history_row *r = &in->h->rows[i];
        long day;
        if ((unsigned)r->outcome < HISTORY_OUTCOMES)
            ended[r->outcome]++;
        minutes += r->elapsed_s / 60.0;
        if (history_row_day(r, &day) && day != last) /* rows are in order */
            days++;
        last = history_row_day(r, &day) ? day : last;
    }
    strbuf_put(b, "<section>\n<h2>Summary</h2>\n<dl class=\"summary\">\n");
    strbuf_putf(b, "<dt>Sessions</dt><dd>%zu</dd>\n", in->h->count);
    strbuf_putf(b, "<dt>Minutes practised</dt><dd>%.0f</dd>\n", minutes);
    strbuf_putf(b, "<dt>Days with a session</dt><dd>%zu of %ld</dd>\n", days,
                in->last_day - in->first_day + 1);
    strbuf_put(b, "<dt>How sessions ended</dt><dd>");
    const char *sep = "";
    for (int o = 0; o < HISTORY_OUTCOMES; o++) {
        if (ended[o] == 0)
            continue;
        strbuf_putf(b, "%s%s: %zu", sep, ended_text((enum history_outcome)o),
                    ended[o]);
        sep = "; ";
    }
    strbuf_put(b, in->h->count ? "</dd>\n" : "no sessions</dd>\n");
    strbuf_put(b, "</dl>\n</section>\n");
}

/* Every stop for discomfort and every session a safety question kept
 * from starting, with the question (the detail the window recorded). */
static void put_stops(struct strbuf *b, const struct report_input *in)
{
    strbuf_put(b, "<section>\n<h2>Stops for discomfort and sessions not "
                  "started</h2>\n");
    size_t n = 0;
    char when[64];
    for (size_t i = 0; i < in->h->count; i++) {
        const struct history_row *r = &in->h->rows[i];
        if (r->outcome != HISTORY_DISCOMFORT && r->outcome != HISTORY_BLOCKED)
            continue;
        if (n++ == 0)
            strbuf_put(b, "<table>\n<thead><tr><th>When</th><th>Session</th>"
                          "<th>What happened</th></tr></thead>\n<tbody>\n");
        when_text(in, r, when, sizeof when);
        strbuf_putf(b, "<tr><td class=\"when\">%s</td><td class=\"name\">",
                    when);
        report_put_text(b, shown_name(in, r), false);
        strbuf_put(b, "</td><td>");
        if (r->outcome == HISTORY_DISCOMFORT) {
            strbuf_put(b, "Stopped for discomfort after ");
            put_duration(b, r->elapsed_s);
            strbuf_put(b, " of ");
            put_duration(b, r->planned_s);
            strbuf_put(b, ".");
        } else if (r->detail[0]) {
            strbuf_put(b, "Not started. The question that stopped it: "
                          "\xe2\x80\x9c");
            report_put_text(b, r->detail, false);
            strbuf_put(b, "\xe2\x80\x9d");
        } else {
            strbuf_put(b, "Not started at a safety question.");
        }
        strbuf_put(b, "</td></tr>\n");
    }
    if (n == 0)
        strbuf_put(b, "<p>None in this period.</p>\n");
    else
        strbuf_put(b, "</tbody>\n</table>\n");
    strbuf_put(b, "</section>\n");
}

static void put_rating_cell(struct strbuf *b, bool has, int rating)
{
    if (has)
        strbuf_putf(b, "<td class=\"num\">%d</td>", rating);
    else
        strbuf_put(b, "<td class=\"num\">\xe2\x80\x93</td>");
}

/* One line per session: when, what, how long, how it ended, the two
 * ratings as they were given. */
static void put_sessions(struct strbuf *b, const struct report_input *in)
{
    strbuf_put(b, "<section>\n<h2>Each session</h2>\n");
    if (in->h->count == 0) {
        strbuf_put(b, "<p>No sessions in this period.</p>\n</section>\n");
        return;
    }
    strbuf_put(b, "<table>\n<thead><tr><th>When</th><th>Session</th>"
                  "<th class=\"num\">Planned</th><th class=\"num\">Done</th>"
                  "<th>Ended</th><th class=\"num\">Before</th>"
                  "<th class=\"num\">After</th></tr></thead>\n<tbody>\n");
    char when[64];
    for (size_t i = 0; i < in->h->count; i++) {
        const struct history_row *r = &in->h->rows[i];
        when_text(in, r, when, sizeof when);
        strbuf_putf(b, "<tr><td class=\"when\">%s</td><td class=\"name\">",
                    when);
        report_put_text(b, shown_name(in, r), false);
        strbuf_put(b, "</td><td class=\"num\">");
        put_duration(b, r->planned_s);
        strbuf_put(b, "</td><td class=\"num\">");
        put_duration(b, r->elapsed_s);
        strbuf_putf(b, "</td><td>%s</td>", ended_text(r->outcome));
        put_rating_cell(b, r->has_before, r->before);
        put_rating_cell(b, r->has_after, r->after);
        strbuf_put(b, "</tr>\n");
    }
    strbuf_put(b, "</tbody>\n</table>\n</section>\n");
}

static void put_ratings(struct strbuf *b, const struct report_input *in)
{
    strbuf_put(b, "<section class=\"ratings\">\n<h2>Ratings before and "
                  "after</h2>\n"
                  "<p class=\"small\">How tense or upset the person felt "
                  "right then, from 0 (calm) to 10 (the most they can "
                  "imagine), when they chose to say. The numbers are in "
                  "the table above; below, one column per rated session, in "
                  "order: \xe2\x97\x8b before, \xe2\x97\x8f after.</p>\n");
    size_t before = 0;
    for (size_t i = 0; i < in->h->count; i++)
        before += in->h->rows[i].has_before || in->h->rows[i].has_after;
    if (before == 0)
        strbuf_put(b, "<p>No ratings in this period.</p>\n");
    report_chart_ratings(b, in);
    strbuf_put(b, "</section>\n");
}

static void put_notes(struct strbuf *b, const struct report_input *in)
{
    strbuf_put(b, "<section class=\"notes\">\n<h2>Notes</h2>\n");
    size_t n = 0;
    char when[64];
    for (size_t i = 0; i < in->h->count; i++) {
        const struct history_row *r = &in->h->rows[i];
        if (!r->note[0])
            continue;
        n++;
        when_text(in, r, when, sizeof when);
        strbuf_putf(b, "<article><h3>%s \xc2\xb7 ", when);
        report_put_text(b, shown_name(in, r), false);
        strbuf_put(b, "</h3><p class=\"note\">");
        report_put_text(b, r->note, true);
        strbuf_put(b, "</p></article>\n");
    }
    if (n == 0)
        strbuf_put(b, "<p>No notes in this period.</p>\n");
    strbuf_put(b, "</section>\n");
}

char *report_html(const struct report_input *in)
{
    struct strbuf b = {0};
    put_head(&b, in);
    put_summary(&b, in);
    strbuf_put(&b, "<section>\n<h2>Sessions and minutes per day</h2>\n");
    report_chart_days(&b, in);
    strbuf_put(&b, "</section>\n");
    put_stops(&b, in);
    put_sessions(&b, in);
    put_ratings(&b, in);
    put_notes(&b, in);
    strbuf_put(&b, "<footer>Minutes count the time a session played, "
                   "pauses left out. Ratings are what the person chose to "
                   "record; they are not a score.</footer>\n</body>\n"
                   "</html>\n");
    return strbuf_finish(&b);
}
