/* history_report.c: calendar days, the --since filter and the per-day
 * sums behind the history screen (see history_report.h). */
#include "history_report.h"

#include <stdlib.h>
#include <string.h>

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
long history_day_number(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void history_day_date(long day, int *year, int *month, int *mday)
{
    day += 719468;
    long era = (day >= 0 ? day : day - 146096) / 146097;
    long doe = day - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp + (mp < 10 ? 3 : -9);
    *mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)m;
    *year = (int)(yoe + era * 400 + (m <= 2));
}

int history_weekday(long day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    long w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int two(const char *s)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* YYYY-MM-DD at s (at least 10 bytes readable up to a NUL). */
static bool date_at(const char *s, long *day)
{
    int hi = two(s), lo = hi < 0 ? -1 : two(s + 2);
    if (hi < 10 || lo < 0 || s[4] != '-' || s[7] != '-')
        return false;
    int year = hi * 100 + lo, month = two(s + 5), mday = two(s + 8);
    if (month < 1 || month > 12 || mday < 1)
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (mday > days[month - 1] + (month == 2 && leap))
        return false;
    *day = history_day_number(year, month, mday);
    return true;
}

bool history_parse_date(const char *s, long *day)
{
    return strnlen(s, 11) == 10 && date_at(s, day);
}

bool history_row_day(const struct history_row *row, long *day)
{
    return strnlen(row->started, sizeof row->started) >= 10 &&
           date_at(row->started, day);
}

bool history_today(time_t now, long *day)
{
    if (now == 0 && time(&now) == (time_t)-1)
        return false;
    tzset();
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return false;
    *day = history_day_number(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return true;
}

size_t history_keep_since(struct history *h, long since)
{
    size_t out = 0;
    for (size_t i = 0; i < h->count; i++) {
        long day;
        if (history_row_day(&h->rows[i], &day) && day >= since) {
            if (out != i)
                h->rows[out] = h->rows[i];
            out++;
        }
    }
    h->count = out;
    return out;
}

struct sort_key {
    const char *started;
    size_t index;
};

static int by_start(const void *a, const void *b)
{
    const struct sort_key *x = a, *y = b;
    /* YYYY-MM-DDTHH:MM:SS sorts as text; the offset is left out. */
    int c = strncmp(x->started, y->started, 19);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

bool history_sort_by_start(struct history *h)
{
    if (h->count < 2)
        return true;
    struct sort_key *keys = malloc(h->count * sizeof *keys);
    struct history_row *rows = malloc(h->count * sizeof *rows);
    if (!keys || !rows) {
        free(keys);
        free(rows);
        return false;
    }
    for (size_t i = 0; i < h->count; i++)
        keys[i] = (struct sort_key){h->rows[i].started, i};
    qsort(keys, h->count, sizeof *keys, by_start);
    for (size_t i = 0; i < h->count; i++)
        rows[i] = h->rows[keys[i].index];
    free(keys);
    free(h->rows);
    h->rows = rows;
    return true;
}

void history_report_build(const struct history *h, long today, int weeks,
                          struct history_report *out)
{
    memset(out, 0, sizeof *out);
    if (weeks < 1)
        weeks = 1;
    if (weeks > HISTORY_REPORT_WEEKS_MAX)
        weeks = HISTORY_REPORT_WEEKS_MAX;
    out->days = weeks * 7;
    out->first_day = today - out->days + 1;
    for (size_t i = 0; i < h->count; i++) {
        const struct history_row *r = &h->rows[i];
        long day;
        if (!history_row_day(r, &day) || day < out->first_day || day > today)
            continue;
        double minutes = r->elapsed_s / 60.0;
        out->minutes[day - out->first_day] += minutes;
        out->total_minutes += minutes;
        out->sessions++;
        if ((unsigned)r->outcome < HISTORY_OUTCOMES)
            out->ended[r->outcome]++;
    }
}
