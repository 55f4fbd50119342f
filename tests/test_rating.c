/* test_rating.c: the rating question's rules: when it is asked, how keys
 * move the number and where it stops, when a rating reaches a profile's
 * pause, and the note's text: characters counted, at most 500, never a
 * UTF-8 sequence split, controls refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/rating.h"

static void test_wanted(void **state)
{
    (void)state;
    struct safety_profile quiet = {.type = "breathing"};
    struct safety_profile asks = {.type = "trauma-informed", .rating = true};
    struct session s = {.name = "a", .safety = &quiet};
    assert_false(rating_wanted(&s, false));
    assert_true(rating_wanted(&s, true)); /* the person chose it */
    s.rating = true;                      /* the session file asks */
    assert_true(rating_wanted(&s, false));
    s.rating = false;
    s.safety = &asks; /* the profile asks */
    assert_true(rating_wanted(&s, false));
    assert_true(rating_wanted(NULL, true));
    assert_false(rating_wanted(NULL, false));
}

static void test_step(void **state)
{
    (void)state;
    assert_int_equal(rating_step(RATING_NONE, +1), 0);
    assert_int_equal(rating_step(RATING_NONE, -1), 0);
    assert_int_equal(rating_step(0, -1), 0); /* clamps at calm */
    assert_int_equal(rating_step(0, +1), 1);
    assert_int_equal(rating_step(9, +1), 10); /* the arrows reach 10 */
    assert_int_equal(rating_step(10, +1), 10);
    assert_int_equal(rating_step(10, -1), 9);
    assert_int_equal(rating_step(42, +1), 0); /* nonsense starts over */
    int v = RATING_NONE;
    for (int i = 0; i < 20; i++)
        v = rating_step(v, +1);
    assert_int_equal(v, RATING_MAX);
}

static void test_digit(void **state)
{
    (void)state;
    assert_int_equal(rating_digit('0'), 0);
    assert_int_equal(rating_digit('7'), 7);
    assert_int_equal(rating_digit('9'), 9);
    assert_int_equal(rating_digit('a'), RATING_NONE);
    assert_int_equal(rating_digit('/'), RATING_NONE);
    assert_int_equal(rating_digit(':'), RATING_NONE);
}

static void test_pause(void **state)
{
    (void)state;
    struct safety_profile p = {.type = "t"};
    assert_false(rating_pause_reached(&p, 10)); /* no pause set */
    p.has_rating_pause = true;
    p.rating_pause = 8;
    assert_false(rating_pause_reached(&p, 7));
    assert_true(rating_pause_reached(&p, 8)); /* at the threshold */
    assert_true(rating_pause_reached(&p, 10));
    assert_false(rating_pause_reached(&p, RATING_NONE)); /* skipped */
    assert_false(rating_pause_reached(&p, 11));
    p.rating_pause = 0;
    assert_true(rating_pause_reached(&p, 0));
    assert_false(rating_pause_reached(NULL, 10));
}

static void test_note_text(void **state)
{
    (void)state;
    struct rating_note n;
    char why[96];
    rating_note_clear(&n);
    assert_false(rating_note_worth_saving(&n));
    assert_true(rating_note_add(&n, "Calmer, caf\xc3\xa9", why, sizeof why));
    assert_int_equal(n.chars, 12);
    assert_int_equal(n.len, 13);
    assert_true(rating_note_add(&n, "\n", why, sizeof why));
    assert_true(rating_note_add(&n, "\xe6\x97\xa5", why, sizeof why)); /* 日 */
    assert_string_equal(n.text, "Calmer, caf\xc3\xa9\n\xe6\x97\xa5");
    /* Backspace takes a whole character, never half of one. */
    assert_true(rating_note_backspace(&n));
    assert_string_equal(n.text, "Calmer, caf\xc3\xa9\n");
    assert_true(rating_note_backspace(&n));
    assert_true(rating_note_backspace(&n));
    assert_string_equal(n.text, "Calmer, caf");
    assert_int_equal(n.chars, 11);
    assert_true(rating_note_worth_saving(&n));
    /* Controls, bidi overrides and broken UTF-8 are refused whole. */
    assert_false(rating_note_add(&n, "a\x1b[2J", why, sizeof why));
    assert_string_equal(why, "control character U+001B");
    assert_false(rating_note_add(&n, "\xe2\x80\xae", why, sizeof why));
    assert_false(rating_note_add(&n, "\xc3", why, sizeof why));
    assert_false(rating_note_add(&n, "\t", why, sizeof why));
    assert_string_equal(n.text, "Calmer, caf");
    while (rating_note_backspace(&n))
        ;
    assert_int_equal(n.len, 0);
    assert_int_equal(n.chars, 0);
    assert_false(rating_note_backspace(&n));
    /* Only spaces and line breaks: nothing to keep. */
    assert_true(rating_note_add(&n, " \n\xe2\x80\x8b", why, sizeof why));
    assert_false(rating_note_worth_saving(&n));
}

static void test_note_limit(void **state)
{
    (void)state;
    struct rating_note n;
    char why[96];
    rating_note_clear(&n);
    /* 500 four-byte characters fit exactly; the 501st does not. */
    for (int i = 0; i < RATING_NOTE_CHARS; i++)
        assert_true(rating_note_add(&n, "\xf0\x9f\x8c\xbf", why, sizeof why));
    assert_int_equal(n.chars, RATING_NOTE_CHARS);
    assert_int_equal(n.len, 4 * RATING_NOTE_CHARS);
    assert_false(rating_note_add(&n, "a", why, sizeof why));
    assert_string_equal(why, "the note is full (500 characters)");
    assert_int_equal(n.chars, RATING_NOTE_CHARS);
    assert_true(rating_note_backspace(&n));
    assert_int_equal(n.len, 4 * (RATING_NOTE_CHARS - 1));
    /* A piece that would go past the limit is refused whole. */
    assert_false(rating_note_add(&n, "ab", why, sizeof why));
    assert_true(rating_note_add(&n, "a", why, sizeof why));
    assert_int_equal(n.chars, RATING_NOTE_CHARS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wanted),    cmocka_unit_test(test_step),
        cmocka_unit_test(test_digit),     cmocka_unit_test(test_pause),
        cmocka_unit_test(test_note_text), cmocka_unit_test(test_note_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
