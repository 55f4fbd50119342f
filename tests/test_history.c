/* test_history.c: the session history file reads back what a user saw
 * happen: exact CSV format, begin and end rows merged into one, a crash at
 * any point leaving a readable file, damaged lines skipped and counted,
 * and file permissions that keep the history private. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/history.h"
#include "../src/core/history_table.h"
#include "tmpdir.h"

/* 2026-11-23 09:01:47 in Paris (08:01:47 UTC). */
#define T0        ((time_t)1795420907)
#define PARIS     "CET-1CEST,M3.5.0,M10.5.0/3" /* no tzdata needed */
#define HEADER_LF HISTORY_HEADER "\n"
#define GOOD_ROW_1                                                             \
    "2026-11-23T09:01:47+01:00,a,breathing,60.0,60.0,completed,\n"
#define GOOD_ROW_2 "2026-11-23T10:00:00+01:00,b,body-scan,600.0,1.5,stopped,x\n"

/* ---- helpers */

static int setup(void **state)
{
    return tmpdir_setup(state, "history", "stillpoint/history.csv");
}

static void write_file(const char *path, const char *text, size_t len)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    mkdir(dir, 0700);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void write_text(const char *path, const char *text)
{
    write_file(path, text, strlen(text));
}

/* The whole file as a string (caller frees). */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    size_t cap = 1 << 16, len = 0, n;
    char *s = malloc(cap + 1);
    while ((n = fread(s + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap)
            s = realloc(s, (cap *= 2) + 1);
    }
    fclose(fp);
    s[len] = '\0';
    return s;
}

static struct history_row make_row(const char *started, const char *session,
                                   const char *type, double planned,
                                   double elapsed, enum history_outcome o,
                                   const char *detail)
{
    struct history_row r = {
        .planned_s = planned, .elapsed_s = elapsed, .outcome = o};
    snprintf(r.started, sizeof r.started, "%s", started);
    snprintf(r.session, sizeof r.session, "%s", session);
    snprintf(r.type, sizeof r.type, "%s", type);
    snprintf(r.detail, sizeof r.detail, "%s", detail);
    return r;
}

static void append_ok(const char *path, const struct history_row *r)
{
    char err[512] = "";
    int rc = history_append(path, r, err, sizeof err);
    if (rc != 0)
        fail_msg("append: %s", err);
}

static void read_ok(const char *path, struct history *h)
{
    char err[512] = "";
    int rc = history_read(path, h, err, sizeof err);
    if (rc != 0)
        fail_msg("read: %s", err);
}

static void set_tz(const char *tz)
{
    if (tz)
        setenv("TZ", tz, 1);
    else
        unsetenv("TZ");
    tzset();
}

/* ---- outcomes and time stamps */

static void test_outcome_names(void **state)
{
    (void)state;
    static const struct {
        enum history_outcome o;
        const char *name;
    } table[] = {
        {HISTORY_COMPLETED, "completed"},     {HISTORY_STOPPED, "stopped"},
        {HISTORY_DISCOMFORT, "discomfort"},   {HISTORY_BLOCKED, "blocked"},
        {HISTORY_INTERRUPTED, "interrupted"},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        enum history_outcome o;
        assert_string_equal(history_outcome_name(table[i].o), table[i].name);
        assert_true(history_outcome_parse(table[i].name, &o));
        assert_int_equal(o, table[i].o);
    }
    static const char *const bad[] = {"", "Completed", "complete", "stopped ",
                                      "unknown"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        enum history_outcome o;
        assert_false(history_outcome_parse(bad[i], &o));
    }
    assert_string_equal(history_outcome_name((enum history_outcome)42),
                        "unknown");
}

/* The start time a therapist reads: local time with the offset, colon
 * included, whatever the zone. */
static void test_stamp_offsets(void **state)
{
    (void)state;
    static const struct {
        const char *tz;
        time_t when;
        const char *expect;
    } table[] = {
        {PARIS, T0, "2026-11-23T09:01:47+01:00"},
        {PARIS, 1782900000, "2026-07-01T12:00:00+02:00"},
        {"Europe/Paris", T0, "2026-11-23T09:01:47+01:00"},
        {"UTC0", T0, "2026-11-23T08:01:47+00:00"},
        {"EST5EDT,M3.2.0,M11.1.0", T0, "2026-11-23T03:01:47-05:00"},
        {"<+0530>-5:30", T0, "2026-11-23T13:31:47+05:30"},
        {"<-0330>3:30", T0, "2026-11-23T04:31:47-03:30"},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        /* Named zones need tzdata, which a minimal system may lack. */
        if (table[i].tz[0] != '<' && strchr(table[i].tz, '/') &&
            access("/usr/share/zoneinfo/Europe/Paris", R_OK) != 0)
            continue;
        set_tz(table[i].tz);
        struct history_row r;
        assert_true(history_stamp(&r, table[i].when));
        assert_string_equal(r.started, table[i].expect);
    }
    /* 0 means now: between a stamp taken just before and one just after
     * (same zone, so the strings sort as the times do). */
    set_tz("UTC0");
    struct history_row before, now, after;
    assert_true(history_stamp(&before, time(NULL)));
    assert_true(history_stamp(&now, 0));
    assert_true(history_stamp(&after, time(NULL)));
    assert_true(strcmp(before.started, now.started) <= 0);
    assert_true(strcmp(now.started, after.started) <= 0);
    assert_string_equal(now.started + 19, "+00:00");
    set_tz(NULL);
}

/* ---- writing */

/* The header and rows byte for byte: quoting, seconds to 0.1 s, newlines
 * in free text turned into spaces. */
static void test_format_exact(void **state)
{
    struct tmpdir *f = *state;
    set_tz(PARIS);
    struct history_row r = make_row("", "box, square", "breathing", 300, 192.44,
                                    HISTORY_INTERRUPTED, "");
    assert_true(history_stamp(&r, T0));
    append_ok(f->path, &r);
    r.outcome = HISTORY_STOPPED;
    snprintf(r.detail, sizeof r.detail,
             "stopped at 03:12, in step 4 \"slow\"\nby Esc");
    append_ok(f->path, &r);
    set_tz(NULL);

    char *text = slurp(f->path);
    assert_string_equal(
        text, HEADER_LF
        "2026-11-23T09:01:47+01:00,\"box, square\",breathing,300.0,192.4,"
        "interrupted,\n"
        "2026-11-23T09:01:47+01:00,\"box, square\",breathing,300.0,192.4,"
        "stopped,\"stopped at 03:12, in step 4 \"\"slow\"\" by Esc\"\n");
    free(text);

    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, 0);
    assert_string_equal(h.rows[0].session, "box, square");
    assert_string_equal(h.rows[0].detail,
                        "stopped at 03:12, in step 4 \"slow\" by Esc");
    history_free(&h);
}

/* Whatever a row holds (longest fields, all quotes, control characters)
 * reads back as written, control characters as spaces. */
static void test_round_trip_extremes(void **state)
{
    struct tmpdir *f = *state;
    struct history_row r =
        make_row("2026-01-31T23:59:60-12:45", "", "", 0, HISTORY_SECONDS_MAX,
                 HISTORY_DISCOMFORT, "");
    memset(r.session, '"', sizeof r.session - 1);
    memset(r.type, ',', sizeof r.type - 1);
    memset(r.detail, '"', sizeof r.detail - 1);
    append_ok(f->path, &r);

    struct history_row c =
        make_row("2026-02-28T00:00:00Z", "tab\there", "bell\a", 0.04, 0.05,
                 HISTORY_BLOCKED, "line1\r\nline2\x1b[31m");
    append_ok(f->path, &c);

    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 0);
    assert_memory_equal(&h.rows[0].session, &r.session, sizeof r.session);
    assert_memory_equal(&h.rows[0].type, &r.type, sizeof r.type);
    assert_memory_equal(&h.rows[0].detail, &r.detail, sizeof r.detail);
    assert_true(h.rows[0].elapsed_s == HISTORY_SECONDS_MAX);
    assert_int_equal(h.rows[0].outcome, HISTORY_DISCOMFORT);
    assert_string_equal(h.rows[1].session, "tab here");
    assert_string_equal(h.rows[1].type, "bell ");
    assert_string_equal(h.rows[1].detail, "line1  line2 [31m");
    assert_true(h.rows[1].planned_s == 0.0);
    assert_true(h.rows[1].elapsed_s == 0.1);
    history_free(&h);
}

/* A row the reader would call damaged is never written. */
static void test_append_rejects_bad_rows(void **state)
{
    struct tmpdir *f = *state;
    static const char *const ok = "2026-11-23T09:01:47+01:00";
    const struct {
        struct history_row row;
        const char *message;
    } table[] = {
        {make_row("", "s", "t", 1, 1, HISTORY_COMPLETED, ""), "start time"},
        {make_row("2026-11-23 09:01:47", "s", "t", 1, 1, HISTORY_COMPLETED, ""),
         "start time"},
        {make_row("2026-02-29T09:01:47+01:00", "s", "t", 1, 1,
                  HISTORY_COMPLETED, ""),
         "start time"},
        {make_row(ok, "s", "t", 1, 1, (enum history_outcome)7, ""), "outcome"},
        {make_row(ok, "s", "t", -1, 1, HISTORY_COMPLETED, ""), "seconds"},
        {make_row(ok, "s", "t", 1, NAN, HISTORY_COMPLETED, ""), "seconds"},
        {make_row(ok, "s", "t", INFINITY, 1, HISTORY_COMPLETED, ""), "seconds"},
        {make_row(ok, "s", "t", 1, 2e9, HISTORY_COMPLETED, ""), "seconds"},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        char err[512] = "";
        assert_int_equal(
            history_append(f->path, &table[i].row, err, sizeof err), -1);
        assert_non_null(strstr(err, table[i].message));
        assert_int_equal(access(f->path, F_OK), -1); /* nothing created */
    }
}

/* ---- merging */

/* The begin row says interrupted until the end row arrives; two sessions
 * overlapping in the file stay two rows, in the order they started. */
static void test_begin_end_merge(void **state)
{
    struct tmpdir *f = *state;
    struct history_row a =
        make_row("2026-11-23T09:00:00+01:00", "box", "breathing", 300, 0,
                 HISTORY_INTERRUPTED, "");
    struct history_row b =
        make_row("2026-11-23T09:00:00+01:00", "scan", "body-scan", 900, 0,
                 HISTORY_INTERRUPTED, "");
    append_ok(f->path, &a);

    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.rows[0].outcome, HISTORY_INTERRUPTED);
    assert_string_equal(h.rows[0].session, "box");
    history_free(&h);

    append_ok(f->path, &b); /* same second, other session: its own row */
    a.outcome = HISTORY_DISCOMFORT;
    a.elapsed_s = 95.5;
    snprintf(a.detail, sizeof a.detail, "stopped at 01:35 in step 2");
    append_ok(f->path, &a);

    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 0);
    assert_string_equal(h.rows[0].session, "box");
    assert_int_equal(h.rows[0].outcome, HISTORY_DISCOMFORT);
    assert_true(h.rows[0].elapsed_s == 95.5);
    assert_string_equal(h.rows[0].detail, "stopped at 01:35 in step 2");
    assert_string_equal(h.rows[1].session, "scan");
    assert_int_equal(h.rows[1].outcome, HISTORY_INTERRUPTED);
    history_free(&h);
}

/* ---- damage */

/* A crash in the middle of a write leaves half a row without a newline:
 * it is skipped and counted, and the next append puts its row on a line
 * of its own, so every good row still reads. */
static void test_damaged_last_line(void **state)
{
    struct tmpdir *f = *state;
    static const char half[] = "2026-11-23T10:00:00+01:00,b,body-scan,600.0,1";
    write_text(f->path, HEADER_LF GOOD_ROW_1 "2026-11-23T10:00:00+01:00,b,"
                                             "body-scan,600.0,1");
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, 1);
    history_free(&h);

    struct history_row r = make_row("2026-11-23T11:00:00+01:00", "c",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    append_ok(f->path, &r);
    char *text = slurp(f->path);
    assert_string_equal(text, HEADER_LF GOOD_ROW_1
                        "2026-11-23T10:00:00+01:00,b,body-scan,600.0,1\n"
                        "2026-11-23T11:00:00+01:00,c,breathing,60.0,60.0,"
                        "completed,\n");
    assert_non_null(strstr(text, half));
    free(text);

    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 1);
    assert_string_equal(h.rows[0].session, "a");
    assert_string_equal(h.rows[1].session, "c");
    history_free(&h);
}

/* Each of these lines, between two good rows, is skipped and counted;
 * both good rows still load. */
static void test_garbage_lines(void **state)
{
    struct tmpdir *f = *state;
    static const char long_detail[] = "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,"
                                      "completed,";
    static const char *const bad[] = {
        "garbage",
        ",,,,,,",
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,completed",     /* 6 */
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,completed,d,e", /* 8 */
        "2026-11-23T09:30:00+01:00,x,t,one,1.0,completed,",    /* number */
        "2026-11-23T09:30:00+01:00,x,t,-1.0,1.0,completed,",   /* negative */
        "2026-11-23T09:30:00+01:00,x,t,1e3,1.0,completed,",    /* exponent */
        "2026-11-23T09:30:00+01:00,x,t,,1.0,completed,",       /* empty */
        "2026-11-23T09:30:00+01:00,x,t,1.,1.0,completed,",     /* no tenth */
        "2026-11-23T09:30:00+01:00,x,t,1.0,nan,completed,",    /* nan */
        "2026-11-23T09:30:00+01:00,x,t,1.123456,1.0,completed,",
        "2026-11-23T09:30:00+01:00,x,t,12345678901.0,1.0,completed,",
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,finished,",       /* outcome */
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,Completed,",      /* case */
        "2026-13-23T09:30:00+01:00,x,t,1.0,1.0,completed,",      /* month */
        "2026-02-29T09:30:00+01:00,x,t,1.0,1.0,completed,",      /* no leap */
        "2026-11-23T24:30:00+01:00,x,t,1.0,1.0,completed,",      /* hour */
        "2026-11-23T09:30:00,x,t,1.0,1.0,completed,",            /* offset */
        "2026-11-23T09:30:00+0100,x,t,1.0,1.0,completed,",       /* colon */
        "2026-11-23 09:30:00+01:00,x,t,1.0,1.0,completed,",      /* space */
        "2026-11-23T09:30:00+01:00,\"x,t,1.0,1.0,completed,",    /* quote */
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,completed,\"d",   /* quote */
        "2026-11-23T09:30:00+01:00,\"x\"y,t,1.0,1.0,completed,", /* after */
        "2026-11-23T09:30:00+01:00,x\"y,t,1.0,1.0,completed,",   /* bare */
        "\"2026-11-23T09:30:00+01:00,x,t,1.0,1.0,completed,",
    };
    struct history h;
    char text[8192];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(text, sizeof text, HEADER_LF GOOD_ROW_1 "%s\n" GOOD_ROW_2,
                 bad[i]);
        write_text(f->path, text);
        read_ok(f->path, &h);
        if (h.count != 2 || h.damaged != 1)
            fail_msg("line read as good: %s", bad[i]);
        assert_string_equal(h.rows[0].session, "a");
        assert_string_equal(h.rows[1].session, "b");
        history_free(&h);
    }

    /* A line over HISTORY_LINE_MAX bytes, a NUL byte, and a field too
     * long for its place in struct history_row. */
    size_t len = (size_t)snprintf(text, sizeof text, HEADER_LF GOOD_ROW_1);
    len += (size_t)snprintf(text + len, sizeof text - len, "%s", long_detail);
    memset(text + len, 'd', HISTORY_LINE_MAX);
    len += HISTORY_LINE_MAX;
    text[len++] = '\n';
    static const char nul_row[] =
        "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,completed,a\0b\n";
    memcpy(text + len, nul_row, sizeof nul_row - 1);
    len += sizeof nul_row - 1;
    len += (size_t)snprintf(text + len, sizeof text - len, "%s", long_detail);
    memset(text + len, 'd', 256);
    len += 256;
    text[len++] = '\n';
    len += (size_t)snprintf(text + len, sizeof text - len, GOOD_ROW_2);
    write_file(f->path, text, len);
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 3);
    history_free(&h);
}

/* Each damaged line is named by its line in the file (the header is line
 * 1) with what is wrong; a last line without its newline says it was cut
 * short; after HISTORY_NOTES_MAX notes the rest are only counted. */
static void test_damage_notes(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, HEADER_LF GOOD_ROW_1
               "garbage\n"
               "2026-11-23T09:30:00+01:00,x,t,1.0,1.0,finished,\n"
               "\n"
               "2026-11-23T09:30:00+01:00,x,t,one,1.0,completed,\n"
               "2026-11-23T09:30:00+01:00,\"x,t,1.0,1.0,completed,\n"
               "2026-11-32T09:30:00+01:00,x,t,1.0,1.0,completed,\n" GOOD_ROW_2
               "2026-11-23T10:00:00+01:00,c,body-scan,600.0,1");
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 6);
    assert_int_equal(h.n_notes, 6);
    static const struct {
        size_t line;
        const char *what;
    } expect[] = {
        {3, "fewer than 7 fields"},
        {4, "outcome: not completed, stopped, discomfort, blocked, "
            "interrupted, rated-before, rated-after or note"},
        {6, "planned_s: not seconds like 600.0"},
        {7, "a quote that is never closed"},
        {8, "started: not a time like 2026-11-23T09:01:47+01:00"},
        {10, "fewer than 7 fields (the last line, cut short: no newline at "
             "its end)"},
    };
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(h.notes[i].line, expect[i].line);
        assert_string_equal(h.notes[i].what, expect[i].what);
    }
    history_free(&h);

    /* Many damaged lines: HISTORY_NOTES_MAX described, all counted. */
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fputs(HEADER_LF, fp);
    for (int i = 0; i < HISTORY_NOTES_MAX + 5; i++)
        fputs("x,y\n", fp);
    fputs(GOOD_ROW_1, fp);
    assert_int_equal(fclose(fp), 0);
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, HISTORY_NOTES_MAX + 5);
    assert_int_equal(h.n_notes, HISTORY_NOTES_MAX);
    assert_int_equal(h.notes[HISTORY_NOTES_MAX - 1].line,
                     HISTORY_NOTES_MAX + 1);
    history_free(&h);
}

/* A first write cut short inside the header: the next append starts a
 * new line, and the rows after the cut header still read. */
static void test_cut_header(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, "started,session,ty");
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    append_ok(f->path, &r);
    char *text = slurp(f->path);
    assert_string_equal(text, "started,session,ty\n" GOOD_ROW_1);
    free(text);
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, 1);
    assert_int_equal(h.notes[0].line, 1);
    assert_string_equal(h.notes[0].what, "the header, cut short");
    history_free(&h);
}

/* A file that is not our history is never appended to, nor made
 * private: the append is refused, naming the file and what is wrong, and
 * the file keeps every byte and its mode. What is a history to the
 * reader is one to the writer: the header with a Windows line end, or
 * with no newline at all (a write cut short just before it), is appended
 * to (and the header cut short: test_cut_header). */
static void test_append_refuses_wrong_header(void **state)
{
    struct tmpdir *f = *state;
    static const char *const files[] = {
        "date,name\n1,2\n",
        "date,name\n1,2",
        "\xef\xbb\xbf" HEADER_LF GOOD_ROW_1, /* a byte-order mark */
        HISTORY_HEADER ",extra\n" GOOD_ROW_1,
        "\n" HEADER_LF GOOD_ROW_1,
        "STARTED,SESSION,TYPE,PLANNED_S,ELAPSED_S,OUTCOME,DETAIL\n",
        HISTORY_HEADER "x", /* longer than the header, no newline */
        "#!/bin/sh\nrm -rf ~\n",
    };
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        write_text(f->path, files[i]);
        assert_int_equal(chmod(f->path, 0644), 0);
        char err[512] = "", want[512];
        assert_int_equal(history_append(f->path, &r, err, sizeof err), -1);
        snprintf(want, sizeof want,
                 "%s: not a stillpoint history (the first line is not "
                 "\"%s\"); nothing was written to it",
                 f->path, HISTORY_HEADER);
        assert_string_equal(err, want);
        char *text = slurp(f->path);
        assert_string_equal(text, files[i]);
        free(text);
        struct stat st;
        assert_int_equal(stat(f->path, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0644);
    }

    /* Ours. */
    static const char *const ours[] = {HISTORY_HEADER "\r\n", HISTORY_HEADER,
                                       HEADER_LF GOOD_ROW_2};
    for (size_t i = 0; i < sizeof ours / sizeof *ours; i++) {
        write_text(f->path, ours[i]);
        append_ok(f->path, &r);
        char *text = slurp(f->path), want[512];
        snprintf(want, sizeof want, "%s%s" GOOD_ROW_1, ours[i],
                 i == 1 ? "\n" : "");
        assert_string_equal(text, want);
        free(text);
    }
}

/* A symbolic link where the history goes, to a file or to nowhere: the
 * append is refused naming the link; nothing is written, made private or
 * created where it leads, and the link stays. */
static void test_append_refuses_link(void **state)
{
    struct tmpdir *f = *state;
    char real[256], nowhere[256], dir[256], want[512];
    snprintf(real, sizeof real, "%s/elsewhere.csv", f->dir);
    snprintf(nowhere, sizeof nowhere, "%s/nowhere.csv", f->dir);
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    write_text(real, HEADER_LF GOOD_ROW_2);
    assert_int_equal(chmod(real, 0644), 0);
    snprintf(want, sizeof want,
             "%s: is a symbolic link; stillpoint will not write through it",
             f->path);
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    const char *targets[] = {real, nowhere};
    for (size_t i = 0; i < 2; i++) {
        unlink(f->path);
        assert_int_equal(symlink(targets[i], f->path), 0);
        char err[512] = "";
        assert_int_equal(history_append(f->path, &r, err, sizeof err), -1);
        assert_string_equal(err, want);
        struct stat st;
        assert_int_equal(lstat(f->path, &st), 0);
        assert_true(S_ISLNK(st.st_mode));
    }
    char *text = slurp(real);
    assert_string_equal(text, HEADER_LF GOOD_ROW_2);
    free(text);
    struct stat st;
    assert_int_equal(stat(real, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_int_equal(access(nowhere, F_OK), -1);
}

/* An existing history others may read is made private when appended to,
 * and the caller is told once; a private one is left as it is. */
static void test_append_tightens_mode(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, HEADER_LF);
    assert_int_equal(chmod(f->path, 0644), 0);
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    char err[512] = "junk";
    assert_int_equal(history_append(f->path, &r, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_non_null(strstr(err, f->path));
    assert_non_null(strstr(err, "(mode 0644); made private (0600)"));

    strcpy(err, "junk");
    assert_int_equal(history_append(f->path, &r, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_int_equal(chmod(f->path, 0660), 0);
    assert_int_equal(history_append(f->path, &r, err, sizeof err), 0);
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    char *text = slurp(f->path);
    assert_string_equal(text, HEADER_LF GOOD_ROW_1 GOOD_ROW_1 GOOD_ROW_1);
    free(text);
}

/* The exact line the file holds is what history_format_row gives, and a
 * buffer too small gives nothing rather than a cut line. */
static void test_format_row(void **state)
{
    (void)state;
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    char line[HISTORY_LINE_MAX];
    assert_int_equal(history_format_row(&r, line, sizeof line),
                     strlen(GOOD_ROW_1));
    assert_string_equal(line, GOOD_ROW_1);
    assert_int_equal(history_format_row(&r, line, strlen(GOOD_ROW_1)), 0);
    assert_string_equal(line, "");
    r.outcome = (enum history_outcome)42;
    assert_int_equal(history_format_row(&r, line, sizeof line), 0);
}

/* ---- fields a spreadsheet would run */

/* A text field from a session file (its name, its type, a question in
 * the detail) that would begin with = + - @, a tab or a carriage return
 * is a formula to a spreadsheet: it is written with a leading apostrophe,
 * in history.csv and in --csv alike, and read back without it, so the
 * table shows what the file said. One for each dangerous first character,
 * in each field. */
static void test_formula_fields(void **state)
{
    struct tmpdir *f = *state;
    static const struct {
        const char *value;   /* as the session file had it */
        const char *written; /* the field in history.csv */
        const char *read;    /* what history_read gives back */
    } table[] = {
        {"=HYPERLINK(\"http://x.test/\",\"Open your results\")",
         "\"'=HYPERLINK(\"\"http://x.test/\"\",\"\"Open your results\"\")\"",
         "=HYPERLINK(\"http://x.test/\",\"Open your results\")"},
        {"+1+1", "'+1+1", "+1+1"},
        {"-1+1", "'-1+1", "-1+1"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)", "@SUM(A1:A9)"},
        {"\t=1+1", "' =1+1", " =1+1"}, /* control characters: spaces */
        {"\r=1+1", "' =1+1", " =1+1"},
        {"\tx", "' x", " x"},
        {" =1+1", "' =1+1", " =1+1"}, /* a blank a spreadsheet may trim */
        {"'=1+1", "''=1+1", "'=1+1"}, /* an apostrophe of its own: kept */
        {"''@x", "'''@x", "''@x"},
        {"'quoted'", "'quoted'", "'quoted'"}, /* before nothing dangerous */
        {"'", "'", "'"},
        {"a=1+1", "a=1+1", "a=1+1"},
        {"", "", ""},
    };
    enum { SESSION, TYPE, DETAIL };
    for (int field = SESSION; field <= DETAIL; field++) {
        for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
            unlink(f->path);
            struct history_row r = make_row("2026-11-23T09:01:47+01:00", "s",
                                            "t", 60, 0, HISTORY_BLOCKED, "d");
            char *dst = field == SESSION ? r.session
                        : field == TYPE  ? r.type
                                         : r.detail;
            strcpy(dst, table[i].value);
            append_ok(f->path, &r);

            char want[512];
            snprintf(want, sizeof want,
                     HEADER_LF "2026-11-23T09:01:47+01:00,%s,%s,60.0,0.0,"
                               "blocked,%s\n",
                     field == SESSION ? table[i].written : "s",
                     field == TYPE ? table[i].written : "t",
                     field == DETAIL ? table[i].written : "d");
            char *text = slurp(f->path);
            if (strcmp(text, want) != 0)
                fail_msg("field %d, value '%s':\n  wrote %s  wanted %s", field,
                         table[i].value, text, want);
            free(text);

            struct history h;
            read_ok(f->path, &h);
            assert_int_equal(h.count, 1);
            assert_int_equal(h.damaged, 0);
            const struct history_row *got = &h.rows[0];
            assert_string_equal(field == SESSION ? got->session
                                : field == TYPE  ? got->type
                                                 : got->detail,
                                table[i].read);
            /* --csv, from what was read: the same safe fields, and no
             * ratings nor note. */
            snprintf(want, sizeof want,
                     HISTORY_EXPORT_HEADER
                     "\n2026-11-23T09:01:47+01:00,%s,%s,60.0,0.0,"
                     "blocked,%s,,,\n",
                     field == SESSION ? table[i].written : "s",
                     field == TYPE ? table[i].written : "t",
                     field == DETAIL ? table[i].written : "d");
            char *csv = history_csv_text(&h);
            assert_string_equal(csv, want);
            free(csv);
            /* --history: the name as it was, without the apostrophe. */
            if (field == SESSION && table[i].read[0]) {
                char *shown = history_table_text(&h, NULL, NULL);
                char cell[128];
                snprintf(cell, sizeof cell, "  %.20s",
                         table[i].read); /* cut at 32 */
                if (!strstr(shown, cell))
                    fail_msg("the table does not show '%s':\n%s", table[i].read,
                             shown);
                free(shown);
            }
            history_free(&h);
        }
    }
}

/* Rows written before the apostrophe (or by hand) are made safe by
 * --csv all the same; the longest name that needs one still reads back;
 * seconds, which stillpoint writes itself, stay numbers. */
static void test_formula_old_rows(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path,
               HEADER_LF "2026-11-23T09:01:47+01:00,=cmd|' /C calc'!A0,@t,60.0,"
                         "0.0,blocked,\"=HYPERLINK(\"\"http://x.test/\"\","
                         "\"\"Open your results\"\")\"\n");
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_string_equal(h.rows[0].session, "=cmd|' /C calc'!A0");
    char *csv = history_csv_text(&h);
    assert_string_equal(csv, HISTORY_EXPORT_HEADER
                        "\n"
                        "2026-11-23T09:01:47+01:00,'=cmd|' /C calc'!A0,'@t,"
                        "60.0,0.0,blocked,\"'=HYPERLINK(\"\"http://x.test/\"\","
                        "\"\"Open your results\"\")\",,,\n");
    free(csv);
    history_free(&h);

    unlink(f->path);
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "", "t", 60,
                                    60, HISTORY_COMPLETED, "");
    memset(r.session, '-', sizeof r.session - 1);
    memset(r.detail, '+', sizeof r.detail - 1);
    append_ok(f->path, &r);
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, 0);
    assert_string_equal(h.rows[0].session, r.session);
    assert_string_equal(h.rows[0].detail, r.detail);
    history_free(&h);
}

/* Things a person or another program may do to the file that lose no row
 * and are not damage: Windows line ends, blank lines, the header twice,
 * a UTC stamp, more decimals. */
static void test_tolerated_lines(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path,
               HISTORY_HEADER "\r\n"
                              "\n" GOOD_ROW_1 HISTORY_HEADER "\n"
                              "2026-11-23T09:30:00Z,z,t,1.25,0,blocked,\"\"\r\n"
                              "\r\n");
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 0);
    assert_string_equal(h.rows[1].started, "2026-11-23T09:30:00Z");
    assert_true(h.rows[1].planned_s == 1.25);
    assert_int_equal(h.rows[1].outcome, HISTORY_BLOCKED);
    assert_string_equal(h.rows[1].detail, "");
    history_free(&h);
}

/* A file that is not our history loads nothing and says why. */
static void test_wrong_header(void **state)
{
    struct tmpdir *f = *state;
    static const char *const files[] = {
        "date,name\n" GOOD_ROW_1,
        HISTORY_HEADER ",extra\n" GOOD_ROW_1,
        "\n" HEADER_LF GOOD_ROW_1,
        "\xef\xbb\xbf" HEADER_LF GOOD_ROW_1,
        "STARTED,SESSION,TYPE,PLANNED_S,ELAPSED_S,OUTCOME,DETAIL\n",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        write_text(f->path, files[i]);
        struct history h;
        char err[512] = "";
        assert_int_equal(history_read(f->path, &h, err, sizeof err), -1);
        assert_non_null(strstr(err, f->path));
        assert_non_null(strstr(err, "not a stillpoint history"));
        assert_int_equal(h.count, 0);
        assert_null(h.rows);
        history_free(&h);
    }
}

/* Over HISTORY_ROWS_MAX lines: the first ones load, and the caller is
 * told the rest were not read. */
static void test_row_cap(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, HEADER_LF);
    FILE *fp = fopen(f->path, "ab");
    assert_non_null(fp);
    for (int i = 0; i <= HISTORY_ROWS_MAX; i++)
        fprintf(fp, "2026-11-23T09:01:47+01:00,s%d,t,1.0,1.0,completed,\n", i);
    assert_int_equal(fclose(fp), 0);

    struct history h;
    char err[512] = "";
    assert_int_equal(history_read(f->path, &h, err, sizeof err), 0);
    assert_int_equal(h.count, HISTORY_ROWS_MAX);
    assert_true(h.truncated);
    assert_non_null(strstr(err, "more than 100000 rows"));
    assert_string_equal(h.rows[HISTORY_ROWS_MAX - 1].session, "s99999");
    history_free(&h);
}

/* Random bytes, heavy in the characters the parser cares about, never
 * crash the reader and never make a row out of nothing. */
static void test_random_bytes(void **state)
{
    struct tmpdir *f = *state;
    static const char alphabet[] = ",,,\"\"\n\n\r0123456789.:-+TZ abc";
    uint32_t seed = 12345;
    char text[3000];
    for (int round = 0; round < 300; round++) {
        size_t len = 0;
        if (round % 2)
            len = (size_t)snprintf(text, sizeof text, HEADER_LF);
        seed = seed * 1664525u + 1013904223u;
        size_t n = (seed >> 8) % (sizeof text - len);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u;
            text[len++] = round % 3
                              ? alphabet[(seed >> 8) % (sizeof alphabet - 1)]
                              : (char)(seed >> 16);
        }
        write_file(f->path, text, len);
        struct history h;
        char err[512];
        int rc = history_read(f->path, &h, err, sizeof err);
        assert_true(rc == 0 || rc == -1);
        size_t lines = 0;
        for (size_t i = 0; i < len; i++)
            lines += text[i] == '\n';
        assert_true(h.count + h.damaged <= lines + 1);
        history_free(&h);
    }
}

/* ---- files and folders */

/* No file yet is an empty history, not an error; an empty file is too,
 * and the first append gives it its header. */
static void test_missing_and_empty(void **state)
{
    struct tmpdir *f = *state;
    struct history h;
    char err[512] = "";
    assert_int_equal(history_read(f->path, &h, err, sizeof err), 0);
    assert_int_equal(h.count, 0);
    assert_int_equal(h.damaged, 0);
    assert_string_equal(err, "");
    history_free(&h);

    write_text(f->path, "");
    read_ok(f->path, &h);
    assert_int_equal(h.count, 0);
    history_free(&h);

    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    append_ok(f->path, &r);
    char *text = slurp(f->path);
    assert_string_equal(text, HEADER_LF GOOD_ROW_1);
    free(text);
}

/* The history is private: folders made 0700 (parents too), the file 0600. */
static void test_creates_private_folders(void **state)
{
    struct tmpdir *f = *state;
    char path[256], dir[256];
    snprintf(path, sizeof path, "%s/state/deep/stillpoint/history.csv", f->dir);
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    mode_t old = umask(022);
    append_ok(path, &r);
    umask(old);

    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0600);
    static const char *const dirs[] = {"state", "state/deep",
                                       "state/deep/stillpoint"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        snprintf(dir, sizeof dir, "%s/%s", f->dir, dirs[i]);
        assert_int_equal(stat(dir, &st), 0);
        assert_true(S_ISDIR(st.st_mode));
        assert_int_equal(st.st_mode & 07777, 0700);
    }
}

/* A file where a folder should be, or a folder where the file should be:
 * an error naming the path, nothing written. */
static void test_append_blocked_path(void **state)
{
    struct tmpdir *f = *state;
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    char path[256], err[512] = "";
    snprintf(path, sizeof path, "%s/file", f->dir);
    write_text(path, "x");
    snprintf(path, sizeof path, "%s/file/stillpoint/history.csv", f->dir);
    assert_int_equal(history_append(path, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, f->dir));
    assert_non_null(strstr(err, "Not a directory"));

    snprintf(path, sizeof path, "%s/dir", f->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    err[0] = '\0';
    assert_int_equal(history_append(path, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, path));

    struct history h;
    err[0] = '\0';
    assert_int_equal(history_read(path, &h, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    history_free(&h);
}

/* A folder the user cannot write to: append fails with a message that
 * says why. Root ignores permissions, so there it cannot be checked. */
static void test_append_read_only_folder(void **state)
{
    struct tmpdir *f = *state;
    if (geteuid() == 0)
        skip();
    char dir[256], path[256], err[512] = "";
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    assert_int_equal(mkdir(dir, 0500), 0);
    struct history_row r = make_row("2026-11-23T09:01:47+01:00", "a",
                                    "breathing", 60, 60, HISTORY_COMPLETED, "");
    assert_int_equal(history_append(f->path, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, f->path));
    assert_non_null(strstr(err, "Permission denied"));

    /* Nor can the folder be made inside a read-only parent. */
    snprintf(path, sizeof path, "%s/stillpoint/new/history.csv", f->dir);
    err[0] = '\0';
    assert_int_equal(history_append(path, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "cannot create folder"));
    assert_non_null(strstr(err, "Permission denied"));
    chmod(dir, 0700);
}

/* ---- the default path */

static void restore_env(const char *name, char *saved)
{
    if (saved)
        setenv(name, saved, 1);
    else
        unsetenv(name);
    free(saved);
}

static char *save_env(const char *name)
{
    const char *v = getenv(name);
    return v ? strdup(v) : NULL;
}

static void test_default_path(void **state)
{
    (void)state;
    static const struct {
        const char *state, *home; /* NULL: unset */
        const char *expect;       /* NULL: no path */
    } table[] = {
        {"/x/state", "/home/u", "/x/state/stillpoint/history.csv"},
        {"/x/state/", "/home/u", "/x/state/stillpoint/history.csv"},
        {"/", "/home/u", "/stillpoint/history.csv"},
        {NULL, "/home/u", "/home/u/.local/state/stillpoint/history.csv"},
        {"", "/home/u", "/home/u/.local/state/stillpoint/history.csv"},
        {"relative", "/home/u/", "/home/u/.local/state/stillpoint/history.csv"},
        {"/x/state", NULL, "/x/state/stillpoint/history.csv"},
        {NULL, NULL, NULL},
        {"relative", "", NULL},
        {NULL, "home", NULL},
    };
    char *saved_state = save_env("XDG_STATE_HOME");
    char *saved_home = save_env("HOME");
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (table[i].state)
            setenv("XDG_STATE_HOME", table[i].state, 1);
        else
            unsetenv("XDG_STATE_HOME");
        if (table[i].home)
            setenv("HOME", table[i].home, 1);
        else
            unsetenv("HOME");
        char out[256] = "junk";
        bool ok = history_default_path(out, sizeof out);
        if (table[i].expect) {
            assert_true(ok);
            assert_string_equal(out, table[i].expect);
        } else {
            assert_false(ok);
            assert_string_equal(out, "");
        }
    }
    /* Too small a buffer: no path rather than a cut one. */
    setenv("XDG_STATE_HOME", "/x/state", 1);
    char small[16];
    assert_false(history_default_path(small, sizeof small));
    assert_string_equal(small, "");
    restore_env("XDG_STATE_HOME", saved_state);
    restore_env("HOME", saved_home);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outcome_names),
        cmocka_unit_test(test_stamp_offsets),
        cmocka_unit_test_setup_teardown(test_format_exact, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_round_trip_extremes, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_rejects_bad_rows, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_begin_end_merge, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_last_line, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_garbage_lines, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_damage_notes, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_cut_header, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_wrong_header, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_link, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_tightens_mode, setup,
                                        tmpdir_teardown),
        cmocka_unit_test(test_format_row),
        cmocka_unit_test_setup_teardown(test_formula_fields, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_formula_old_rows, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_tolerated_lines, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_header, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_row_cap, setup, tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_random_bytes, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_empty, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_creates_private_folders, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_blocked_path, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_read_only_folder, setup,
                                        tmpdir_teardown),
        cmocka_unit_test(test_default_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
