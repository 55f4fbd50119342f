/* test_contrast.c: the WCAG contrast ratio against known figures, and
 * every pair of colours each theme draws side by side against what it
 * needs: text 4.5:1 (7:1 in high contrast), graphics 3:1 (4.5:1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/core/contrast.h"
#include "../src/core/palette.h"

static const struct contrast_rgb black = {0, 0, 0}, white = {255, 255, 255};

static void test_luminance(void **state)
{
    (void)state;
    assert_float_equal(contrast_luminance(black), 0.0, 1e-9);
    assert_float_equal(contrast_luminance(white), 1.0, 1e-9);
    assert_float_equal(contrast_luminance((struct contrast_rgb){255, 0, 0}),
                       0.2126, 1e-9);
    assert_float_equal(contrast_luminance((struct contrast_rgb){0, 255, 0}),
                       0.7152, 1e-9);
    /* the linear part of the curve, below 0.04045 */
    assert_float_equal(contrast_luminance((struct contrast_rgb){10, 10, 10}),
                       10 / 255.0 / 12.92, 1e-9);
}

static void test_ratio(void **state)
{
    (void)state;
    assert_float_equal(contrast_ratio(black, white), 21.0, 1e-9);
    assert_float_equal(contrast_ratio(white, black), 21.0, 1e-9);
    assert_float_equal(contrast_ratio(white, white), 1.0, 1e-9);
    /* #777 on white: the well-known 4.48, just short of AA */
    struct contrast_rgb g = {119, 119, 119};
    assert_float_equal(contrast_ratio(g, white), 4.48, 0.005);
    assert_true(contrast_ratio(g, white) < CONTRAST_TEXT_AA);
    /* #767676, the lightest grey that passes on white */
    struct contrast_rgb g2 = {118, 118, 118};
    assert_true(contrast_ratio(g2, white) >= CONTRAST_TEXT_AA);
    /* the figures for the old palette */
    struct contrast_rgb bg = {18, 22, 28}, text = {226, 230, 235},
                        dim = {140, 150, 162}, figure = {58, 68, 80};
    assert_float_equal(contrast_ratio(text, bg), 14.5, 0.05);
    assert_float_equal(contrast_ratio(dim, bg), 6.0, 0.05);
    assert_float_equal(contrast_ratio(figure, bg), 1.8, 0.05);
}

static void test_need(void **state)
{
    (void)state;
    assert_float_equal(
        palette_need(PALETTE_DEFAULT, PALETTE_INK, PALETTE_SURFACE), 4.5, 0);
    assert_float_equal(
        palette_need(PALETTE_HIGH_CONTRAST, PALETTE_SURFACE, PALETTE_INK), 7,
        0);
    assert_float_equal(
        palette_need(PALETTE_DEFAULT, PALETTE_GRAPHIC, PALETTE_SURFACE), 3, 0);
    assert_float_equal(
        palette_need(PALETTE_HIGH_CONTRAST, PALETTE_GRAPHIC, PALETTE_GRAPHIC),
        4.5, 0);
    assert_float_equal(
        palette_need(PALETTE_DEFAULT, PALETTE_SURFACE, PALETTE_SURFACE), 0, 0);
    assert_float_equal(palette_need(PALETTE_DEFAULT, PALETTE_INK, PALETTE_INK),
                       0, 0);
}

/* Every pair the window draws reaches what its kinds need, in each
 * theme. */
static void test_pairs(void **state)
{
    (void)state;
    for (int t = 0; t < PALETTE_THEMES; t++) {
        const struct contrast_rgb *c = palette_colors(t);
        for (size_t i = 0; i < PALETTE_PAIR_COUNT; i++) {
            enum palette_role fg = PALETTE_PAIRS[i].fg,
                              bg = PALETTE_PAIRS[i].bg;
            double need = palette_need(t, PALETTE_ROLE_INFO[fg].kind,
                                       PALETTE_ROLE_INFO[bg].kind);
            double got = contrast_ratio(c[fg], c[bg]);
            if (got < need)
                fail_msg("%s: %s on %s is %.2f:1, under %.1f:1",
                         palette_theme_name(t), PALETTE_ROLE_INFO[fg].name,
                         PALETTE_ROLE_INFO[bg].name, got, need);
        }
        /* Every ink on every surface, whether drawn today or not. */
        for (int s = 0; s < PAL_ROLES; s++)
            for (int k = 0; k < PAL_ROLES; k++)
                if (PALETTE_ROLE_INFO[s].kind == PALETTE_SURFACE &&
                    PALETTE_ROLE_INFO[k].kind == PALETTE_INK)
                    assert_true(contrast_ratio(c[k], c[s]) >=
                                palette_need(t, PALETTE_INK, PALETTE_SURFACE));
    }
}

/* A screenshot tells a surface from what is drawn on it by its colour
 * alone: no surface shares its colour with ink or a graphic. */
static void test_surfaces_distinct(void **state)
{
    (void)state;
    for (int t = 0; t < PALETTE_THEMES; t++) {
        const struct contrast_rgb *c = palette_colors(t);
        for (int s = 0; s < PAL_ROLES; s++)
            for (int k = 0; k < PAL_ROLES; k++)
                if (PALETTE_ROLE_INFO[s].kind == PALETTE_SURFACE &&
                    PALETTE_ROLE_INFO[k].kind != PALETTE_SURFACE)
                    assert_false(c[s].r == c[k].r && c[s].g == c[k].g &&
                                 c[s].b == c[k].b);
    }
    assert_string_equal(palette_theme_name(PALETTE_HIGH_CONTRAST),
                        "high-contrast");
    assert_null(palette_theme_name(PALETTE_THEMES));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_luminance),
        cmocka_unit_test(test_ratio),
        cmocka_unit_test(test_need),
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_surfaces_distinct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
