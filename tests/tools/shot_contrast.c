/* shot_contrast: measures a screenshot of the window against its theme's
 * palette (src/core/palette.c), colour by colour.
 *
 *   shot_contrast THEME FILE.ppm
 *
 * Every pixel must be a colour of the theme, or an anti-aliased blend of
 * two of them (text edges): a colour from anywhere else is reported as
 * foreign. Then each pair of palette colours that touch (solid 2x2
 * patches of each within 3 px: a glyph's stem and the surface under it,
 * a button's edge and its fill, a lit part of the body beside an unlit
 * one) has its contrast computed and set against what the two kinds need
 * (palette_need: text on a surface 4.5:1, 7:1 in high contrast; graphics
 * 3:1, 4.5:1). Prints one line a pair,
 *
 *   pair text on background 14.48:1 need 4.50 ok (5210 px)
 *
 * then a summary; exits 1 when a pair falls short or a colour is foreign,
 * 2 on bad usage or an unreadable file. Reads binary PPM (P6) as xwd |
 * xwdtopnm writes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/contrast.h"
#include "../../src/core/palette.h"

enum { RADIUS = 3, MIN_PIXELS = 6, TOLERANCE = 3, MAX_COLORS = PAL_ROLES };

/* The theme's distinct colours; several roles may share one. */
struct color {
    struct contrast_rgb rgb;
    enum palette_kind kind;
    char name[120];
};

static struct color colors[MAX_COLORS];
static int n_colors;

static void build(enum palette_theme t)
{
    const struct contrast_rgb *c = palette_colors(t);
    for (int r = 0; r < PAL_ROLES; r++) {
        int i = 0;
        while (i < n_colors && memcmp(&colors[i].rgb, &c[r], sizeof(c[r])) != 0)
            i++;
        enum palette_kind k = PALETTE_ROLE_INFO[r].kind;
        if (i == n_colors) {
            colors[n_colors].rgb = c[r];
            colors[n_colors].kind = k;
            snprintf(colors[n_colors].name, sizeof(colors[0].name), "%s",
                     PALETTE_ROLE_INFO[r].name);
            n_colors++;
            continue;
        }
        size_t len = strlen(colors[i].name);
        snprintf(colors[i].name + len, sizeof(colors[0].name) - len, "/%s",
                 PALETTE_ROLE_INFO[r].name);
        /* the strictest need: ink over graphic; surfaces share with none */
        if (k == PALETTE_INK)
            colors[i].kind = k;
    }
}

static int skip_space(FILE *f)
{
    int ch;
    while ((ch = fgetc(f)) != EOF) {
        if (ch == '#')
            while ((ch = fgetc(f)) != EOF && ch != '\n')
                ;
        else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            return ch;
    }
    return EOF;
}

static long header_number(FILE *f)
{
    int ch = skip_space(f);
    long v = 0;
    if (ch < '0' || ch > '9')
        return -1;
    while (ch >= '0' && ch <= '9' && v < 100000) {
        v = v * 10 + (ch - '0');
        ch = fgetc(f);
    }
    return v;
}

static unsigned char *read_ppm(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *px = NULL;
    if (fgetc(f) == 'P' && fgetc(f) == '6') {
        long W = header_number(f), H = header_number(f), max = header_number(f);
        if (W > 0 && H > 0 && W <= 20000 && H <= 20000 && max == 255) {
            size_t n = (size_t)W * (size_t)H * 3;
            px = malloc(n);
            if (px && fread(px, 1, n, f) != n) {
                free(px);
                px = NULL;
            }
            *w = (int)W;
            *h = (int)H;
        }
    }
    fclose(f);
    return px;
}

static int palette_index(const unsigned char *p)
{
    for (int i = 0; i < n_colors; i++)
        if (p[0] == colors[i].rgb.r && p[1] == colors[i].rgb.g &&
            p[2] == colors[i].rgb.b)
            return i;
    return -1;
}

/* Whether p lies (within TOLERANCE a channel) between palette colours a
 * and b: what alpha blending one over the other gives. */
static int between(const unsigned char *p, struct contrast_rgb a,
                   struct contrast_rgb b)
{
    int d[3] = {b.r - a.r, b.g - a.g, b.b - a.b};
    int q[3] = {p[0] - a.r, p[1] - a.g, p[2] - a.b};
    double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    double t = dd > 0 ? (q[0] * d[0] + q[1] * d[1] + q[2] * d[2]) / dd : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t; /* rounding can step past an end */
    for (int k = 0; k < 3; k++) {
        double e = q[k] - t * d[k];
        if (e > TOLERANCE || e < -TOLERANCE)
            return 0;
    }
    return 1;
}

static int blend(const unsigned char *p)
{
    for (int a = 0; a < n_colors; a++)
        for (int b = a + 1; b < n_colors; b++)
            if (between(p, colors[a].rgb, colors[b].rgb))
                return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: shot_contrast THEME FILE.ppm\n");
        return 2;
    }
    int theme = -1;
    for (int t = 0; t < PALETTE_THEMES; t++)
        if (strcmp(argv[1], palette_theme_name(t)) == 0)
            theme = t;
    int w, h;
    unsigned char *px = theme < 0 ? NULL : read_ppm(argv[2], &w, &h);
    if (!px) {
        fprintf(stderr, "shot_contrast: %s\n",
                theme < 0 ? "no such theme" : "cannot read the PPM file");
        return 2;
    }
    build(theme);
    size_t n = (size_t)w * (size_t)h, foreign = 0, blends = 0;
    signed char *idx = malloc(n), *solid = malloc(n);
    if (!idx || !solid)
        return 2;
    /* Distinct colours repeat: remember the last verdict. */
    unsigned char last[3] = {0, 0, 0};
    int last_blend = -1;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = px + 3 * i;
        idx[i] = (signed char)palette_index(p);
        if (idx[i] >= 0)
            continue;
        if (last_blend < 0 || memcmp(p, last, 3) != 0) {
            memcpy(last, p, 3);
            last_blend = blend(p);
        }
        if (last_blend) {
            blends++;
        } else if (foreign++ < 5) {
            printf("foreign colour %d,%d,%d at %zu,%zu\n", p[0], p[1], p[2],
                   i % (size_t)w, i / (size_t)w);
        }
    }
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            size_t i = (size_t)y * (size_t)w + (size_t)x;
            int c = idx[i];
            solid[i] = (signed char)(c >= 0 && x + 1 < w && y + 1 < h &&
                                             idx[i + 1] == c &&
                                             idx[i + (size_t)w] == c &&
                                             idx[i + (size_t)w + 1] == c
                                         ? c
                                         : -1);
        }
    static size_t touch[MAX_COLORS][MAX_COLORS];
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int a = solid[(size_t)y * (size_t)w + (size_t)x];
            if (a < 0)
                continue;
            int seen[MAX_COLORS] = {0};
            for (int dy = -RADIUS; dy <= RADIUS; dy++)
                for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                    int X = x + dx, Y = y + dy;
                    if (X < 0 || Y < 0 || X >= w || Y >= h)
                        continue;
                    int b = solid[(size_t)Y * (size_t)w + (size_t)X];
                    if (b >= 0 && b != a && !seen[b]) {
                        seen[b] = 1;
                        touch[a][b]++;
                    }
                }
        }
    int bad = 0, pairs = 0;
    for (int a = 0; a < n_colors; a++)
        for (int b = a + 1; b < n_colors; b++) {
            size_t count = touch[a][b] + touch[b][a];
            if (count < MIN_PIXELS)
                continue;
            /* named with the surface (or else the darker) second */
            int fg = a, bg = b;
            if (colors[a].kind == PALETTE_SURFACE ||
                (colors[b].kind != PALETTE_SURFACE &&
                 contrast_luminance(colors[a].rgb) <
                     contrast_luminance(colors[b].rgb))) {
                fg = b;
                bg = a;
            }
            double need = palette_need(theme, colors[fg].kind, colors[bg].kind);
            double got = contrast_ratio(colors[fg].rgb, colors[bg].rgb);
            int ok = got + 1e-9 >= need;
            printf("pair %s on %s %.2f:1 need %.2f %s (%zu px)\n",
                   colors[fg].name, colors[bg].name, got, need,
                   ok ? "ok" : "FAIL", count);
            bad |= !ok;
            pairs++;
        }
    printf("%s: %dx%d, %d pairs, %zu blended pixels, %zu foreign\n", argv[2], w,
           h, pairs, blends, foreign);
    free(px);
    free(idx);
    free(solid);
    return bad || foreign ? 1 : 0;
}
