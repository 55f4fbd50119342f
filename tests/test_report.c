/* test_report.c: the practice report's page as a therapist would get it:
 * hostile notes and titles come out as text (never markup, never a
 * control or a bidi override), nothing that could run or fetch, the
 * charts' bars as long as the minutes and sessions they stand for, the
 * ratings as the two numbers given and no verdict, an empty history, a
 * long period; and the file written private, whole, never through a
 * link. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/fsutil.h"
#include "../src/core/history_report.h"
#include "../src/core/report_file.h"
#include "../src/core/report_html.h"
#include "tmpdir.h"

#define NOTE_HOSTILE                                                           \
    "<script>alert(\"x\")</script> & 'quoted'\n"                               \
    "second line <img src=x onerror=alert(1)>\n"                               \
    "=HYPERLINK(\"evil\") bidi \xe2\x80\xae reversed, csi \xc2\x9b"            \
    "2J, esc \x1b[31m, bad \xff byte"

/* A history of rows the test fills (heap: rows are large). */
static struct history *new_history(size_t n)
{
    struct history *h = calloc(1, sizeof *h);
    h->rows = calloc(n ? n : 1, sizeof *h->rows);
    return h;
}

static void free_history(struct history *h)
{
    free(h->rows);
    free(h);
}

static struct history_row *add(struct history *h, const char *started,
                               const char *session, double planned,
                               double elapsed, enum history_outcome o,
                               const char *detail)
{
    struct history_row *r = &h->rows[h->count++];
    snprintf(r->started, sizeof r->started, "%s", started);
    snprintf(r->session, sizeof r->session, "%s", session);
    snprintf(r->type, sizeof r->type, "breathing");
    r->planned_s = planned;
    r->elapsed_s = elapsed;
    r->outcome = o;
    snprintf(r->detail, sizeof r->detail, "%s", detail);
    return r;
}

static const char *hostile_title(const char *name, void *ctx)
{
    (void)ctx;
    if (strcmp(name, "evil") == 0)
        return "Calm <b onmouseover=\"x()\">now</b> & \"then\"";
    return NULL;
}

static char *page(const struct history *h, long first, long last)
{
    struct report_input in = {.h = h,
                              .first_day = first,
                              .last_day = last,
                              .generated = "2026-12-20 14:03",
                              .title = hostile_title};
    char *html = report_html(&in);
    assert_non_null(html);
    return html;
}

static long day(int y, int m, int d)
{
    return history_day_number(y, m, d);
}

/* Every tag in the page is one the builder writes, with none of the
 * attributes that run or fetch. */
static void assert_tags_known(const char *html)
{
    static const char *const tags[] = {
        "!DOCTYPE", "html",   "head",   "meta",    "title", "style",
        "body",     "header", "h1",     "h2",      "h3",    "p",
        "section",  "dl",     "dt",     "dd",      "svg",   "line",
        "text",     "rect",   "circle", "table",   "thead", "tbody",
        "tr",       "th",     "td",     "article", "footer"};
    for (const char *p = html; (p = strchr(p, '<')); p++) {
        const char *name = p + 1 + (p[1] == '/');
        size_t len = strcspn(name, " >/");
        bool known = false;
        for (size_t i = 0; i < sizeof tags / sizeof *tags && !known; i++)
            known = strlen(tags[i]) == len && memcmp(name, tags[i], len) == 0;
        if (!known)
            fail_msg("an unknown tag: %.40s", p);
        const char *end = strchr(p, '>');
        assert_non_null(end);
        char tag[512];
        snprintf(tag, sizeof tag, "%.*s", (int)(end - p), p);
        if (strstr(tag, " on") || strstr(tag, "src=") || strstr(tag, "href=") ||
            strstr(tag, "style="))
            fail_msg("a tag that runs or fetches: %s", tag);
    }
}

/* What a page must never hold, whatever the history: anything that runs
 * or fetches, a raw control or bidi override, bytes that are not UTF-8. */
static void assert_inert(const char *html)
{
    static const char *const never[] = {
        "<script", "<img",     "<iframe", "<object",      "<embed",
        "<link",   "url(",     "@import", "http:",        "https:",
        "\x1b",    "\xc2\x9b", "\xff",    "\xe2\x80\xae", "javascript"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(html, never[i]))
            fail_msg("the page holds \"%s\"", never[i]);
    assert_tags_known(html);
    /* http only in the policy that forbids fetching anything. */
    const char *p = html;
    size_t n = 0;
    while ((p = strstr(p, "http")) != NULL) {
        assert_memory_equal(p, "http-equiv=\"Content-Security-Policy\"", 36);
        p++;
        n++;
    }
    assert_int_equal(n, 1);
    assert_non_null(strstr(html, "default-src 'none'"));
}

/* Notes and titles from people and files come out as text. */
static void test_hostile_text(void **state)
{
    (void)state;
    struct history *h = new_history(2);
    struct history_row *r = add(h, "2026-12-01T09:00:00+01:00", "evil", 300,
                                300, HISTORY_COMPLETED, "played to the end");
    snprintf(r->note, sizeof r->note, "%s", NOTE_HOSTILE);
    add(h, "2026-12-02T09:00:00+01:00", "pelvic<script>", 300, 0,
        HISTORY_BLOCKED, "Do you have \"pain\" <now>? & =1+1");
    char *html = page(h, day(2026, 12, 1), day(2026, 12, 7));
    assert_inert(html);
    assert_non_null(
        strstr(html, "<p class=\"note\">&lt;script&gt;alert(&quot;x&quot;)&lt;/"
                     "script&gt; &amp; &#39;quoted&#39;\nsecond line &lt;img "
                     "src=x onerror=alert(1)&gt;\n=HYPERLINK(&quot;evil&quot;) "
                     "bidi   reversed, csi  2J, esc  [31m, bad \xef\xbf\xbd "
                     "byte</p>"));
    assert_non_null(strstr(html, "Calm &lt;b onmouseover=&quot;x()&quot;&gt;"
                                 "now&lt;/b&gt; &amp; &quot;then&quot;"));
    assert_non_null(
        strstr(html, "<td class=\"name\">pelvic&lt;script&gt;</td>"));
    assert_non_null(strstr(html, "The question that stopped it: "
                                 "\xe2\x80\x9c"
                                 "Do you have &quot;pain&quot; &lt;now&gt;? "
                                 "&amp; =1+1\xe2\x80\x9d"));
    /* The line break stays in the note only (pre-wrap shows it). */
    assert_non_null(strstr(html, ".note { white-space: pre-wrap;"));
    free(html);
    free_history(h);
}

/* What it is, over which period, made when. */
static void test_heading(void **state)
{
    (void)state;
    struct history *h = new_history(0);
    char *html = page(h, day(2026, 11, 23), day(2026, 12, 20));
    assert_non_null(strstr(html, "<h1>stillpoint practice report</h1>"));
    assert_non_null(strstr(html, "Period: Mon 23 Nov 2026 \xe2\x80\x93 Sun 20 "
                                 "Dec 2026 (28 days)"));
    assert_non_null(strstr(html, "Generated 2026-12-20 14:03"));
    assert_non_null(strstr(html, "@page { size: A4;"));
    assert_non_null(strstr(html, "@media print"));
    free(html);
    free_history(h);
}

/* The bars are as long as what they stand for: minutes on a round top,
 * sessions on their largest count; each bar says its numbers. */
static void test_chart_numbers(void **state)
{
    (void)state;
    struct history *h = new_history(4);
    add(h, "2026-11-23T08:00:00+01:00", "a", 600, 600, HISTORY_COMPLETED, "");
    add(h, "2026-11-23T20:00:00+01:00", "a", 1200, 1200, HISTORY_COMPLETED, "");
    add(h, "2026-11-25T08:00:00+01:00", "a", 900, 900, HISTORY_COMPLETED, "");
    add(h, "2026-11-26T08:00:00+01:00", "a", 900, 0, HISTORY_BLOCKED, "Q?");
    char *html = page(h, day(2026, 11, 23), day(2026, 11, 29));
    assert_inert(html);
    /* 7 days over 628 units: 89.71 each, bars 72% of that. */
    assert_non_null(strstr(html, "<rect class=\"bar\" x=\"56.56\" y=\"12.00\" "
                                 "width=\"64.59\" height=\"110.00\"><title>Mon "
                                 "23 Nov 2026: 2 sessions, 30 min</title>"));
    assert_non_null(strstr(html, "<rect class=\"bar\" x=\"235.99\" "
                                 "y=\"67.00\" width=\"64.59\" "
                                 "height=\"55.00\"><title>Wed 25 Nov 2026: 1 "
                                 "session, 15 min</title>"));
    /* A blocked session: no minutes, but the day shows a session. */
    assert_non_null(strstr(html, "height=\"1.00\"><title>Thu 26 Nov 2026: 1 "
                                 "session, 0 min</title>"));
    assert_non_null(strstr(html, "<rect class=\"bar2\" x=\"56.56\" "
                                 "y=\"12.00\" width=\"64.59\" "
                                 "height=\"48.00\"><title>Mon 23 Nov 2026"));
    assert_non_null(strstr(html, "height=\"24.00\"><title>Wed 25 Nov 2026"));
    /* The axis: 0, 15 and 30 minutes. */
    assert_non_null(strstr(html, "text-anchor=\"end\">30</text>"));
    assert_non_null(strstr(html, "text-anchor=\"end\">15</text>"));
    /* Days without a session draw no bar: 3 days, two charts. */
    size_t rects = 0;
    for (const char *p = html; (p = strstr(p, "<rect")); p++)
        rects++;
    assert_int_equal(rects, 6);
    assert_non_null(strstr(html, "<dt>Sessions</dt><dd>4</dd>"));
    assert_non_null(strstr(html, "<dt>Minutes practised</dt><dd>45</dd>"));
    assert_non_null(
        strstr(html, "<dt>Days with a session</dt><dd>3 of 7</dd>"));
    free(html);
    free_history(h);
}

/* The ratings: the two numbers as given, none as a dash; dots without a
 * line; no word that judges. */
static void test_ratings(void **state)
{
    (void)state;
    struct history *h = new_history(3);
    struct history_row *r = add(h, "2026-11-23T08:00:00+01:00", "a", 600, 600,
                                HISTORY_COMPLETED, "");
    r->has_before = r->has_after = true;
    r->before = 8;
    r->after = 3;
    r = add(h, "2026-11-24T08:00:00+01:00", "a", 600, 192, HISTORY_DISCOMFORT,
            "stopped for discomfort at 03:12");
    r->has_before = true;
    r->before = 0;
    add(h, "2026-11-25T08:00:00+01:00", "a", 600, 600, HISTORY_COMPLETED, "");
    char *html = page(h, day(2026, 11, 23), day(2026, 11, 29));
    assert_inert(html);
    assert_non_null(strstr(html, "<td>completed</td><td class=\"num\">8</td>"
                                 "<td class=\"num\">3</td>"));
    assert_non_null(strstr(html, "<td>stopped for discomfort</td><td "
                                 "class=\"num\">0</td><td "
                                 "class=\"num\">\xe2\x80\x93</td>"));
    assert_non_null(strstr(html, "<circle class=\"before\" cx=\"55.00\" "
                                 "cy=\"30.0\" r=\"3.2\"><title>Mon 23 Nov "
                                 "2026 08:00, a: before 8</title>"));
    assert_non_null(strstr(html, "<circle class=\"after\" cx=\"61.00\" "
                                 "cy=\"80.0\""));
    assert_non_null(strstr(html, "cy=\"110.0\" r=\"3.2\"><title>Tue 24 Nov "
                                 "2026 08:00, a: before 0</title>"));
    assert_null(strstr(html, "<polyline"));
    assert_null(strstr(html, "<path"));
    assert_non_null(strstr(html, "Stopped for discomfort after 3:12 of "
                                 "10:00."));
    static const char *const verdicts[] = {
        "improv", "better", "worse",   "progress", "great",  "well done",
        "streak", "goal",   "success", "fail",     "score:", "\xe2\x86\x92"};
    for (size_t i = 0; i < sizeof verdicts / sizeof *verdicts; i++)
        if (strstr(html, verdicts[i]))
            fail_msg("the page says \"%s\"", verdicts[i]);
    free(html);
    free_history(h);
}

/* No sessions: a whole page that says so. */
static void test_empty(void **state)
{
    (void)state;
    struct history *h = new_history(0);
    char *html = page(h, day(2026, 12, 20), day(2026, 12, 20));
    assert_inert(html);
    assert_non_null(strstr(html, "(1 day)"));
    assert_non_null(strstr(html, "<dt>Sessions</dt><dd>0</dd>"));
    assert_non_null(strstr(html, "No sessions in this period."));
    assert_non_null(strstr(html, "No notes in this period."));
    assert_non_null(strstr(html, "No ratings in this period."));
    assert_non_null(strstr(html, "<p>None in this period.</p>"));
    assert_null(strstr(html, "<rect"));
    assert_null(strstr(html, "<circle"));
    assert_non_null(strstr(html, "</html>\n"));
    free(html);
    free_history(h);
}

/* A period longer than 400 days: bars of several days, never more than
 * 400 of them. */
static void test_long_period(void **state)
{
    (void)state;
    struct history *h = new_history(1000);
    for (int i = 0; i < 1000; i++) {
        int y, m, d;
        history_day_date(day(2024, 1, 1) + i, &y, &m, &d);
        char stamp[40];
        snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT08:00:00+01:00", y, m, d);
        add(h, stamp, "a", 300, 300, HISTORY_COMPLETED, "");
    }
    char *html = page(h, day(2024, 1, 1), day(2024, 1, 1) + 999);
    assert_non_null(strstr(html, "Each bar is 3 days."));
    size_t bars = 0;
    for (const char *p = html; (p = strstr(p, "<rect class=\"bar\"")); p++)
        bars++;
    assert_int_equal(bars, 334);
    assert_non_null(strstr(html, "<title>1 Jan \xe2\x80\x93 Wed 3 Jan 2024: 3 "
                                 "sessions, 15 min</title>"));
    free(html);
    free_history(h);
}

/* Rows in order of their start, whatever the file's order. */
static void test_sort(void **state)
{
    (void)state;
    struct history *h = new_history(3);
    add(h, "2026-11-25T08:00:00+01:00", "c", 1, 1, HISTORY_COMPLETED, "");
    add(h, "2026-11-23T08:00:00+01:00", "a", 1, 1, HISTORY_COMPLETED, "");
    add(h, "2026-11-23T08:00:00Z", "b", 1, 1, HISTORY_COMPLETED, "");
    assert_true(history_sort_by_start(h));
    assert_string_equal(h->rows[0].session, "a");
    assert_string_equal(h->rows[1].session, "b");
    assert_string_equal(h->rows[2].session, "c");
    free_history(h);
}

/* ---- the file */

static int setup(void **state)
{
    return tmpdir_setup(state, "report", "report.html");
}

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.' || (e->d_name[1] && e->d_name[1] != '.');
    closedir(d);
    return n;
}

/* Private whatever the umask; an old report replaced whole. */
static void test_file_private(void **state)
{
    struct tmpdir *t = *state;
    char err[512];
    FILE *fp = fopen(t->path, "w");
    fputs("an older report, readable by all", fp);
    fclose(fp);
    chmod(t->path, 0644);
    mode_t old = umask(0);
    enum report_file_status st =
        report_file_write(t->path, "<p>new</p>", 10, err, sizeof err);
    umask(old);
    assert_int_equal(st, REPORT_FILE_OK);
    struct stat sb;
    assert_int_equal(lstat(t->path, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0600);
    assert_int_equal(sb.st_size, 10);
    assert_int_equal(files_in(t->dir), 1); /* no temporary file left */
}

/* A link at the destination is refused and what it leads to untouched;
 * so is a folder. */
static void test_file_refuses_link(void **state)
{
    struct tmpdir *t = *state;
    char target[160], err[512];
    snprintf(target, sizeof target, "%s/target", t->dir);
    FILE *fp = fopen(target, "w");
    fputs("keep", fp);
    fclose(fp);
    assert_int_equal(symlink(target, t->path), 0);
    assert_int_equal(report_file_write(t->path, "x", 1, err, sizeof err),
                     REPORT_FILE_REFUSED);
    char want[300];
    snprintf(want, sizeof want, "%s: " FSUTIL_LINK_REFUSED, t->path);
    assert_string_equal(err, want);
    struct stat sb;
    assert_int_equal(stat(target, &sb), 0);
    assert_int_equal(sb.st_size, 4);
    assert_int_equal(lstat(t->path, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    unlink(t->path);
    assert_int_equal(mkdir(t->path, 0700), 0);
    assert_int_equal(report_file_write(t->path, "x", 1, err, sizeof err),
                     REPORT_FILE_REFUSED);
    assert_non_null(strstr(err, "not a regular file"));
    assert_int_equal(files_in(t->dir), 2);
}

/* A folder that cannot be written: a failure that says so, nothing
 * left. */
static void test_file_unwritable(void **state)
{
    struct tmpdir *t = *state;
    char err[512];
    if (geteuid() == 0)
        skip(); /* root writes anywhere */
    chmod(t->dir, 0500);
    assert_int_equal(report_file_write(t->path, "x", 1, err, sizeof err),
                     REPORT_FILE_FAILED);
    assert_non_null(strstr(err, "cannot be written: Permission denied"));
    chmod(t->dir, 0700);
    assert_int_equal(files_in(t->dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_text),
        cmocka_unit_test(test_heading),
        cmocka_unit_test(test_chart_numbers),
        cmocka_unit_test(test_ratings),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_long_period),
        cmocka_unit_test(test_sort),
        cmocka_unit_test_setup_teardown(test_file_private, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_file_refuses_link, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_file_unwritable, setup,
                                        tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
