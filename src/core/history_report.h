/* history_report.h: what the session history says over time, for a
 * person: each session's calendar day, the rows since a date, minutes
 * practised per day over the recent weeks and how sessions ended. Pure
 * computation on struct history (see history.h); nothing here reads the
 * clock except history_today().
 *
 * A session's day is the date in its started stamp: the local date where
 * and when it began. A session that runs across midnight counts, whole,
 * on the day it started. Minutes are elapsed_s / 60, which already leaves
 * out the time a session was paused. */
#ifndef STILLPOINT_HISTORY_REPORT_H
#define STILLPOINT_HISTORY_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "history.h"

enum { HISTORY_REPORT_WEEKS_MAX = 52 };

/* Day numbers count days from 1970-01-01 (day 0) in the Gregorian
 * calendar, so day arithmetic is plain subtraction. */
long history_day_number(int year, int month, int day);
void history_day_date(long day, int *year, int *month, int *mday);
/* 0 for Monday .. 6 for Sunday. */
int history_weekday(long day);

/* A real date written exactly as YYYY-MM-DD (years 1000..9999). */
bool history_parse_date(const char *s, long *day);

/* The day a row started: the date in its started stamp. False for a
 * stamp that is not a date (history_read() never gives one). */
bool history_row_day(const struct history_row *row, long *day);

/* The local date at time now (0: the current time). False when the
 * clock cannot be read. */
bool history_today(time_t now, long *day);

/* Keeps, in order, only the rows that started on day `since` or later;
 * returns how many are left. */
size_t history_keep_since(struct history *h, long since);

/* Puts the rows in order of their local start date and time (as written
 * in started; rows that started at the same minute keep their order), as
 * a page for a reader lists them: a clock or a time zone changed between
 * sessions can leave the file in another order. False, with the order
 * unchanged, when out of memory. */
bool history_sort_by_start(struct history *h);

struct history_report {
    long first_day; /* the day of minutes[0]; the last is today */
    int days;       /* weeks * 7 */
    double minutes[HISTORY_REPORT_WEEKS_MAX * 7];
    double total_minutes;           /* over those days */
    size_t sessions;                /* rows started in those days */
    size_t ended[HISTORY_OUTCOMES]; /* of those, by outcome */
};

/* Sums the rows that started in the `weeks` weeks ending with `today`
 * (weeks is held to 1..HISTORY_REPORT_WEEKS_MAX). Rows dated after today
 * (a clock set wrong) are left out, like older ones. */
void history_report_build(const struct history *h, long today, int weeks,
                          struct history_report *out);

#endif
