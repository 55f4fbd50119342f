/* test_run.c: the rules of a session in progress, from a profile's
 * `during` part: the stop signs while the floor notice plays, check-ins
 * that pause the session when unanswered, the stop reminder, and what a
 * key does while a check-in waits. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/core/run.h"

#define S(sec) ((int64_t)(sec)*SOUND_RATE)

/* A timeline whose floor notice is said from 0 to 6 s. */
static struct cue cues[] = {
    {.frame = 0, .frames = S(6), .kind = CUE_SAY, .step = -1},
    {.frame = S(6), .frames = S(20), .kind = CUE_SAY, .step = 0},
};
static const struct timeline tl = {
    .cues = cues, .count = 2, .total_frames = S(600), .end_frame = S(599)};

static const struct safety_profile checkins = {
    .type = "t", .checkin_seconds = 60, .checkin_timeout = 30};
static const struct safety_profile quiet = {.type = "t"};
static const struct safety_profile reminders = {.type = "t",
                                                .reminder_seconds = 120};

static void test_stop_signs_while_the_floor_is_said(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &quiet, &tl);
    assert_true(r.info);
    assert_int_equal(run_tick(&r, S(5)), RUN_NOTHING);
    assert_true(r.info);
    assert_int_equal(run_tick(&r, S(6)), RUN_CHANGED);
    assert_false(r.info);
    /* Shown by the person, they stay until hidden. */
    run_toggle_info(&r);
    assert_int_equal(run_tick(&r, S(500)), RUN_NOTHING);
    assert_true(r.info);
    run_toggle_info(&r);
    assert_false(r.info);
}

static void test_no_checkins_without_a_period(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &quiet, &tl);
    for (int64_t t = S(7); t < S(4 * 3600); t += S(30))
        assert_int_not_equal(run_tick(&r, t), RUN_PAUSE);
    assert_false(r.checkin_open);
    assert_false(run_key(&r, S(10)));
}

static void test_unanswered_checkin_pauses(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &checkins, &tl);
    run_tick(&r, S(10));
    assert_false(r.checkin_open);
    assert_int_equal(run_tick(&r, S(60)), RUN_CHANGED);
    assert_true(r.checkin_open);
    assert_int_equal(run_tick(&r, S(89)), RUN_NOTHING);
    assert_int_equal(run_tick(&r, S(90)), RUN_PAUSE);
    assert_false(r.checkin_open);
    assert_true(r.checkin_missed);
    assert_true(r.info); /* the stop signs, until the person goes on */
    assert_int_equal(r.info_until, 0);
    run_resumed(&r);
    assert_false(r.info);
    assert_false(r.checkin_missed);
    /* The next one comes a period after the missed one. */
    assert_int_equal(run_tick(&r, S(149)), RUN_NOTHING);
    assert_int_equal(run_tick(&r, S(150)), RUN_CHANGED);
    assert_true(r.checkin_open);
}

static void test_any_key_answers_and_does_nothing_else(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &checkins, &tl);
    run_tick(&r, S(60));
    assert_true(r.checkin_open);
    assert_true(run_key(&r, S(70)));
    assert_false(r.checkin_open);
    assert_false(r.checkin_missed);
    /* Answered: no pause at the old deadline, the next a period later. */
    assert_int_equal(run_tick(&r, S(90)), RUN_NOTHING);
    assert_int_equal(run_tick(&r, S(129)), RUN_NOTHING);
    assert_int_equal(run_tick(&r, S(130)), RUN_CHANGED);
    /* A key answers the new one; with none open, a key is its own. */
    assert_true(run_key(&r, S(131)));
    assert_false(run_key(&r, S(132)));
}

static void test_reminder(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &reminders, &tl);
    assert_false(run_reminder_shown(&r, 0));
    assert_false(run_reminder_shown(&r, S(119)));
    assert_true(run_reminder_shown(&r, S(120)));
    assert_true(run_reminder_shown(&r, S(120 + RUN_REMINDER_SHOWN) - 1));
    assert_false(run_reminder_shown(&r, S(120 + RUN_REMINDER_SHOWN)));
    assert_true(run_reminder_shown(&r, S(240)));
    run_start(&r, &quiet, &tl);
    assert_false(run_reminder_shown(&r, S(120)));
}

static void test_end_closes_everything(void **state)
{
    (void)state;
    struct run r;
    run_start(&r, &checkins, &tl);
    run_tick(&r, S(60));
    run_end(&r);
    assert_false(r.info);
    assert_false(r.checkin_open);
}

/* The history row: the time practised (never more than planned, rounded
 * down) and how it ended, in the words the history keeps. */
static void test_finish_row(void **state)
{
    (void)state;
    static const struct {
        enum history_outcome o;
        const char *why;
        double at, planned;
        double elapsed;
        const char *detail;
    } cases[] = {
        {HISTORY_COMPLETED, "", 600.2, 600, 600, "played to the end"},
        {HISTORY_STOPPED, "stopped", 65.99, 600, 65.99, "stopped at 01:05"},
        {HISTORY_DISCOMFORT, "stopped for discomfort", 3, 600, 3,
         "stopped for discomfort at 00:03"},
        {HISTORY_STOPPED, "window closed", 0, 600, 0, "window closed at 00:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct history_row row = {.planned_s = cases[i].planned};
        run_finish_row(&row, cases[i].o, cases[i].why,
                       (int64_t)(cases[i].at * SOUND_RATE + 0.5));
        assert_int_equal(row.outcome, cases[i].o);
        assert_true(fabs(row.elapsed_s - cases[i].elapsed) < 1e-4);
        assert_string_equal(row.detail, cases[i].detail);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_signs_while_the_floor_is_said),
        cmocka_unit_test(test_no_checkins_without_a_period),
        cmocka_unit_test(test_unanswered_checkin_pauses),
        cmocka_unit_test(test_any_key_answers_and_does_nothing_else),
        cmocka_unit_test(test_reminder),
        cmocka_unit_test(test_end_closes_everything),
        cmocka_unit_test(test_finish_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
