/* test_adapt.c: a person's choices reshape a session: a left-out region
 * gives way to a neutral anchor (never a gap), a run of them to one
 * anchor as long as the run, the eyes-open wording replaces the other
 * and drops the recording of it, gentle mode takes out breath holds and
 * shortens timed holds, and no choice leaves the session untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/adapt.h"
#include "../src/core/prefs.h"

static const double bells[] = {30, 60};
static struct step steps[] = {
    {.kind = STEP_SAY,
     .say = "Close your eyes.",
     .eyes_open = "Rest your gaze.",
     .voice = {.name = "c.ogg", .path = "/c.ogg"},
     .seconds = 3},
    {.kind = STEP_SCAN, .label = "chest", .say = "Your chest.", .seconds = 20},
    {.kind = STEP_SCAN, .label = "belly", .say = "Your belly.", .seconds = 15},
    {.kind = STEP_SCAN, .label = "head", .say = "Your head.", .seconds = 20},
    {.kind = STEP_SCAN, .label = "feet", .say = "Your feet.", .seconds = 20},
    {.kind = STEP_BREATHE, .pattern = {4, 7, 8, 2}, .cycles = 4},
    {.kind = STEP_HOLD,
     .label = "Shoulder",
     .seconds = 90,
     .bells = bells,
     .n_bells = 2},
    {.kind = STEP_HOLD, .label = "Neck", .seconds = 8},
};

static struct session make(void)
{
    return (struct session){.name = "a",
                            .title = "A",
                            .steps = steps,
                            .n_steps = sizeof(steps) / sizeof(steps[0])};
}

static uint32_t regions(const char *list)
{
    uint32_t m = 0;
    char err[300];
    assert_true(prefs_regions_parse(list, &m, err, sizeof(err)));
    return m;
}

static void test_no_choice_is_the_session(void **state)
{
    (void)state;
    struct session s = make();
    struct arena *a = arena_new();
    struct adapt_options o = {0};
    assert_ptr_equal(adapt_session(&s, &o, a), &s);
    arena_free(a);
}

static void test_left_out_regions_get_anchors(void **state)
{
    (void)state;
    struct session s = make();
    struct arena *a = arena_new();
    struct adapt_options o = {.leave_out = regions("chest,belly,feet")};
    const struct session *r = adapt_session(&s, &o, a);
    assert_non_null(r);
    /* chest and belly (one run) become one anchor of 35 s; feet another. */
    assert_int_equal(r->n_steps, s.n_steps - 1);
    assert_string_equal(r->steps[2].label, "head");
    const struct step *first = &r->steps[1], *second = &r->steps[3];
    assert_int_equal(first->kind, STEP_SCAN);
    assert_true(first->stock);
    assert_string_equal(first->label, "hands");
    assert_string_equal(first->say, ADAPT_ANCHORS[0].say);
    assert_true(first->seconds == 35);
    /* The next anchor in turn, but never a region left out itself: feet
     * are left out, so the room. */
    assert_null(second->label);
    assert_string_equal(second->say, ADAPT_ANCHORS[2].say);
    assert_true(second->seconds == 20);
    /* Nothing of a left-out region remains. */
    for (size_t i = 0; i < r->n_steps; i++)
        if (r->steps[i].label) {
            assert_string_not_equal(r->steps[i].label, "chest");
            assert_string_not_equal(r->steps[i].label, "belly");
            assert_string_not_equal(r->steps[i].label, "feet");
        }
    /* The session itself is unchanged. */
    assert_string_equal(s.steps[1].label, "chest");
    arena_free(a);
}

static void test_all_anchor_regions_left_out(void **state)
{
    (void)state;
    struct session s = make();
    struct arena *a = arena_new();
    struct adapt_options o = {.leave_out = regions("hands,feet,head")};
    const struct session *r = adapt_session(&s, &o, a);
    assert_null(r->steps[3].label); /* head: the room, always there */
    assert_string_equal(r->steps[3].say, ADAPT_ANCHORS[2].say);
    arena_free(a);
}

/* A scan of several regions gives way when any one is left out, since
 * its line names them all; the anchor lights its own region. */
static void test_scan_of_several_regions(void **state)
{
    (void)state;
    static const char *const both[] = {"shoulders", "chest"};
    static const char *const one[] = {"shoulders"};
    struct step mine[] = {
        {.kind = STEP_SCAN,
         .label = "shoulders and heart",
         .regions = both,
         .n_regions = 2,
         .seconds = 20},
        {.kind = STEP_SCAN,
         .label = "Shoulders",
         .regions = one,
         .n_regions = 1,
         .seconds = 20},
    };
    struct session s = {.name = "m", .title = "M", .steps = mine, .n_steps = 2};
    struct arena *a = arena_new();
    struct adapt_options o = {.leave_out = regions("chest")};
    const struct session *r = adapt_session(&s, &o, a);
    assert_int_equal(r->n_steps, 2);
    assert_string_equal(r->steps[0].say, ADAPT_ANCHORS[0].say);
    assert_int_equal(r->steps[0].n_regions, 1);
    assert_string_equal(r->steps[0].regions[0], "hands");
    assert_string_equal(r->steps[1].label, "Shoulders"); /* kept */
    o.leave_out = regions("shoulders");
    r = adapt_session(&s, &o, a);
    assert_int_equal(r->n_steps, 1); /* one anchor for the run */
    assert_true(r->steps[0].seconds == 40);
    arena_free(a);
}

static void test_eyes_open(void **state)
{
    (void)state;
    struct session s = make();
    struct arena *a = arena_new();
    struct adapt_options o = {.eyes_open = true};
    const struct session *r = adapt_session(&s, &o, a);
    assert_int_equal(r->n_steps, s.n_steps + 1);
    assert_string_equal(r->steps[0].say, ADAPT_EYES_OPEN_LINE);
    assert_true(r->steps[0].stock);
    assert_string_equal(r->steps[1].say, "Rest your gaze.");
    assert_null(r->steps[1].voice.name); /* it recorded the other words */
    assert_string_equal(r->steps[2].say, "Your chest.");
    arena_free(a);
}

static void test_gentle(void **state)
{
    (void)state;
    struct session s = make();
    struct arena *a = arena_new();
    struct adapt_options o = {.gentle = true};
    const struct session *r = adapt_session(&s, &o, a);
    const struct step *b = &r->steps[5], *h = &r->steps[6], *n = &r->steps[7];
    assert_true(b->pattern[BREATH_IN] == 4 && b->pattern[BREATH_OUT] == 8);
    assert_true(b->pattern[BREATH_HOLD_IN] == 0);
    assert_true(b->pattern[BREATH_HOLD_OUT] == 0);
    assert_true(h->seconds == 45);
    assert_int_equal(h->n_bells, 2);
    assert_true(h->bells[0] == 15 && h->bells[1] == 30);
    assert_true(n->seconds == 8); /* already short */
    assert_true(s.steps[6].seconds == 90 && s.steps[6].bells[1] == 60);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_choice_is_the_session),
        cmocka_unit_test(test_left_out_regions_get_anchors),
        cmocka_unit_test(test_all_anchor_regions_left_out),
        cmocka_unit_test(test_scan_of_several_regions),
        cmocka_unit_test(test_eyes_open),
        cmocka_unit_test(test_gentle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
