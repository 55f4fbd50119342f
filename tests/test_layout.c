/* test_layout.c: the window's arithmetic: text sizes for a window and the
 * person's text size, the rows of a scrolled list, and where the window
 * opens on displays large and small. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/core/layout.h"

static void test_font_points(void **state)
{
    (void)state;
    /* as designed at 1280x800 */
    assert_int_equal(layout_font_points(LAYOUT_SMALL, 1.0, 1.0), 22);
    assert_int_equal(layout_font_points(LAYOUT_HUGE, 1.0, 1.0), 132);
    /* text size 2: small and body twice, headings 1.5 times, the clock not */
    assert_int_equal(layout_font_points(LAYOUT_SMALL, 1.0, 2.0), 44);
    assert_int_equal(layout_font_points(LAYOUT_BODY, 1.0, 2.0), 60);
    assert_int_equal(layout_font_points(LAYOUT_LARGE, 1.0, 2.0), 66);
    assert_int_equal(layout_font_points(LAYOUT_HUGE, 1.0, 2.0), 132);
    /* out of range sizes are held to 1..2; never under 8 points */
    assert_int_equal(layout_font_points(LAYOUT_SMALL, 1.0, 9.0), 44);
    assert_int_equal(layout_font_points(LAYOUT_SMALL, 1.0, 0.0 / 0.0), 22);
    assert_int_equal(layout_font_points(LAYOUT_SMALL, 0.01, 1.0), 8);
    /* the window's scale: its height, held by its width, at least 0.5 */
    assert_float_equal(layout_window_scale(1280, 800), 1.0, 1e-9);
    assert_float_equal(layout_window_scale(800, 600), 0.625, 1e-9);
    assert_float_equal(layout_window_scale(1024, 600), 0.75, 1e-9);
    assert_float_equal(layout_window_scale(3000, 800), 1.0, 1e-9);
    assert_float_equal(layout_window_scale(100, 100), 0.5, 1e-9);
}

static void test_scroll(void **state)
{
    (void)state;
    int h[10] = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
    size_t last;
    /* fits: everything from 0 */
    assert_int_equal(layout_scroll(h, 10, 7, 100, &last), 0);
    assert_int_equal(last, 10);
    /* 4 rows of room: the selection in the middle */
    size_t first = layout_scroll(h, 10, 5, 40, &last);
    assert_true(first <= 5 && last > 5);
    assert_int_equal(last - first, 4);
    assert_int_equal(first, 4); /* rows 4..7: 5 is second of four */
    /* near the ends the room is filled from the other side */
    assert_int_equal(layout_scroll(h, 10, 0, 40, &last), 0);
    assert_int_equal(last, 4);
    assert_int_equal(layout_scroll(h, 10, 9, 40, &last), 6);
    assert_int_equal(last, 10);
    /* rows of different heights never overfill the room */
    int v[6] = {30, 5, 25, 40, 5, 10};
    for (size_t sel = 0; sel < 6; sel++) {
        first = layout_scroll(v, 6, sel, 50, &last);
        int used = 0;
        for (size_t i = first; i < last; i++)
            used += v[i];
        assert_true(first <= sel && sel < last);
        assert_true(used <= 50 || last - first == 1);
    }
    /* a row taller than the room still shows, alone */
    int tall[3] = {10, 90, 10};
    first = layout_scroll(tall, 3, 1, 50, &last);
    assert_int_equal(first, 1);
    assert_int_equal(last, 2);
    /* an empty list */
    assert_int_equal(layout_scroll(h, 0, 0, 40, &last), 0);
    assert_int_equal(last, 0);
}

static void test_place(void **state)
{
    (void)state;
    struct layout_rect big = {0, 0, 1920, 1080}, small = {0, 0, 1024, 600},
                       laptop = {0, 27, 1366, 741}, tiny = {0, 0, 640, 480};
    struct layout_rect r = layout_place_window(big, NULL);
    assert_int_equal(r.w, 1280);
    assert_int_equal(r.h, 800);
    assert_int_equal(r.x, 320);
    assert_int_equal(r.y, 140);
    /* the 1024x600 screen: all of it, not 128 px off its edge */
    r = layout_place_window(small, NULL);
    assert_int_equal(r.x, 0);
    assert_int_equal(r.y, 0);
    assert_int_equal(r.w, 1024);
    assert_int_equal(r.h, 600);
    /* a 1366x768 laptop with a top bar: below the bar, cut to fit */
    r = layout_place_window(laptop, NULL);
    assert_int_equal(r.h, 741);
    assert_int_equal(r.y, 27);
    assert_int_equal(r.w, 1280);
    /* a display under the minimum: the display */
    r = layout_place_window(tiny, NULL);
    assert_int_equal(r.w, 640);
    assert_int_equal(r.h, 480);
    /* a saved place that fits is kept */
    struct layout_rect saved = {100, 50, 900, 700};
    r = layout_place_window(big, &saved);
    assert_memory_equal(&r, &saved, sizeof(r));
    /* one off the display (another monitor, gone) keeps its size, centred */
    saved = (struct layout_rect){2500, 50, 900, 700};
    r = layout_place_window(big, &saved);
    assert_int_equal(r.x, 510);
    assert_int_equal(r.w, 900);
    /* one larger than the display now is cut to it */
    saved = (struct layout_rect){0, 0, 1900, 1000};
    r = layout_place_window(small, &saved);
    assert_int_equal(r.w, 1024);
    assert_int_equal(r.h, 600);
    /* one under the minimum grows to it */
    saved = (struct layout_rect){0, 0, 300, 200};
    r = layout_place_window(big, &saved);
    assert_int_equal(r.w, LAYOUT_MIN_W);
    assert_int_equal(r.h, LAYOUT_MIN_H);
}

static void test_place_text(void **state)
{
    (void)state;
    struct layout_rect r, in = {-20, 35, 1024, 700};
    char buf[80];
    layout_place_format(&in, buf, sizeof(buf));
    assert_string_equal(buf, "-20 35 1024 700\n");
    assert_true(layout_place_parse(buf, &r));
    assert_memory_equal(&r, &in, sizeof(r));
    static const char *const bad[] = {
        "",
        "1 2 3",
        "1 2 3 4 5",
        "a 2 3 4",
        "1 2 0 4",
        "1 2 3 -4",
        "1 2 99999999 4",
        "1 2 3 4x",
        "1 2 3 4;",
        "1 2 3 4\n5",
        "0x10 2 3 4",
        " - 2 3 4",
        "1 2 3 4\x1b[2J",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (layout_place_parse(bad[i], &r))
            fail_msg("took '%s'", bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_font_points),
        cmocka_unit_test(test_scroll),
        cmocka_unit_test(test_place),
        cmocka_unit_test(test_place_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
