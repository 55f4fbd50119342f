/* test_safety_flow.c: the before screens come in order, a yes to any
 * contraindication or a no to any clearance question blocks, and Enter
 * never answers a yes/no question. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/safety_flow.h"

static const char *contra[] = {"Do you have a fever?", "Are you injured?"};
static const char *clear[] = {"Has your doctor said yes?"};
static const char *prep[] = {"Water nearby.", "Phone silenced."};

static const struct safety_profile profile = {
    .type = "test",
    .ask = "your doctor",
    .contraindications = {contra, 2},
    .clearance = {clear, 1},
    .preparation = {prep, 2},
};

/* Every screen in order, answering so that nothing blocks. */
static void test_order(void **state)
{
    (void)state;
    struct safety_flow f;
    safety_flow_start(&f, &profile);
    assert_int_equal(safety_flow_count(&f), 5);
    static const struct {
        enum flow_screen screen;
        const char *text;
        enum flow_input answer;
    } want[] = {
        {FLOW_FLOOR, NULL, FLOW_CONTINUE},
        {FLOW_CONTRAINDICATION, "Do you have a fever?", FLOW_NO},
        {FLOW_CONTRAINDICATION, "Are you injured?", FLOW_NO},
        {FLOW_CLEARANCE, "Has your doctor said yes?", FLOW_YES},
        {FLOW_PREPARATION, NULL, FLOW_CONTINUE},
    };
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(f.screen, want[i].screen);
        assert_int_equal(safety_flow_position(&f), i + 1);
        if (want[i].text)
            assert_string_equal(safety_flow_text(&f), want[i].text);
        assert_true(safety_flow_input(&f, want[i].answer));
    }
    assert_int_equal(f.screen, FLOW_READY);
    assert_false(safety_flow_input(&f, FLOW_CONTINUE));
}

/* Enter never answers a question; Y and N never pass a notice. */
static void test_enter_never_answers(void **state)
{
    (void)state;
    struct safety_flow f;
    safety_flow_start(&f, &profile);
    assert_string_equal(safety_flow_text(&f), SESSION_FLOOR_NOTICE);
    assert_false(safety_flow_input(&f, FLOW_YES));
    assert_false(safety_flow_input(&f, FLOW_NO));
    assert_int_equal(f.screen, FLOW_FLOOR);
    assert_true(safety_flow_input(&f, FLOW_CONTINUE));
    assert_true(safety_flow_is_question(&f));
    for (int i = 0; i < 10; i++)
        assert_false(safety_flow_input(&f, FLOW_CONTINUE));
    assert_int_equal(f.screen, FLOW_CONTRAINDICATION);
    assert_int_equal(f.index, 0);
}

static void test_yes_blocks(void **state)
{
    (void)state;
    struct safety_flow f;
    safety_flow_start(&f, &profile);
    safety_flow_input(&f, FLOW_CONTINUE);
    safety_flow_input(&f, FLOW_NO);
    assert_true(safety_flow_input(&f, FLOW_YES)); /* injured */
    assert_int_equal(f.screen, FLOW_BLOCKED);
    assert_false(safety_flow_input(&f, FLOW_CONTINUE));
    assert_false(safety_flow_input(&f, FLOW_NO));
    assert_int_equal(f.screen, FLOW_BLOCKED);
    char msg[512];
    safety_flow_block_message(&f, msg, sizeof(msg));
    assert_non_null(strstr(msg, "you answered yes to \"Are you injured?\""));
    assert_non_null(strstr(msg, "Please ask your doctor"));
}

static void test_clearance_no_blocks(void **state)
{
    (void)state;
    struct safety_flow f;
    safety_flow_start(&f, &profile);
    safety_flow_input(&f, FLOW_CONTINUE);
    safety_flow_input(&f, FLOW_NO);
    safety_flow_input(&f, FLOW_NO);
    assert_true(safety_flow_input(&f, FLOW_NO));
    assert_int_equal(f.screen, FLOW_BLOCKED);
    char msg[512];
    safety_flow_block_message(&f, msg, sizeof(msg));
    assert_non_null(strstr(msg, "you answered no to \"Has your doctor"));
}

/* A profile with no questions and no checklist still shows the floor. */
static void test_floor_only(void **state)
{
    (void)state;
    static const struct safety_profile bare = {.type = "bare"};
    struct safety_flow f;
    safety_flow_start(&f, &bare);
    assert_int_equal(safety_flow_count(&f), 1);
    assert_int_equal(f.screen, FLOW_FLOOR);
    assert_true(safety_flow_input(&f, FLOW_CONTINUE));
    assert_int_equal(f.screen, FLOW_READY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_enter_never_answers),
        cmocka_unit_test(test_yes_blocks),
        cmocka_unit_test(test_clearance_no_blocks),
        cmocka_unit_test(test_floor_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
