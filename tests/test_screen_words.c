/* test_screen_words.c: what each screen says when screens are read aloud:
 * a question followed by its answer keys, every item of a list, the
 * blocking question said, a file's own text never marked for a stock
 * recording, the doctor signs before the care after, and a change of
 * wording seen by the key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/screen_words.h"

static const char *q1 = "Do you have a heart condition?";
static const char *q2 = "Has your doctor said this is safe?";

static struct safety_profile profile(bool builtin)
{
    static const char *contra[1], *clear[1];
    static const char *prep[] = {"A quiet room.", "Loose clothes."};
    static const char *stop[] = {"Dizziness", "Pain"};
    static const char *doctor[] = {"Chest pain afterwards"};
    static const char *care[] = {"Drink some water."};
    contra[0] = q1;
    clear[0] = q2;
    return (struct safety_profile){
        .type = "t",
        .builtin = builtin,
        .contraindications = {contra, 1},
        .clearance = {clear, 1},
        .preparation = {prep, 2},
        .ask = "your physiotherapist",
        .stop_signs = {stop, 2},
        .doctor_signs = {doctor, 1},
        .aftercare = {care, 1},
    };
}

/* The index of the line saying text, or -1. */
static int line_of(const struct screen_words *w, const char *text)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->lines[i].text, text) == 0)
            return (int)i;
    return -1;
}

static void test_floor_then_each_question_with_its_keys(void **state)
{
    (void)state;
    struct safety_profile p = profile(false);
    struct safety_flow f;
    static struct screen_words w;
    safety_flow_start(&f, &p);
    screen_words_before(&w, &f, false);
    assert_int_equal(line_of(&w, SESSION_FLOOR_NOTICE), 0);
    assert_true(line_of(&w, "Press Enter to continue.") > 0);
    safety_flow_input(&f, FLOW_CONTINUE);
    screen_words_before(&w, &f, false);
    assert_int_equal(w.count, 2);
    assert_string_equal(w.lines[0].text, q1);
    assert_false(w.lines[0].stock); /* a file's own: synthesized */
    assert_string_equal(w.lines[1].text, "Press Y for yes, or N for no.");
    assert_true(w.lines[1].stock);
    safety_flow_input(&f, FLOW_NO);
    screen_words_before(&w, &f, false);
    assert_string_equal(w.lines[0].text, q2);
    assert_string_equal(w.lines[1].text, SCREEN_WORDS_YES_NO);
}

static void test_checklist_says_every_item(void **state)
{
    (void)state;
    struct safety_profile p = profile(true);
    struct safety_flow f = {.profile = &p, .screen = FLOW_PREPARATION};
    static struct screen_words w;
    screen_words_before(&w, &f, true);
    int a = line_of(&w, "A quiet room."), b = line_of(&w, "Loose clothes.");
    assert_true(a > 0 && b == a + 1);
    assert_true(w.lines[a].stock); /* a built-in profile's own */
    assert_non_null(strstr(w.lines[w.count - 1].text, "parts of the body"));
    screen_words_before(&w, &f, false);
    assert_null(strstr(w.lines[w.count - 1].text, "parts of the body"));
}

static void test_blocked_says_the_question_and_whom_to_ask(void **state)
{
    (void)state;
    struct safety_profile p = profile(false);
    struct safety_flow f = {
        .profile = &p, .screen = FLOW_BLOCKED, .blocked_by = q2};
    static struct screen_words w;
    screen_words_blocked(&w, &f);
    int no = line_of(&w, "You answered no to this question:");
    assert_true(no > 0);
    assert_int_equal(line_of(&w, q2), no + 1);
    int ask = line_of(&w, "Please ask your physiotherapist before doing "
                          "this session.");
    assert_true(ask > no);
    assert_false(w.lines[ask].stock); /* the file's own words inside */
    f.blocked_by = q1;
    screen_words_blocked(&w, &f);
    assert_true(line_of(&w, "You answered yes to this question:") > 0);
}

static void test_running_panel_says_why_then_the_signs(void **state)
{
    (void)state;
    struct safety_profile p = profile(true);
    static struct screen_words w;
    screen_words_running(&w, &p, SCREEN_STATUS_CHECKIN);
    assert_string_equal(w.lines[0].text, "Still comfortable? Press any key.");
    assert_true(line_of(&w, "Dizziness") > 1);
    assert_true(line_of(&w, "Pain") > line_of(&w, "Dizziness"));
    screen_words_running(&w, &p, SCREEN_STATUS_SIGNS);
    assert_non_null(strstr(w.lines[0].text, "Stop at once"));
}

static void test_after_doctor_signs_before_the_care(void **state)
{
    (void)state;
    struct safety_profile p = profile(true);
    static struct screen_words w;
    struct screen_after_offers offers = {.grounding = true, .note = true};
    screen_words_after(&w, &p, HISTORY_DISCOMFORT, &offers);
    assert_string_equal(w.lines[0].text, "Stopped for discomfort.");
    int doctor = line_of(&w, "Chest pain afterwards");
    int care = line_of(&w, "Drink some water.");
    assert_true(doctor > 0 && care > doctor);
    int offer = -1;
    for (size_t i = 0; i < w.count; i++)
        if (strstr(w.lines[i].text, "press G"))
            offer = (int)i;
    assert_true(offer > doctor && offer < care);
    assert_true(line_of(&w, "Press N to write a note with this session.") >
                care);
    struct screen_after_offers none = {0};
    screen_words_after(&w, &p, HISTORY_COMPLETED, &none);
    for (size_t i = 0; i < w.count; i++) {
        assert_null(strstr(w.lines[i].text, "press G"));
        assert_null(strstr(w.lines[i].text, "Press N"));
    }
}

static void test_rating_question_then_each_number(void **state)
{
    (void)state;
    static struct screen_words w;
    screen_words_rating(&w, -1);
    assert_string_equal(w.lines[0].text, SCREEN_WORDS_RATING_QUESTION);
    assert_true(line_of(&w, SCREEN_WORDS_RATING_HINT) > 0);
    screen_words_rating(&w, 10);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.lines[0].text, "Chosen: 10");
    assert_true(w.lines[0].stock);
    screen_words_rating_pause(&w, false);
    assert_int_equal(line_of(&w, SCREEN_WORDS_PAUSE[1]), -1);
    screen_words_rating_pause(&w, true);
    assert_int_equal(line_of(&w, SCREEN_WORDS_PAUSE[1]), 1);
    /* never a verdict */
    for (int v = -1; v <= 10; v++) {
        screen_words_rating(&w, v);
        for (size_t i = 0; i < w.count; i++) {
            assert_null(strstr(w.lines[i].text, "better"));
            assert_null(strstr(w.lines[i].text, "improv"));
        }
    }
}

static void test_key_follows_the_words(void **state)
{
    (void)state;
    struct safety_profile p = profile(false);
    struct safety_flow f = {
        .profile = &p, .screen = FLOW_CONTRAINDICATION, .index = 0};
    static struct screen_words w;
    screen_words_before(&w, &f, false);
    uint64_t k1 = screen_words_key(&w);
    screen_words_before(&w, &f, false);
    assert_true(screen_words_key(&w) == k1); /* the same screen again */
    f.screen = FLOW_CLEARANCE;
    screen_words_before(&w, &f, false);
    assert_true(screen_words_key(&w) != k1);
    screen_words_clear(&w);
    assert_int_equal(w.count, 0);
}

static void test_composed_line_cut_whole_characters(void **state)
{
    (void)state;
    /* whom to ask, longer than the buffer and all in é (two bytes
     * each): the line is kept, cut only between characters */
    static char ask[SCREEN_WORDS_BUF + 101];
    for (size_t i = 0; i + 2 < sizeof(ask); i += 2)
        memcpy(ask + i, "\xc3\xa9", 2);
    struct safety_profile p = profile(false);
    p.ask = ask;
    struct safety_flow f = {.profile = &p, .screen = FLOW_BLOCKED};
    static struct screen_words w;
    screen_words_blocked(&w, &f);
    assert_true(line_of(&w, "Please do not start this session now.") == 0);
    assert_true(w.count >= 2);
    for (size_t i = 0; i < w.count; i++) {
        size_t n = strlen(w.lines[i].text);
        assert_true(n > 0);
        assert_true(((unsigned char)w.lines[i].text[n - 1] & 0xC0) != 0xC0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_floor_then_each_question_with_its_keys),
        cmocka_unit_test(test_checklist_says_every_item),
        cmocka_unit_test(test_blocked_says_the_question_and_whom_to_ask),
        cmocka_unit_test(test_running_panel_says_why_then_the_signs),
        cmocka_unit_test(test_after_doctor_signs_before_the_care),
        cmocka_unit_test(test_rating_question_then_each_number),
        cmocka_unit_test(test_key_follows_the_words),
        cmocka_unit_test(test_composed_line_cut_whole_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
