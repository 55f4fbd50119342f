/* report_chart.h: inside src/core/ only, the report's inline SVG charts:
 * minutes and sessions per day as bars, the ratings as dots. Each bar and
 * dot carries its numbers in a <title> (shown on hover, read by a screen
 * reader). No lines between points, no trend, no colour that alarms. */
#ifndef STILLPOINT_REPORT_CHART_H
#define STILLPOINT_REPORT_CHART_H

#include "report_input.h"
#include "report_text.h"

/* Short date of a day number: "Mon 23 Nov 2026" (long) or "23 Nov". */
void report_day_text(long day, bool long_form, char *out, size_t n);

/* Two bar charts on one time axis, one bar per day of the period:
 * minutes practised (elapsed time, pauses left out) and sessions. */
void report_chart_days(struct strbuf *b, const struct report_input *in);

/* The ratings, one column per session that has one, in order: a hollow
 * dot for before and a filled one for after, on a 0..10 scale. Nothing
 * when no session has a rating. */
void report_chart_ratings(struct strbuf *b, const struct report_input *in);

#endif
