/* test_utf8.c: what a text from a file may hold (something visible, no
 * control a terminal obeys, no bidi override, valid UTF-8), and how a
 * message quoting such a file is escaped before any terminal sees it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/diag.h"
#include "../src/core/utf8.h"

static const struct {
    const char *text;
    const char *why; /* NULL: accepted */
} cases[] = {
    {"Breathe in slowly.", NULL},
    {"Atme langsam ein, \xc3\xbc\xc3\x9f", NULL},                    /* ü ß */
    {"\xd7\xa0\xd7\xa9\xd7\x99\xd7\x9e\xd7\x94 \xe2\x80\x8f", NULL}, /* RLM */
    {"\xe5\x91\xbc\xe5\x90\xb8", NULL},                              /* CJK */
    {"\xe2\x80\x8b\xe2\x80\x8b.", NULL}, /* one dot is enough */
    {" ", "shows nothing (only spaces or invisible characters)"},
    {"\t", "control character U+0009 in text"},
    {"\xe2\x80\x8b", "shows nothing (only spaces or invisible characters)"},
    {"\xc2\xa0\xe2\x80\x8d\xef\xbb\xbf\xe3\x80\x80",
     "shows nothing (only spaces or invisible characters)"},
    {"\xe2\xa0\x80", "shows nothing (only spaces or invisible characters)"},
    {"\xf3\xa0\x80\x81", "shows nothing (only spaces or invisible characters)"},
    {"\xe1\x85\x9f\xef\xb8\x8f", "shows nothing (only spaces or invisible "
                                 "characters)"},
    {"Calm \x1b[2J", "control character U+001B in text"},
    {"Calm \x7f", "control character U+007F in text"},
    {"Calm \xc2\x9b"
     "2J",
     "control character U+009B in text"},
    {"Calm \xc2\x9d"
     "0;x",
     "control character U+009D in text"},
    {"Calm \xe2\x80\xaa", "bidi control U+202A in text"},
    {"Calm \xe2\x80\xae", "bidi control U+202E in text"},
    {"Calm \xe2\x81\xa6", "bidi control U+2066 in text"},
    {"Calm \xe2\x81\xa9", "bidi control U+2069 in text"},
    {"Calm \xff", "invalid UTF-8 (byte 0xff)"},
    {"Calm \xc0\xaf", "invalid UTF-8 (byte 0xc0)"},     /* overlong '/' */
    {"Calm \xed\xa0\x80", "invalid UTF-8 (byte 0xed)"}, /* a surrogate */
    {"Calm \xe2\x80", "invalid UTF-8 (byte 0xe2)"},     /* cut short */
};

static void test_check_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char why[96] = "";
        bool ok = utf8_check_text(cases[i].text, why, sizeof(why));
        if (ok != (cases[i].why == NULL) ||
            (!ok && strcmp(why, cases[i].why) != 0))
            fail_msg("case %zu: expected %s, got %s", i,
                     cases[i].why ? cases[i].why : "ok", ok ? "ok" : why);
    }
}

static void test_escape(void **state)
{
    (void)state;
    char out[64];
    assert_string_equal(
        utf8_escape("plain \xc3\xa9t\xc3\xa9", out, sizeof(out)),
        "plain \xc3\xa9t\xc3\xa9");
    assert_string_equal(utf8_escape("a\x1b[2Jb\n", out, sizeof(out)),
                        "a\\u{001B}[2Jb\\u{000A}");
    assert_string_equal(utf8_escape("\xc2\x9b"
                                    "2J\xe2\x80\xae!",
                                    out, sizeof(out)),
                        "\\u{009B}2J\\u{202E}!");
    assert_string_equal(utf8_escape("x\xffy\xe2\x80", out, sizeof(out)),
                        "x\\xffy\\xe2\\x80");
    /* Never a character or an escape cut in two at the end. */
    assert_string_equal(utf8_escape("ab\x1b", out, 8), "ab");
    assert_string_equal(utf8_escape("ab\xc3\xa9", out, 4), "ab");
    assert_string_equal(utf8_escape("abc", out, 1), "");
}

/* Every message the program prints goes through diag_add: a member name
 * or a title holding an escape sequence arrives escaped. */
static void test_diag_escapes(void **state)
{
    (void)state;
    struct diag_list d;
    diag_init(&d);
    diag_add(&d, "evil\x1b]0;owned\x07.zip", 0, "member '%s' is a link",
             "a\nb\xe2\x80\xae");
    assert_string_equal(d.msgs[0], "evil\\u{001B}]0;owned\\u{0007}.zip: member "
                                   "'a\\u{000A}b\\u{202E}' is a link");
    /* A message longer than the cap is cut, never inside a character. */
    char long_name[DIAG_MSG * 2];
    memset(long_name, 'x', sizeof(long_name));
    strcpy(long_name + DIAG_MSG - 10, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
    diag_add(&d, long_name, 3, "end");
    char why[96];
    assert_true(strlen(d.msgs[1]) < DIAG_MSG);
    assert_true(utf8_check_text(d.msgs[1], why, sizeof(why)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_text),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_diag_escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
