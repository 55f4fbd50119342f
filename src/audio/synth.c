/* synth.c: cue tones from a few sine partials under a smooth envelope:
 * a raised-cosine attack (no click), an exponential decay, and a
 * raised-cosine tail that ends on exact zero. */
#include "synth.h"

#include <math.h>
#include <stdlib.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

struct partial {
    double ratio; /* of the base frequency */
    double amp;
    double decay; /* seconds to fall by 1/e */
};

struct tone {
    double seconds;
    double f0, f1; /* base frequency glides from f0 to f1 */
    double attack;
    double peak_dbfs;
    struct partial partials[4];
};

/* Breath cues are short and quiet so they sit under a voice; bells ring.
 * In, out and hold differ so a person can follow with the eyes closed:
 * in is a soft tone rising a fifth, out the same tone falling a fifth
 * (both with a soft 12 ms attack and a slow decay, so the glide is heard),
 * and hold a low, quieter, shorter bell-like tick that does not move. */
static const struct tone tones[SYNTH_COUNT] = {
    [SYNTH_INHALE] = {1.00,
                      329.6,
                      493.9,
                      0.012,
                      -14.0,
                      {{1, 1.0, 0.80}, {2, 0.15, 0.35}, {3, 0.04, 0.20}}},
    [SYNTH_EXHALE] = {1.00,
                      493.9,
                      329.6,
                      0.012,
                      -14.0,
                      {{1, 1.0, 0.80}, {2, 0.15, 0.35}, {3, 0.04, 0.20}}},
    [SYNTH_HOLD] = {0.50,
                    196.0,
                    196.0,
                    0.004,
                    -20.0,
                    {{1, 1.0, 0.20}, {2.76, 0.20, 0.07}}},
    [SYNTH_BELL] = {3.50,
                    523.3,
                    523.3,
                    0.004,
                    -10.0,
                    {{1, 1.0, 1.20},
                     {2.76, 0.45, 0.60},
                     {5.40, 0.22, 0.35},
                     {8.93, 0.10, 0.20}}},
    [SYNTH_END] = {6.00,
                   392.0,
                   392.0,
                   0.006,
                   -8.0,
                   {{1, 1.0, 2.20},
                    {1.5, 0.55, 1.80},
                    {2.76, 0.30, 0.90},
                    {5.40, 0.12, 0.50}}},
};

enum { TAIL_MS = 40 };

double synth_peak_dbfs(enum synth_kind k)
{
    return (k >= 0 && k < SYNTH_COUNT) ? tones[k].peak_dbfs : 0.0;
}

int64_t synth_frames(enum synth_kind k)
{
    return (k >= 0 && k < SYNTH_COUNT)
               ? (int64_t)(tones[k].seconds * SOUND_RATE)
               : 0;
}

bool synth_generate(struct sound *snd)
{
    if (snd->synth < 0 || snd->synth >= SYNTH_COUNT)
        return false;
    const struct tone *t = &tones[snd->synth];
    const double rate = SOUND_RATE;
    int64_t n = (int64_t)(t->seconds * rate);
    int64_t attack = (int64_t)(t->attack * rate);
    int64_t tail = TAIL_MS * SOUND_RATE / 1000;
    double *buf = malloc((size_t)n * sizeof(double));
    int16_t *pcm = malloc((size_t)n * sizeof(int16_t));
    if (!buf || !pcm) {
        free(buf);
        free(pcm);
        return false;
    }
    /* Each partial is a rotating phasor (no sin() per sample when the
     * pitch holds still) under a decay kept as a running product. */
    double re[4], im[4], rot_re[4], rot_im[4], decay[4], amp[4], phase[4];
    int np = 0;
    for (; np < 4 && t->partials[np].amp > 0; np++) {
        const struct partial *pt = &t->partials[np];
        double d = 2.0 * M_PI * t->f0 * pt->ratio / rate;
        re[np] = 1.0;
        im[np] = 0.0;
        rot_re[np] = cos(d);
        rot_im[np] = sin(d);
        decay[np] = exp(-1.0 / (pt->decay * rate));
        amp[np] = pt->amp;
        phase[np] = 0.0;
    }
    const bool glide = t->f0 != t->f1;
    double peak = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = 0.0;
        if (glide) {
            double u = (double)i / (double)n;
            double f = t->f0 + (t->f1 - t->f0) * u * u * (3.0 - 2.0 * u);
            for (int p = 0; p < np; p++) {
                x += amp[p] * sin(phase[p]);
                phase[p] += 2.0 * M_PI * f * t->partials[p].ratio / rate;
                amp[p] *= decay[p];
            }
        } else {
            for (int p = 0; p < np; p++) {
                x += amp[p] * im[p];
                double r = re[p] * rot_re[p] - im[p] * rot_im[p];
                im[p] = re[p] * rot_im[p] + im[p] * rot_re[p];
                re[p] = r;
                amp[p] *= decay[p];
            }
        }
        double env = 1.0;
        if (i < attack)
            env = 0.5 - 0.5 * cos(M_PI * (double)i / (double)attack);
        if (i >= n - tail)
            env *= 0.5 - 0.5 * cos(M_PI * (double)(n - 1 - i) / (double)tail);
        buf[i] = x * env;
        if (fabs(buf[i]) > peak)
            peak = fabs(buf[i]);
    }
    double scale = peak > 0 ? pow(10.0, t->peak_dbfs / 20.0) / peak : 0.0;
    for (int64_t i = 0; i < n; i++)
        pcm[i] = (int16_t)lrint(buf[i] * scale * 32767.0);
    free(buf);
    free(snd->pcm);
    snd->pcm = pcm;
    snd->channels = 1;
    snd->frames = n;
    return true;
}
