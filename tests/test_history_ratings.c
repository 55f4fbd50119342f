/* test_history_ratings.c: the ratings before and after and the note kept
 * with a session: an old history.csv appended to without being rewritten,
 * the exact rows written, a note that comes back exactly (quotes, commas,
 * markup, formulas, line breaks, backslashes), the rows merged whatever
 * their order, bad values refused when written and skipped when read,
 * --csv's export read back, and --history's two columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/history.h"
#include "../src/core/history_table.h"
#include "tmpdir.h"

#define OLD_FILE                                                               \
    HISTORY_HEADER "\n"                                                        \
                   "2026-11-20T08:00:00+01:00,box,breathing,300.0,0.0,"        \
                   "interrupted,\n"                                            \
                   "2026-11-20T08:00:00+01:00,box,breathing,300.0,300.0,"      \
                   "completed,played to the end\n"
#define STAMP "2026-11-23T09:01:47+01:00"

static int setup(void **state)
{
    return tmpdir_setup(state, "ratings", "stillpoint/history.csv");
}

static void write_text(const char *path, const char *text)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    mkdir(dir, 0700);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
}

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

/* A session row as the window starts one (calloc'd: it is large). */
static struct history_row *new_row(const char *session)
{
    struct history_row *r = calloc(1, sizeof *r);
    assert_non_null(r);
    snprintf(r->started, sizeof r->started, STAMP);
    snprintf(r->session, sizeof r->session, "%s", session);
    snprintf(r->type, sizeof r->type, "breathing");
    r->planned_s = 300;
    r->outcome = HISTORY_INTERRUPTED;
    return r;
}

static void append_ok(const char *path, const struct history_row *r,
                      enum history_entry what)
{
    char err[512];
    if (history_append_entry(path, r, what, err, sizeof err) != 0)
        fail_msg("append: %s", err);
}

static void read_ok(const char *path, struct history *h)
{
    char err[512];
    if (history_read(path, h, err, sizeof err) != 0)
        fail_msg("read: %s", err);
}

/* A whole session as the window records it: started, a rating before,
 * the end, a rating after, a note. */
static void record_session(const char *path, struct history_row *r, int before,
                           int after, const char *note)
{
    append_ok(path, r, HISTORY_ENTRY_OUTCOME);
    r->has_before = before >= 0;
    r->before = before;
    append_ok(path, r, HISTORY_ENTRY_BEFORE);
    r->outcome = HISTORY_COMPLETED;
    r->elapsed_s = 300;
    snprintf(r->detail, sizeof r->detail, "played to the end");
    append_ok(path, r, HISTORY_ENTRY_OUTCOME);
    r->has_after = after >= 0;
    r->after = after;
    append_ok(path, r, HISTORY_ENTRY_AFTER);
    snprintf(r->note, sizeof r->note, "%s", note);
    append_ok(path, r, HISTORY_ENTRY_NOTE);
}

/* An old file keeps its header and every byte it had; the new rows are
 * added after them, and its old session reads as no rating. */
static void test_old_file_appended(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, OLD_FILE);
    struct history_row *r = new_row("scan");
    record_session(f->path, r, 7, 3, "Shoulders eased.");
    char *text = slurp(f->path);
    assert_memory_equal(text, OLD_FILE, strlen(OLD_FILE));
    assert_string_equal(text + strlen(OLD_FILE), STAMP
                        ",scan,breathing,300.0,0.0,interrupted,\n" STAMP
                        ",scan,breathing,300.0,0.0,rated-before,7\n" STAMP
                        ",scan,breathing,300.0,300.0,completed,played to "
                        "the end\n" STAMP
                        ",scan,breathing,300.0,300.0,rated-after,3\n" STAMP
                        ",scan,breathing,300.0,300.0,note,Shoulders "
                        "eased.\n");
    free(text);

    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 0);
    assert_false(h.rows[0].has_before);
    assert_false(h.rows[0].has_after);
    assert_string_equal(h.rows[0].note, "");
    assert_int_equal(h.rows[0].outcome, HISTORY_COMPLETED);
    assert_true(h.rows[1].has_before);
    assert_int_equal(h.rows[1].before, 7);
    assert_true(h.rows[1].has_after);
    assert_int_equal(h.rows[1].after, 3);
    assert_int_equal(h.rows[1].outcome, HISTORY_COMPLETED);
    assert_true(h.rows[1].elapsed_s == 300);
    assert_string_equal(h.rows[1].detail, "played to the end");
    assert_string_equal(h.rows[1].note, "Shoulders eased.");
    history_free(&h);
    free(r);
}

/* 0 is a rating like any other; a skipped rating is none; a later row
 * of the same kind wins. */
static void test_ratings_zero_and_none(void **state)
{
    struct tmpdir *f = *state;
    struct history_row *r = new_row("a");
    record_session(f->path, r, 0, -1, "");
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_true(h.rows[0].has_before);
    assert_int_equal(h.rows[0].before, 0);
    assert_false(h.rows[0].has_after);
    history_free(&h);
    char *text = slurp(f->path);
    assert_non_null(strstr(text, ",rated-before,0\n"));
    assert_non_null(strstr(text, ",rated-after,\n"));
    free(text);

    r->has_before = true;
    r->before = 10;
    append_ok(f->path, r, HISTORY_ENTRY_BEFORE);
    read_ok(f->path, &h);
    assert_int_equal(h.rows[0].before, 10);
    history_free(&h);
    free(r);
}

/* Notes as people write them, and as an attacker would: each comes back
 * exactly, from the file and from --csv's export. */
static void test_note_round_trip(void **state)
{
    struct tmpdir *f = *state;
    static const char *const notes[] = {
        "Felt calm.\nThen tense again, \"a bit\", after the call.",
        "<script>alert('x')</script> & <b>bold</b>",
        "=HYPERLINK(\"http://x.test/\",\"Open\")",
        "-2+3",
        "\nstarts with a line break\n\nand has an empty line\n",
        "a backslash \\ and a written \\n that is not a line break\\",
        "\\\\n\\",
        "'=1+1",
        "über Mitternacht, 日本語, emoji \xf0\x9f\x8c\xbf",
        "comma, \"quote\", ,,\"\"",
    };
    for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
        unlink(f->path);
        struct history_row *r = new_row("s");
        record_session(f->path, r, 5, 4, notes[i]);
        /* One line per row: a note's line breaks never end one. */
        char *text = slurp(f->path);
        size_t lines = 0;
        for (char *p = text; *p; p++)
            lines += *p == '\n';
        assert_int_equal(lines, 6);
        free(text);

        struct history h;
        read_ok(f->path, &h);
        assert_int_equal(h.count, 1);
        assert_int_equal(h.damaged, 0);
        assert_string_equal(h.rows[0].note, notes[i]);
        char *csv = history_csv_text(&h);
        assert_non_null(csv);
        assert_int_equal(strchr(strchr(csv, '\n') + 1, '\n')[1], '\0');
        write_text(f->path, csv);
        free(csv);
        history_free(&h);
        read_ok(f->path, &h);
        assert_int_equal(h.count, 1);
        assert_int_equal(h.damaged, 0);
        assert_string_equal(h.rows[0].note, notes[i]);
        assert_int_equal(h.rows[0].before, 5);
        assert_int_equal(h.rows[0].after, 4);
        history_free(&h);
        free(r);
    }
}

/* The longest note: 500 characters of four bytes each, all of them
 * quotes or line breaks in other runs; one more is refused. */
static void test_note_longest(void **state)
{
    struct tmpdir *f = *state;
    static const char *const chars[] = {"\xf0\x9f\x8c\xbf", "\"", "\n", "\\"};
    for (size_t c = 0; c < 4; c++) {
        unlink(f->path);
        struct history_row *r = new_row("s");
        r->note[0] = '\0';
        for (int i = 0; i < HISTORY_NOTE_CHARS; i++)
            strcat(r->note, chars[c]);
        append_ok(f->path, r, HISTORY_ENTRY_NOTE);
        struct history h;
        read_ok(f->path, &h);
        assert_int_equal(h.damaged, 0);
        assert_string_equal(h.rows[0].note, r->note);
        char *csv = history_csv_text(&h);
        write_text(f->path, csv);
        free(csv);
        history_free(&h);
        read_ok(f->path, &h);
        assert_int_equal(h.damaged, 0);
        assert_string_equal(h.rows[0].note, r->note);
        history_free(&h);

        strcat(r->note, "x");
        char err[512];
        assert_int_equal(history_append_entry(f->path, r, HISTORY_ENTRY_NOTE,
                                              err, sizeof err),
                         -1);
        assert_non_null(strstr(err, "the note is longer than 500 characters"));
        free(r);
    }
}

/* Controls in a note other than line breaks, and bidi overrides, never
 * come back: they are spaces, as in every other field. */
static void test_note_controls(void **state)
{
    struct tmpdir *f = *state;
    struct history_row *r = new_row("s");
    snprintf(r->note, sizeof r->note,
             "a\tb\rc\x1b[2Jd\xe2\x80\xae"
             "e\n\xc2\x9b"
             "f\xff");
    append_ok(f->path, r, HISTORY_ENTRY_NOTE);
    struct history h;
    read_ok(f->path, &h);
    assert_string_equal(h.rows[0].note, "a b c [2Jd   e\n  f?");
    history_free(&h);
    free(r);
}

/* Rows in any order merge into one session: a rating before with no
 * outcome yet reads as interrupted (true after a crash), and the outcome
 * that comes later keeps the rating. */
static void test_merge_any_order(void **state)
{
    struct tmpdir *f = *state;
    struct history_row *r = new_row("s");
    r->has_after = true;
    r->after = 2;
    append_ok(f->path, r, HISTORY_ENTRY_AFTER);
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.rows[0].outcome, HISTORY_INTERRUPTED);
    assert_int_equal(h.rows[0].after, 2);
    history_free(&h);

    r->outcome = HISTORY_DISCOMFORT;
    r->elapsed_s = 42;
    snprintf(r->detail, sizeof r->detail, "stopped for discomfort at 00:42");
    r->has_after = false; /* the outcome row carries no rating */
    append_ok(f->path, r, HISTORY_ENTRY_OUTCOME);
    struct history_row *other = new_row("t");
    append_ok(f->path, other, HISTORY_ENTRY_OUTCOME);
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.rows[0].outcome, HISTORY_DISCOMFORT);
    assert_true(h.rows[0].has_after);
    assert_int_equal(h.rows[0].after, 2);
    assert_string_equal(h.rows[0].detail, "stopped for discomfort at 00:42");
    assert_string_equal(h.rows[1].session, "t");
    assert_false(h.rows[1].has_after);
    history_free(&h);
    free(other);
    free(r);
}

/* Values a rating cannot have are refused before anything is written. */
static void test_append_refuses_bad_ratings(void **state)
{
    struct tmpdir *f = *state;
    struct history_row *r = new_row("s");
    static const int bad[] = {-1, 11, 100, -2147483647 - 1};
    char err[512];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r->has_before = r->has_after = true;
        r->before = r->after = bad[i];
        assert_int_equal(history_append_entry(f->path, r, HISTORY_ENTRY_BEFORE,
                                              err, sizeof err),
                         -1);
        assert_non_null(strstr(err, "is not one from 0 to 10"));
        assert_int_equal(history_append_entry(f->path, r, HISTORY_ENTRY_AFTER,
                                              err, sizeof err),
                         -1);
    }
    assert_int_equal(
        history_append_entry(f->path, r, HISTORY_ENTRIES, err, sizeof err), -1);
    assert_int_equal(access(f->path, F_OK), -1); /* nothing written */
    /* The outcome row does not look at the ratings. */
    append_ok(f->path, r, HISTORY_ENTRY_OUTCOME);
    free(r);
}

/* Rows a hand or a crash damaged are skipped and named; the rest read. */
static void test_damaged_entries(void **state)
{
    struct tmpdir *f = *state;
    char *long_note = malloc(600);
    memset(long_note, 'x', 501);
    long_note[501] = '\0';
    char text[2048];
    snprintf(text, sizeof text,
             HISTORY_HEADER "\n" STAMP ",s,b,60.0,60.0,completed,\n" STAMP
                            ",s,b,60.0,60.0,rated-before,11\n" STAMP
                            ",s,b,60.0,60.0,rated-before,05\n" STAMP
                            ",s,b,60.0,60.0,rated-after,three\n" STAMP
                            ",s,b,60.0,60.0,note,%s\n" STAMP
                            ",s,b,60.0,60.0,rated-after,4\n" STAMP
                            ",s,b,60.0,60.0,note,\"cut sho",
             long_note);
    free(long_note);
    write_text(f->path, text);
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.damaged, 5);
    assert_string_equal(h.notes[0].what, "rating: not a number from 0 to 10");
    assert_int_equal(h.notes[0].line, 3);
    assert_string_equal(h.notes[1].what, "rating: not a number from 0 to 10");
    assert_string_equal(h.notes[2].what, "rating: not a number from 0 to 10");
    assert_string_equal(h.notes[3].what, "note: longer than 500 characters");
    assert_int_equal(h.notes[4].line, 8);
    assert_false(h.rows[0].has_before);
    assert_int_equal(h.rows[0].after, 4);
    assert_string_equal(h.rows[0].note, "");
    history_free(&h);

    /* The next row after the cut one stays whole. */
    struct history_row *r = new_row("s");
    snprintf(r->started, sizeof r->started, STAMP);
    snprintf(r->session, sizeof r->session, "s");
    snprintf(r->note, sizeof r->note, "whole");
    append_ok(f->path, r, HISTORY_ENTRY_NOTE);
    read_ok(f->path, &h);
    assert_int_equal(h.damaged, 5);
    assert_string_equal(h.rows[0].note, "whole");
    history_free(&h);
    free(r);
}

/* --csv's export reads back as it was; nothing is appended to it. */
static void test_export_read_not_appended(void **state)
{
    struct tmpdir *f = *state;
    const char *export = HISTORY_EXPORT_HEADER
        "\n" STAMP
        ",s,breathing,300.0,300.0,completed,played to the end,6,,\"'=a,\\nb\"\n"
        "2026-11-24T09:00:00+01:00,t,breathing,300.0,0.0,blocked,Pain?,,,\n"
        "2026-11-24T09:00:00+01:00,t,breathing,300.0,0.0,blocked,x,11,,\n"
        "2026-11-24T09:00:00+01:00,t,breathing,300.0,0.0,note,x,,,\n";
    write_text(f->path, export);
    struct history h;
    read_ok(f->path, &h);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.damaged, 2);
    assert_string_equal(h.notes[0].what, "before: not a number from 0 to 10");
    assert_string_equal(h.notes[1].what, "outcome: not completed, stopped, "
                                         "discomfort, blocked or interrupted");
    assert_int_equal(h.rows[0].before, 6);
    assert_false(h.rows[0].has_after);
    assert_string_equal(h.rows[0].note, "=a,\nb");
    assert_string_equal(h.rows[1].detail, "Pain?");
    history_free(&h);

    struct history_row *r = new_row("u");
    char err[512];
    assert_int_equal(history_append(f->path, r, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a stillpoint history"));
    char *text = slurp(f->path);
    assert_string_equal(text, export);
    free(text);
    free(r);
}

/* --history: Before and After as two numbers when any session has one,
 * "-" for none; a history without ratings looks as it always did. */
static void test_table_columns(void **state)
{
    struct tmpdir *f = *state;
    write_text(f->path, OLD_FILE);
    struct history h;
    read_ok(f->path, &h);
    char *table = history_table_text(&h, NULL, NULL);
    assert_string_equal(table, "When                  Session  Planned  Done  "
                               "Outcome\n"
                               "Fri 2026-11-20 08:00  box         5:00  5:00  "
                               "completed\n"
                               "1 session, 5:00 practised\n");
    free(table);
    history_free(&h);

    struct history_row *r = new_row("scan");
    record_session(f->path, r, 8, -1, "");
    read_ok(f->path, &h);
    table = history_table_text(&h, NULL, NULL);
    assert_string_equal(table,
                        "When                  Session  Planned  Done  Before  "
                        "After  Outcome\n"
                        "Fri 2026-11-20 08:00  box         5:00  5:00       -  "
                        "    -  completed\n"
                        "Mon 2026-11-23 09:01  scan        5:00  5:00       8  "
                        "    -  completed\n"
                        "2 sessions, 10:00 practised\n");
    assert_null(strstr(table, "\xe2\x86\x92")); /* no arrow */
    free(table);
    history_free(&h);
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_old_file_appended, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_ratings_zero_and_none, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_note_round_trip, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_note_longest, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_note_controls, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_merge_any_order, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_append_refuses_bad_ratings, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_entries, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_export_read_not_appended, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_table_columns, setup,
                                        tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
