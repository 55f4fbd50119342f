/* test_prefs_items.c: the choices screen's items say what they are set
 * to, step within their ranges, and a region item leaves that region out
 * or brings it back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/prefs_items.h"
#include "../src/core/session.h"

/* The item whose name is name. */
static int find(const struct prefs *p, const char *name)
{
    char n[64], v[64];
    for (int i = 0; i < prefs_item_count(); i++) {
        prefs_item_text(p, i, n, sizeof(n), v, sizeof(v));
        if (strcmp(n, name) == 0)
            return i;
    }
    fail_msg("no item %s", name);
    return -1;
}

static const char *value(const struct prefs *p, int item)
{
    static char n[64], v[64];
    prefs_item_text(p, item, n, sizeof(n), v, sizeof(v));
    return v;
}

static void test_volume_steps(void **state)
{
    (void)state;
    struct prefs p;
    prefs_defaults(&p);
    int i = find(&p, "Voice volume");
    assert_string_equal(value(&p, i), "100 %");
    assert_false(prefs_item_step(&p, i, +1)); /* already full */
    assert_true(prefs_item_step(&p, i, -1));
    assert_string_equal(value(&p, i), "90 %");
    for (int k = 0; k < 20; k++)
        prefs_item_step(&p, i, -1);
    assert_true(p.voice_volume == 0.0f);
    assert_string_equal(value(&p, i), "0 %");
}

static void test_choices_cycle(void **state)
{
    (void)state;
    struct prefs p;
    prefs_defaults(&p);
    int i = find(&p, "Breathing cues");
    assert_string_equal(value(&p, i), "tone and caption");
    prefs_item_step(&p, i, 0);
    assert_int_equal(p.cue_style, CUE_STYLE_CAPTION);
    prefs_item_step(&p, i, +1);
    assert_int_equal(p.cue_style, CUE_STYLE_NONE);
    assert_string_equal(value(&p, i), "visual only");
    prefs_item_step(&p, i, +1);
    assert_int_equal(p.cue_style, CUE_STYLE_SOUND);
    prefs_item_step(&p, i, -1);
    assert_int_equal(p.cue_style, CUE_STYLE_NONE);

    i = find(&p, "Settling time");
    prefs_item_step(&p, i, +1);
    assert_true(p.settling_seconds == 10);
    for (int k = 0; k < 20; k++)
        prefs_item_step(&p, i, +1);
    assert_true(p.settling_seconds == 120);

    i = find(&p, "Gentle mode");
    assert_string_equal(value(&p, i), "off");
    assert_true(prefs_item_step(&p, i, +1));
    assert_true(p.gentle);
}

static void test_regions(void **state)
{
    (void)state;
    struct prefs p;
    prefs_defaults(&p);
    int i = find(&p, "chest");
    assert_true(i >= prefs_item_first_region());
    assert_string_equal(value(&p, i), "included");
    assert_true(prefs_item_step(&p, i, 0));
    assert_string_equal(value(&p, i), "left out");
    assert_int_equal(p.leave_out, 1u << (i - prefs_item_first_region()));
    assert_string_equal(SESSION_REGIONS[i - prefs_item_first_region()],
                        "chest");
    prefs_item_step(&p, i, +1);
    assert_int_equal(p.leave_out, 0);
    assert_int_equal(prefs_item_count() - prefs_item_first_region(),
                     (int)SESSION_REGION_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_volume_steps),
        cmocka_unit_test(test_choices_cycle),
        cmocka_unit_test(test_regions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
