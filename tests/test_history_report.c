/* test_history_report.c: what the history screen and --history show:
 * calendar days, the --since filter, minutes per day over the recent
 * weeks (days with nothing stay at zero, a session across midnight counts
 * whole on its start date), how sessions ended, and the table and CSV
 * text with aligned columns whatever the UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/history.h"
#include "../src/core/history_report.h"
#include "../src/core/history_table.h"

static struct history_row row(const char *started, const char *session,
                              double planned, double elapsed,
                              enum history_outcome o, const char *detail)
{
    struct history_row r = {
        .planned_s = planned, .elapsed_s = elapsed, .outcome = o};
    snprintf(r.started, sizeof r.started, "%s", started);
    snprintf(r.session, sizeof r.session, "%s", session);
    snprintf(r.type, sizeof r.type, "breathing");
    snprintf(r.detail, sizeof r.detail, "%s", detail);
    return r;
}

static long day_of(const char *date)
{
    long d;
    if (!history_parse_date(date, &d))
        fail_msg("not a date: %s", date);
    return d;
}

/* ---- days */

static void test_day_numbers(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        long day;
        int weekday; /* 0 Monday */
    } table[] = {
        {1970, 1, 1, 0, 3},       {1969, 12, 31, -1, 2},
        {2000, 2, 29, 11016, 1},  {2000, 3, 1, 11017, 2},
        {2026, 11, 23, 20780, 0}, {2024, 12, 31, 20088, 1},
        {2025, 1, 1, 20089, 2},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        assert_int_equal(history_day_number(table[i].y, table[i].m, table[i].d),
                         table[i].day);
        int y, m, d;
        history_day_date(table[i].day, &y, &m, &d);
        assert_int_equal(y, table[i].y);
        assert_int_equal(m, table[i].m);
        assert_int_equal(d, table[i].d);
        assert_int_equal(history_weekday(table[i].day), table[i].weekday);
    }
    /* Every day of four centuries goes there and back. */
    for (long day = -150000; day < 150000; day++) {
        int y, m, d;
        history_day_date(day, &y, &m, &d);
        assert_int_equal(history_day_number(y, m, d), day);
    }
}

static void test_parse_date(void **state)
{
    (void)state;
    assert_int_equal(day_of("2026-11-23"), 20780);
    assert_int_equal(day_of("2024-02-29"), history_day_number(2024, 2, 29));
    static const char *const bad[] = {
        "",           "2026-11-2",  "2026-11-233", "2026/11/23",  "26-11-23",
        "2026-13-01", "2026-00-10", "2026-11-00",  "2026-11-31",  "2026-02-29",
        "1900-02-29", "0999-01-01", "2026-1-023",  " 2026-11-23", "2026-11-23 ",
        "yesterday",  "2026-11-2x", "+026-11-23",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        long d = 7;
        if (history_parse_date(bad[i], &d))
            fail_msg("read as a date: '%s'", bad[i]);
        assert_int_equal(d, 7);
    }
}

static void test_today_is_local(void **state)
{
    (void)state;
    /* 2026-11-23 23:30 UTC is already the 24th in Tokyo and still the
     * 23rd in New York. */
    time_t t = 1795476600;
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    long day;
    setenv("TZ", "JST-9", 1);
    assert_true(history_today(t, &day));
    assert_int_equal(day, day_of("2026-11-24"));
    setenv("TZ", "EST5", 1);
    assert_true(history_today(t, &day));
    assert_int_equal(day, day_of("2026-11-23"));
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    free(saved);
}

/* ---- the --since filter */

static void test_keep_since(void **state)
{
    (void)state;
    struct history_row rows[] = {
        row("2026-11-22T23:59:59+01:00", "a", 60, 60, HISTORY_COMPLETED, ""),
        row("2026-11-23T00:00:00+01:00", "b", 60, 60, HISTORY_COMPLETED, ""),
        row("2026-11-21T10:00:00Z", "c", 60, 60, HISTORY_COMPLETED, ""),
        row("2026-12-01T10:00:00-05:00", "d", 60, 60, HISTORY_STOPPED, ""),
    };
    struct history h = {.rows = rows, .count = 4};
    assert_int_equal(history_keep_since(&h, day_of("2026-11-23")), 2);
    assert_string_equal(h.rows[0].session, "b");
    assert_string_equal(h.rows[1].session, "d");
    assert_int_equal(history_keep_since(&h, day_of("2027-01-01")), 0);
}

/* ---- minutes per day and endings */

static void test_report_days(void **state)
{
    (void)state;
    struct history_row rows[] = {
        /* Before the four weeks: left out. */
        row("2026-10-26T10:00:00+01:00", "old", 600, 600, HISTORY_COMPLETED,
            ""),
        /* The first day of the four weeks. */
        row("2026-10-27T08:00:00+01:00", "first", 300, 300, HISTORY_COMPLETED,
            ""),
        /* Two sessions on one day add up. */
        row("2026-11-20T08:00:00+01:00", "x", 600, 600, HISTORY_COMPLETED, ""),
        row("2026-11-20T18:00:00+01:00", "y", 600, 90, HISTORY_STOPPED, ""),
        /* Across midnight: all 20 minutes on the 22nd, none on the 23rd. */
        row("2026-11-22T23:50:00+01:00", "late", 1200, 1200, HISTORY_COMPLETED,
            ""),
        /* Blocked and interrupted: counted as endings, no minutes. */
        row("2026-11-23T09:00:00+01:00", "b", 600, 0, HISTORY_BLOCKED, "q"),
        row("2026-11-23T10:00:00+01:00", "i", 600, 0, HISTORY_INTERRUPTED, ""),
        row("2026-11-23T11:00:00+01:00", "d", 600, 45, HISTORY_DISCOMFORT, ""),
        /* After today (a clock set wrong): left out. */
        row("2026-11-24T08:00:00+01:00", "future", 60, 60, HISTORY_COMPLETED,
            ""),
    };
    struct history h = {.rows = rows, .count = sizeof rows / sizeof *rows};
    long today = day_of("2026-11-23");
    struct history_report rep;
    history_report_build(&h, today, 4, &rep);
    assert_int_equal(rep.days, 28);
    assert_int_equal(rep.first_day, day_of("2026-10-27"));
    assert_int_equal(rep.first_day + rep.days - 1, today);

    double expect[28] = {0};
    expect[0] = 5; /* 10-27 */
    expect[day_of("2026-11-20") - rep.first_day] = 10 + 1.5;
    expect[day_of("2026-11-22") - rep.first_day] = 20;
    expect[27] = 0.75; /* today: 45 s of discomfort */
    for (int i = 0; i < 28; i++)
        if (rep.minutes[i] != expect[i])
            fail_msg("day %d: %g minutes, expected %g", i, rep.minutes[i],
                     expect[i]);
    assert_true(rep.total_minutes == 5 + 11.5 + 20 + 0.75);
    assert_int_equal(rep.sessions, 7);
    assert_int_equal(rep.ended[HISTORY_COMPLETED], 3);
    assert_int_equal(rep.ended[HISTORY_STOPPED], 1);
    assert_int_equal(rep.ended[HISTORY_DISCOMFORT], 1);
    assert_int_equal(rep.ended[HISTORY_BLOCKED], 1);
    assert_int_equal(rep.ended[HISTORY_INTERRUPTED], 1);
}

/* No rows, or none in the weeks shown: every day is zero, no endings. */
static void test_report_empty(void **state)
{
    (void)state;
    struct history empty = {0};
    struct history_report rep;
    history_report_build(&empty, day_of("2026-11-23"), 1, &rep);
    assert_int_equal(rep.days, 7);
    for (int i = 0; i < 7; i++)
        assert_true(rep.minutes[i] == 0);
    assert_int_equal(rep.sessions, 0);

    struct history_row old =
        row("2020-01-01T10:00:00+01:00", "a", 60, 60, HISTORY_COMPLETED, "");
    struct history h = {.rows = &old, .count = 1};
    history_report_build(&h, day_of("2026-11-23"), 0, &rep); /* held to 1 */
    assert_int_equal(rep.days, 7);
    assert_true(rep.total_minutes == 0);
    assert_int_equal(rep.ended[HISTORY_COMPLETED], 0);
    history_report_build(&h, day_of("2026-11-23"), 1000, &rep);
    assert_int_equal(rep.days, HISTORY_REPORT_WEEKS_MAX * 7);
}

/* ---- text */

static const char *titles(const char *name, void *ctx)
{
    (void)ctx;
    if (strcmp(name, "box") == 0)
        return "Box breathing";
    if (strcmp(name, "scan") == 0)
        return "Körperreise \xe6\x97\xa5\xe6\x9c\xac"; /* two wide chars */
    if (strcmp(name, "long") == 0)
        return "A very long title that goes on and on past the column";
    return NULL;
}

/* Each line's columns (not bytes) up to where the Planned column ends. */
static size_t columns_before(const char *line, const char *needle)
{
    const char *at = strstr(line, needle);
    assert_non_null(at);
    char prefix[512];
    snprintf(prefix, sizeof prefix, "%.*s", (int)(at - line), line);
    return history_text_columns(prefix) + history_text_columns(needle);
}

static void test_table(void **state)
{
    (void)state;
    struct history_row rows[] = {
        row("2026-11-23T09:01:47+01:00", "box", 300, 300, HISTORY_COMPLETED,
            ""),
        row("2026-11-23T23:50:00+01:00", "scan", 1200, 192.4,
            HISTORY_DISCOMFORT, ""),
        row("2026-11-24T10:00:00Z", "long", 4500, 0, HISTORY_BLOCKED, ""),
        row("2026-11-25T10:00:00+01:00", "bad\xff\xfe", 59.5, 0.4,
            HISTORY_STOPPED, ""),
    };
    struct history h = {.rows = rows, .count = 4};
    char *text = history_table_text(&h, titles, NULL);
    assert_non_null(text);
    char *lines[8];
    size_t n = 0;
    for (char *s = strtok(text, "\n"); s && n < 8; s = strtok(NULL, "\n"))
        lines[n++] = s;
    assert_int_equal(n, 6);
    assert_non_null(strstr(lines[0], "When"));
    assert_non_null(strstr(lines[1], "Mon 2026-11-23 09:01  Box breathing"));
    assert_non_null(strstr(lines[1], "5:00  5:00  completed"));
    assert_non_null(strstr(lines[2], "Körperreise"));
    assert_non_null(strstr(lines[2], "20:00  3:12  discomfort"));
    assert_non_null(strstr(lines[3], "Tue 2026-11-24 10:00"));
    assert_non_null(
        strstr(lines[3], "A very long title that goes on \xe2\x80\xa6"));
    assert_non_null(strstr(lines[3], "75:00  0:00  blocked"));
    /* Not UTF-8: shown as U+FFFD, never passed to the terminal. */
    assert_non_null(strstr(lines[4], "bad\xef\xbf\xbd\xef\xbf\xbd "));
    assert_non_null(strstr(lines[4], "1:00  0:00  stopped"));
    assert_string_equal(lines[5], "4 sessions, 8:13 practised");
    /* The Outcome column starts at the same column on every line. */
    size_t col = columns_before(lines[0], "Done");
    assert_int_equal(columns_before(lines[1], "5:00  completed"), col + 11);
    assert_int_equal(columns_before(lines[2], "3:12  discomfort"), col + 12);
    assert_int_equal(columns_before(lines[3], "0:00  blocked"), col + 9);
    assert_int_equal(columns_before(lines[4], "0:00  stopped"), col + 9);
    free(text);

    /* Without titles, the names as recorded. */
    h.count = 1;
    text = history_table_text(&h, NULL, NULL);
    assert_non_null(strstr(text, "Mon 2026-11-23 09:01  box    "));
    assert_non_null(strstr(text, "1 session, 5:00 practised\n"));
    free(text);
}

static void test_columns(void **state)
{
    (void)state;
    assert_int_equal(history_text_columns(""), 0);
    assert_int_equal(history_text_columns("abc"), 3);
    assert_int_equal(history_text_columns("K\xc3\xb6rper"), 6);
    assert_int_equal(history_text_columns("e\xcc\x81"), 1); /* e + acute */
    assert_int_equal(history_text_columns("\xe6\x97\xa5\xe6\x9c\xac"), 4);
    assert_int_equal(history_text_columns("\xf0\x9f\x8c\xbf"), 2); /* herb */
    assert_int_equal(history_text_columns("\xff"), 1);
    assert_int_equal(history_text_columns("\xc0\xaf"), 2);     /* overlong */
    assert_int_equal(history_text_columns("\xed\xa0\x80"), 3); /* surrogate */
    assert_int_equal(history_text_columns("\xe6\x97"), 2);     /* cut */
}

/* CSV: the export's header, the merged rows, RFC 4180 quoting. */
static void test_csv(void **state)
{
    (void)state;
    struct history_row rows[] = {
        row("2026-11-23T09:01:47+01:00", "box", 300, 300, HISTORY_COMPLETED,
            "played to the end"),
        row("2026-11-24T10:00:00+01:00", "pelvic", 600, 0, HISTORY_BLOCKED,
            "Do you have \"pain\", now?"),
    };
    struct history h = {.rows = rows, .count = 2};
    char *text = history_csv_text(&h);
    assert_string_equal(text, HISTORY_EXPORT_HEADER
                        "\n"
                        "2026-11-23T09:01:47+01:00,box,breathing,300.0,"
                        "300.0,completed,played to the end,,,\n"
                        "2026-11-24T10:00:00+01:00,pelvic,breathing,600."
                        "0,0.0,blocked,\"Do you have \"\"pain\"\", "
                        "now?\",,,\n");
    free(text);
    h.count = 0;
    text = history_csv_text(&h);
    assert_string_equal(text, HISTORY_EXPORT_HEADER "\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_day_numbers),
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_today_is_local),
        cmocka_unit_test(test_keep_since),
        cmocka_unit_test(test_report_days),
        cmocka_unit_test(test_report_empty),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_csv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
