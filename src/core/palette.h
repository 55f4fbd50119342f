/* palette.h: the window's colours, one table per theme (the `theme`
 * preference): each colour has a role (the background, secondary text,
 * the lit parts of the body figure...) and a kind, which says how much
 * contrast it needs against what is drawn next to it: text at least 4.5:1
 * (7:1 in high contrast), graphics a person needs at least 3:1 (4.5:1).
 * Pure data and the rules over it, shared by the window (src/ui/draw.c),
 * its unit test and the screenshot checker (tests/tools/shot_contrast). */
#ifndef STILLPOINT_PALETTE_H
#define STILLPOINT_PALETTE_H

#include <stdbool.h>
#include <stddef.h>

#include "contrast.h"

/* In the order of the preference's names ("default", "high-contrast"). */
enum palette_theme { PALETTE_DEFAULT, PALETTE_HIGH_CONTRAST, PALETTE_THEMES };

enum palette_role {
    PAL_BG,         /* the window */
    PAL_PANEL,      /* the stop-signs panel over the running screen */
    PAL_BUTTON,     /* a button, and the selected row of the choices */
    PAL_TEXT,       /* main text */
    PAL_DIM,        /* secondary text, rows not selected */
    PAL_ACCENT,     /* headings of groups, values, the breathing circle */
    PAL_WARN,       /* stop signs, problems */
    PAL_EDGE,       /* the edge of buttons, panels and the selection */
    PAL_FIGURE,     /* the body figure's unlit parts, empty days, tracks */
    PAL_FIGURE_LIT, /* its lit parts, the chart's bars, progress */
    PAL_ROLES
};

enum palette_kind {
    PALETTE_SURFACE, /* something drawn on */
    PALETTE_INK,     /* text (and, in the same colour, graphics) */
    PALETTE_GRAPHIC, /* shapes a person needs to see */
};

struct palette_role_info {
    const char *name; /* "figure-lit", as the checker reports it */
    enum palette_kind kind;
};

extern const struct palette_role_info PALETTE_ROLE_INFO[PAL_ROLES];

/* The theme's colours, indexed by role. */
const struct contrast_rgb *palette_colors(enum palette_theme t);

/* "default" or "high-contrast"; NULL outside the enum. */
const char *palette_theme_name(enum palette_theme t);

/* The contrast two kinds of colour need side by side in theme t: ink on
 * a surface 4.5 (7 in high contrast); a graphic on a surface, beside a
 * graphic or beside ink 3 (4.5); two surfaces, or two inks (the
 * anti-aliased edge of one text), 0: nothing. */
double palette_need(enum palette_theme t, enum palette_kind a,
                    enum palette_kind b);

/* The pairs of roles the window draws side by side (text on its
 * backgrounds, edges on what they bound, the lit beside the unlit body):
 * PALETTE_PAIRS of them. */
struct palette_pair {
    enum palette_role fg, bg;
};
extern const struct palette_pair PALETTE_PAIRS[];
extern const size_t PALETTE_PAIR_COUNT;

#endif
