/* contrast.h: WCAG 2 contrast between two colours: the relative
 * luminance of an sRGB colour and the ratio (L1 + 0.05) / (L2 + 0.05),
 * from 1 (the same) to 21 (black on white). Pure C, unit-tested. */
#ifndef STILLPOINT_CONTRAST_H
#define STILLPOINT_CONTRAST_H

/* An sRGB colour, 0..255 a channel. */
struct contrast_rgb {
    unsigned char r, g, b;
};

/* WCAG 2's thresholds: text (AA 4.5, AAA 7) and graphics a person needs
 * to see (1.4.11: 3). */
#define CONTRAST_TEXT_AA     4.5
#define CONTRAST_TEXT_AAA    7.0
#define CONTRAST_GRAPHICS_AA 3.0

/* The relative luminance of c, 0 (black) to 1 (white). */
double contrast_luminance(struct contrast_rgb c);

/* The contrast ratio of a and b, in either order: 1..21. */
double contrast_ratio(struct contrast_rgb a, struct contrast_rgb b);

#endif
