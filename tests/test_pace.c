/* test_pace.c: time marks read as people write them, and written back;
 * the pace of synthesized speech. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/core/pace.h"

static double parse(const char *s)
{
    double v = -1;
    char why[96];
    assert_true(pace_parse_time(s, &v, why, sizeof(why)));
    return v;
}

static void refused(const char *s, const char *want)
{
    double v = -1;
    char why[96] = "";
    assert_false(pace_parse_time(s, &v, why, sizeof(why)));
    assert_string_equal(why, want);
}

static void test_forms(void **state)
{
    (void)state;
    assert_true(parse("2:04") == 124);
    assert_true(parse("2:04.5") == 124.5);
    assert_true(parse("0:00.24") > 0.2399 && parse("0:00.24") < 0.2401);
    assert_true(parse("1:02:04") == 3724);
    assert_true(parse("1:02:04.125") == 3724.125);
    assert_true(parse("95") == 95);
    assert_true(parse("95.5") == 95.5);
    assert_true(parse("0") == 0);
    assert_true(parse("4:00:00") == 14400);
    assert_true(parse("125:00") == 7500); /* minutes past an hour */
}

static void test_refused(void **state)
{
    (void)state;
    refused("2:75", "'2:75': seconds past 59");
    refused("1:60:00", "'1:60:00': minutes past 59");
    refused("4:00:01", "'4:00:01' is past the four-hour limit of a session");
    refused("", "'' is not a time");
    refused("2:", "'2:' is not a time");
    refused(":30", "':30' is not a time");
    refused("2:04.", "'2:04.' is not a time");
    refused("1:2:3:4", "'1:2:3:4' is not a time");
    refused("-5", "'-5' is not a time");
    refused("2 min", "'2 min' is not a time");
    refused("99999999999", "'99999999999' is not a time");
}

static void test_format(void **state)
{
    (void)state;
    char b[32];
    pace_format_time(b, sizeof(b), 125.6);
    assert_string_equal(b, "2:05.6");
    pace_format_time(b, sizeof(b), 124);
    assert_string_equal(b, "2:04");
    pace_format_time(b, sizeof(b), 3724.04);
    assert_string_equal(b, "1:02:04");
    pace_format_time(b, sizeof(b), 59.96);
    assert_string_equal(b, "1:00");
}

static void test_speech_pace(void **state)
{
    (void)state;
    /* Slower speech stretches flite's durations further. */
    assert_true(pace_speech_stretch(2.0) > pace_speech_stretch(2.5));
    assert_true(pace_speech_stretch(PACE_SPEECH_RATE) > 1.0);
    /* Out-of-range rates are held to the range. */
    assert_true(pace_speech_stretch(0) ==
                pace_speech_stretch(PACE_SPEECH_RATE_MIN));
    assert_true(pace_speech_stretch(100) ==
                pace_speech_stretch(PACE_SPEECH_RATE_MAX));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_speech_pace),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
