/* palette.c: the colours of each theme and the contrast they need (see
 * palette.h). The figures beside each colour are its contrast against
 * the theme's background, as tests/test_contrast.c computes them. */
#include "palette.h"

const struct palette_role_info PALETTE_ROLE_INFO[PAL_ROLES] = {
    [PAL_BG] = {"background", PALETTE_SURFACE},
    [PAL_PANEL] = {"panel", PALETTE_SURFACE},
    [PAL_BUTTON] = {"button", PALETTE_SURFACE},
    [PAL_TEXT] = {"text", PALETTE_INK},
    [PAL_DIM] = {"dim", PALETTE_INK},
    [PAL_ACCENT] = {"accent", PALETTE_INK},
    [PAL_WARN] = {"warn", PALETTE_INK},
    [PAL_EDGE] = {"edge", PALETTE_GRAPHIC},
    [PAL_FIGURE] = {"figure", PALETTE_GRAPHIC},
    [PAL_FIGURE_LIT] = {"figure-lit", PALETTE_GRAPHIC},
};

/* Calm: dark blue-grey, soft light text. */
static const struct contrast_rgb default_colors[PAL_ROLES] = {
    [PAL_BG] = {18, 22, 28},
    [PAL_PANEL] = {26, 31, 38},
    [PAL_BUTTON] = {44, 52, 62},
    [PAL_TEXT] = {226, 230, 235},       /* 14.5 */
    [PAL_DIM] = {150, 160, 172},        /* 6.8; 4.8 on a button */
    [PAL_ACCENT] = {120, 180, 200},     /* 7.9 */
    [PAL_WARN] = {236, 190, 120},       /* 10.5 */
    [PAL_EDGE] = {140, 152, 166},       /* 6.2; 4.3 beside a button */
    [PAL_FIGURE] = {92, 104, 118},      /* 3.2 */
    [PAL_FIGURE_LIT] = {150, 214, 234}, /* 11.3; 3.5 beside the unlit */
};

/* Black, white, and a few colours every one of which reads at 7:1. */
static const struct contrast_rgb high_contrast_colors[PAL_ROLES] = {
    [PAL_BG] = {0, 0, 0},
    [PAL_PANEL] = {0, 0, 0},
    [PAL_BUTTON] = {24, 24, 24},
    [PAL_TEXT] = {255, 255, 255},       /* 21 */
    [PAL_DIM] = {216, 216, 216},        /* 14.7 */
    [PAL_ACCENT] = {110, 230, 255},     /* 14.4 */
    [PAL_WARN] = {255, 214, 80},        /* 15.0 */
    [PAL_EDGE] = {255, 255, 255},       /* 21 */
    [PAL_FIGURE] = {118, 118, 118},     /* 4.6 */
    [PAL_FIGURE_LIT] = {255, 255, 255}, /* 21; 4.5 beside the unlit */
};

static const char *const theme_names[PALETTE_THEMES] = {"default",
                                                        "high-contrast"};

const struct contrast_rgb *palette_colors(enum palette_theme t)
{
    return t == PALETTE_HIGH_CONTRAST ? high_contrast_colors : default_colors;
}

const char *palette_theme_name(enum palette_theme t)
{
    return (unsigned)t < PALETTE_THEMES ? theme_names[t] : NULL;
}

double palette_need(enum palette_theme t, enum palette_kind a,
                    enum palette_kind b)
{
    bool high = t == PALETTE_HIGH_CONTRAST;
    if (a == b && a != PALETTE_GRAPHIC)
        return 0;
    if ((a == PALETTE_INK && b == PALETTE_SURFACE) ||
        (a == PALETTE_SURFACE && b == PALETTE_INK))
        return high ? CONTRAST_TEXT_AAA : CONTRAST_TEXT_AA;
    return high ? CONTRAST_TEXT_AA : CONTRAST_GRAPHICS_AA;
}

const struct palette_pair PALETTE_PAIRS[] = {
    /* text on the window, on buttons and the selected row, on the panel */
    {PAL_TEXT, PAL_BG},
    {PAL_DIM, PAL_BG},
    {PAL_ACCENT, PAL_BG},
    {PAL_WARN, PAL_BG},
    {PAL_TEXT, PAL_BUTTON},
    {PAL_DIM, PAL_BUTTON},
    {PAL_ACCENT, PAL_BUTTON},
    {PAL_WARN, PAL_BUTTON},
    {PAL_TEXT, PAL_PANEL},
    {PAL_WARN, PAL_PANEL},
    /* edges of buttons, the panel and the selection */
    {PAL_EDGE, PAL_BG},
    {PAL_EDGE, PAL_BUTTON},
    {PAL_EDGE, PAL_PANEL},
    /* the body figure, the chart, the progress bar */
    {PAL_FIGURE, PAL_BG},
    {PAL_FIGURE_LIT, PAL_BG},
    {PAL_FIGURE_LIT, PAL_FIGURE},
};
const size_t PALETTE_PAIR_COUNT =
    sizeof(PALETTE_PAIRS) / sizeof(PALETTE_PAIRS[0]);
