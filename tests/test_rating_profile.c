/* test_rating_profile.c: the rating settings as the loader reads them:
 * the built-in profiles' pauses (trauma-informed asks and pauses at 8,
 * grounding never pauses), a file can turn the question on for a
 * built-in type and lower its pause but never turn it off or raise it,
 * a new type without rating_pause has none, and a session's own
 * rating = true. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/rating.h"
#include "../src/core/session.h"
#include "../src/load/loader.h"

static struct catalog *load(const char *text)
{
    struct diag_list d;
    diag_init(&d);
    struct catalog *c = catalog_new();
    assert_non_null(c);
    assert_int_equal(load_builtin_safety(c, &d), 0);
    if (!text)
        return c; /* the built-in profiles only */
    struct load_env e = {0};
    int rc = load_session_text(c, "t.cfg", NULL, text, strlen(text), &e, &d);
    if (rc < 0)
        fail_msg("%s", d.count ? d.msgs[0] : "?");
    return c;
}

static void test_builtin(void **state)
{
    (void)state;
    struct catalog *c = load(NULL);
    const struct safety_profile *t = catalog_profile(c, "trauma-informed");
    assert_non_null(t);
    assert_true(t->rating);
    assert_true(t->has_rating_pause);
    assert_int_equal(t->rating_pause, 8);
    assert_true(rating_pause_reached(t, 8));
    assert_false(rating_pause_reached(t, 7));
    const struct safety_profile *b = catalog_profile(c, "breathing");
    assert_false(b->rating);
    assert_int_equal(b->rating_pause, 9);
    const struct safety_profile *g = catalog_profile(c, "grounding");
    assert_false(g->has_rating_pause);
    assert_false(rating_pause_reached(g, 10));
    catalog_free(c);
}

static const char FILE_TEXT[] =
    "version = 1;\n"
    "safety = {\n"
    "  breathing = { before = { rating = true; rating_pause = 6; }; };\n"
    "  trauma-informed = { before = { rating = false; rating_pause = 10; "
    "}; };\n"
    "  quiet-type = { before = { ask = \"x\"; };\n"
    "    during = { stop_signs = [\"s\"]; };\n"
    "    after = { doctor_signs = [\"d\"]; }; };\n"
    "};\n"
    "sessions = (\n"
    "  { name = \"b\"; title = \"B\"; type = \"breathing\";\n"
    "    steps = ( { say = \"Rest.\"; } ); },\n"
    "  { name = \"t\"; title = \"T\"; type = \"trauma-informed\";\n"
    "    steps = ( { say = \"Rest.\"; } ); },\n"
    "  { name = \"q\"; title = \"Q\"; type = \"quiet-type\";\n"
    "    steps = ( { say = \"Rest.\"; } ); },\n"
    "  { name = \"r\"; title = \"R\"; type = \"quiet-type\"; rating = true;\n"
    "    steps = ( { say = \"Rest.\"; } ); }\n"
    ");\n";

static void test_file_adds_only(void **state)
{
    (void)state;
    struct catalog *c = load(FILE_TEXT);
    const struct session *b = catalog_find(c, "b");
    const struct session *t = catalog_find(c, "t");
    const struct session *q = catalog_find(c, "q");
    const struct session *r = catalog_find(c, "r");
    assert_non_null(b);
    assert_non_null(t);
    assert_non_null(q);
    assert_non_null(r);
    /* Turned on, and the pause lowered from 9 to 6. */
    assert_true(b->safety->rating);
    assert_int_equal(b->safety->rating_pause, 6);
    assert_true(rating_wanted(b, false));
    /* Not turned off, not raised. */
    assert_true(t->safety->rating);
    assert_int_equal(t->safety->rating_pause, 8);
    /* A new type: no question, no pause, unless the session asks. */
    assert_false(q->safety->rating);
    assert_false(q->safety->has_rating_pause);
    assert_false(rating_wanted(q, false));
    assert_true(rating_wanted(q, true));
    assert_true(r->rating);
    assert_true(rating_wanted(r, false));
    catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_file_adds_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
