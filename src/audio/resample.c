/* resample.c: sample-rate conversion for synthesized speech. */
#include "resample.h"

#include <math.h>
#include <stdlib.h>

enum { TAPS_PER_SIDE = 12 }; /* input samples either side of a point */

static int16_t clip16(double x)
{
    if (x >= 32767.0)
        return 32767;
    if (x <= -32768.0)
        return -32768;
    return (int16_t)lrint(x);
}

/* Upsampling by an integer factor: each output sample is a windowed-sinc
 * interpolation of the input, cut off a little below the input's
 * Nyquist frequency so no image of the voice's top octave is heard. */
static int upsample(const int16_t *in, size_t frames, int factor, int16_t *out,
                    size_t out_frames)
{
    const double cutoff = 0.9; /* of the input's Nyquist frequency */
    const double pi = 3.14159265358979323846;
    /* One filter phase per output position between two inputs. */
    double *h = malloc(sizeof(double) * (size_t)factor * 2 * TAPS_PER_SIDE);
    if (!h)
        return -1;
    for (int p = 0; p < factor; p++) {
        double frac = (double)p / factor;
        for (int k = 0; k < 2 * TAPS_PER_SIDE; k++) {
            double t = (k - TAPS_PER_SIDE + 1) - frac; /* in input samples */
            double x = pi * cutoff * t;
            double sinc = t == 0 ? 1.0 : sin(x) / x;
            double w = t / TAPS_PER_SIDE;
            double win = fabs(w) >= 1 ? 0 : 0.5 + 0.5 * cos(pi * w);
            h[p * 2 * TAPS_PER_SIDE + k] = cutoff * sinc * win;
        }
    }
    for (size_t o = 0; o < out_frames; o++) {
        size_t base = o / (size_t)factor;
        int p = (int)(o % (size_t)factor);
        const double *hp = h + p * 2 * TAPS_PER_SIDE;
        double acc = 0;
        for (int k = 0; k < 2 * TAPS_PER_SIDE; k++) {
            long i = (long)base + k - TAPS_PER_SIDE + 1;
            if (i >= 0 && (size_t)i < frames)
                acc += hp[k] * in[i];
        }
        out[o] = clip16(acc);
    }
    free(h);
    return 0;
}

int16_t *resample_mono(const int16_t *in, size_t frames, int in_rate,
                       int out_rate, size_t *out_frames)
{
    *out_frames = 0;
    if (in_rate <= 0 || out_rate <= 0)
        return NULL;
    size_t n = (size_t)((double)frames * out_rate / in_rate);
    int16_t *out = malloc((n ? n : 1) * sizeof(*out));
    if (!out)
        return NULL;
    if (out_rate % in_rate == 0) {
        if (upsample(in, frames, out_rate / in_rate, out, n) != 0) {
            free(out);
            return NULL;
        }
    } else {
        for (size_t o = 0; o < n; o++) {
            double x = (double)o * in_rate / out_rate;
            size_t i = (size_t)x;
            double f = x - (double)i;
            double a = in[i], b = i + 1 < frames ? in[i + 1] : 0;
            out[o] = clip16(a + (b - a) * f);
        }
    }
    *out_frames = n;
    return out;
}
