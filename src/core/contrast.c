/* contrast.c: WCAG 2 relative luminance and contrast ratio (see
 * contrast.h). */
#include "contrast.h"

#include <math.h>

/* One sRGB channel, 0..255, as linear light 0..1. */
static double linear(unsigned char v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(struct contrast_rgb c)
{
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(struct contrast_rgb a, struct contrast_rgb b)
{
    double la = contrast_luminance(a), lb = contrast_luminance(b);
    return la >= lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
