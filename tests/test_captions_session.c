/* test_captions_session.c: the session text made from captions: time
 * marks as people write them, a valid session name from any file name,
 * and a text libconfig reads back to exactly the captions' words, however
 * they are quoted, and a title with nothing a terminal obeys. */
#include <libconfig.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/captions_session.h"
#include "../src/core/session.h"
#include "../src/core/utf8.h"

static void test_at(void **state)
{
    (void)state;
    static const struct {
        double seconds;
        const char *text;
    } cases[] = {
        {0, "0:00"},
        {8, "0:08"},
        {8.5, "0:08.5"},
        {62.25, "1:02.25"},
        {62.0004, "1:02"},
        {59.9996, "1:00"},
        {605.125, "10:05.125"},
        {3599.9994, "59:59.999"},
        {3600, "1:00:00"},
        {3723.456, "1:02:03.456"},
        {36000.1, "10:00:00.1"},
        {-1, "0:00"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[CAPTIONS_SESSION_AT];
        captions_session_at(cases[i].seconds, buf, sizeof(buf));
        if (strcmp(buf, cases[i].text) != 0)
            fail_msg("%g s: got %s, expected %s", cases[i].seconds, buf,
                     cases[i].text);
    }
}

static void test_names(void **state)
{
    (void)state;
    static const struct {
        const char *file, *name;
    } cases[] = {
        {"body-scan.vtt", "body-scan"},
        {"/home/ann/My Body Scan (v2).SRT", "my-body-scan-v2"},
        {"--scan--.vtt", "scan"},
        {"\xc3\xa9t\xc3\xa9.vtt", "t"},
        {"---.vtt", "captions"},
        {".vtt", "vtt"},
        {"folder.d/", "captions"},
        {"a-very-long-name-for-a-body-scan-made-for-one-client-in-june.vtt",
         "a-very-long-name-for-a-body-scan-made-for-one-cl"},
        {"a-very-long-name-for-a-body-scan-made-for-one-c-lient.vtt",
         "a-very-long-name-for-a-body-scan-made-for-one-c"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[64];
        captions_session_name(cases[i].file, buf, sizeof(buf));
        if (strcmp(buf, cases[i].name) != 0)
            fail_msg("%s: got %s, expected %s", cases[i].file, buf,
                     cases[i].name);
        assert_true(session_name_valid(buf));
    }
}

static const struct caption caps[] = {
    {0, 2, "Say \"hello\" to your feet.", 3},
    {8.5, 9, "A back\\slash, a 'quote' \\\" and \xc3\xa9.", 6},
    {3723.456, 3724, "Rest.", 9},
};

static const char *member(const config_setting_t *g, const char *name)
{
    const char *s = NULL;
    if (!config_setting_lookup_string(g, name, &s))
        fail_msg("no %s", name);
    return s;
}

/* Parses text with libconfig: the file's one session. */
static config_setting_t *session_of(config_t *cfg, const char *text)
{
    config_init(cfg);
    if (!config_read_string(cfg, text))
        fail_msg("libconfig: line %d: %s\n%s", config_error_line(cfg),
                 config_error_text(cfg), text);
    config_setting_t *s =
        config_setting_get_elem(config_lookup(cfg, "sessions"), 0);
    assert_non_null(s);
    return s;
}

static void test_say_steps(void **state)
{
    (void)state;
    struct caption_list l = {caps, 3, CAPTIONS_VTT};
    char *text =
        captions_session_text(&l, "/tmp/in/we\"ird\x1b\\name.vtt", NULL);
    assert_non_null(text);
    config_t cfg;
    config_setting_t *s = session_of(&cfg, text);
    char why[96];
    assert_string_equal(member(s, "name"), "we-ird-name");
    assert_string_equal(member(s, "title"), "We\"ird?\\name");
    assert_true(utf8_check_text(member(s, "title"), why, sizeof(why)));
    assert_true(utf8_check_text(member(s, "description"), why, sizeof(why)));
    assert_string_equal(member(s, "type"), "body-scan");
    /* The control character never reaches the file, comments included. */
    assert_null(strchr(text, '\x1b'));
    config_setting_t *steps = config_setting_lookup(s, "steps");
    assert_int_equal(config_setting_length(steps), 3);
    static const char *const at[] = {"0:00", "0:08.5", "1:02:03.456"};
    for (int i = 0; i < 3; i++) {
        config_setting_t *st = config_setting_get_elem(steps, (unsigned)i);
        assert_string_equal(member(st, "say"), caps[i].text);
        assert_string_equal(member(st, "at"), at[i]);
        int seconds = -1;
        assert_true(config_setting_lookup_int(st, "seconds", &seconds));
        assert_int_equal(seconds, 0);
    }
    config_destroy(&cfg);
    free(text);
}

static void test_play_step(void **state)
{
    (void)state;
    struct caption_list l = {caps, 3, CAPTIONS_SRT};
    char *text = captions_session_text(&l, "../scripts/Body scan.srt",
                                       "body \"scan\".ogg");
    assert_non_null(text);
    config_t cfg;
    config_setting_t *s = session_of(&cfg, text);
    assert_string_equal(member(s, "name"), "body-scan");
    assert_string_equal(member(s, "title"), "Body scan");
    config_setting_t *steps = config_setting_lookup(s, "steps");
    assert_int_equal(config_setting_length(steps), 1);
    config_setting_t *st = config_setting_get_elem(steps, 0);
    assert_string_equal(member(st, "play"), "body \"scan\".ogg");
    assert_string_equal(member(st, "captions"), "Body scan.srt");
    assert_null(config_setting_lookup(st, "say"));
    config_destroy(&cfg);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_at),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_say_steps),
        cmocka_unit_test(test_play_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
