/* resample_bench.c: for make bench, the resampler beside the two it
 * replaced (SDL_AudioStream for decoded files, a hand-written windowed
 * sinc for 16 kHz speech), measured in one run: speed, and the level of
 * the strongest image or alias of a 1 kHz tone, relative to the tone,
 * taken 44.1 -> 48 kHz and 16 -> 48 kHz. The old two are kept here only
 * to be measured against. */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/audio/resample.h"

enum { OUT_RATE = 48000, SECONDS = 20, FFT_N = 1 << 16 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- what was there before -------------------------------------------- */

static int16_t clip16(double x)
{
    return x >= 32767.0 ? 32767 : x <= -32768.0 ? -32768 : (int16_t)lrint(x);
}

/* The windowed-sinc upsampler speech went through (12 taps a side). */
static int16_t *old_sinc(const int16_t *in, size_t frames, int factor,
                         size_t *out_frames)
{
    enum { TAPS = 12 };
    const double cutoff = 0.9, pi = 3.14159265358979323846;
    size_t n = frames * (size_t)factor;
    double *h = malloc(sizeof(double) * (size_t)factor * 2 * TAPS);
    int16_t *out = malloc(n * sizeof(int16_t));
    for (int p = 0; p < factor; p++)
        for (int k = 0; k < 2 * TAPS; k++) {
            double t = (k - TAPS + 1) - (double)p / factor, x = pi * cutoff * t;
            double w = t / TAPS;
            h[p * 2 * TAPS + k] = cutoff * (t == 0 ? 1.0 : sin(x) / x) *
                                  (fabs(w) >= 1 ? 0 : 0.5 + 0.5 * cos(pi * w));
        }
    for (size_t o = 0; o < n; o++) {
        size_t base = o / (size_t)factor;
        const double *hp = h + (o % (size_t)factor) * 2 * TAPS;
        double acc = 0;
        for (int k = 0; k < 2 * TAPS; k++) {
            long i = (long)base + k - TAPS + 1;
            if (i >= 0 && (size_t)i < frames)
                acc += hp[k] * in[i];
        }
        out[o] = clip16(acc);
    }
    free(h);
    *out_frames = n;
    return out;
}

/* SDL_AudioStream, as decoding used it: float in, 16-bit out. */
static int16_t *old_sdl(const float *in, size_t frames, int rate,
                        size_t *out_frames)
{
    SDL_AudioStream *st =
        SDL_NewAudioStream(AUDIO_F32SYS, 1, rate, AUDIO_S16SYS, 1, OUT_RATE);
    size_t cap = frames * OUT_RATE / (size_t)rate + 8192;
    int16_t *out = malloc(cap * sizeof(int16_t));
    SDL_AudioStreamPut(st, in, (int)(frames * sizeof(float)));
    SDL_AudioStreamFlush(st);
    int got = SDL_AudioStreamGet(st, out, (int)(cap * sizeof(int16_t)));
    SDL_FreeAudioStream(st);
    *out_frames = got > 0 ? (size_t)got / sizeof(int16_t) : 0;
    return out;
}

/* ---- what is there now ------------------------------------------------ */

static int16_t *new_float(const float *in, size_t frames, int rate,
                          size_t *out_frames)
{
    char why[200];
    struct resampler *r = resampler_new(rate, OUT_RATE, 1, why, sizeof(why));
    size_t cap = frames * OUT_RATE / (size_t)rate + 8192, n = 0, used;
    int16_t *out = malloc(cap * sizeof(int16_t));
    long got;
    while (frames > 0 &&
           (got = resampler_run(r, in, frames, &used, out + n, cap - n, why,
                                sizeof(why))) >= 0) {
        n += (size_t)got;
        in += used;
        frames -= used;
    }
    while ((got = resampler_run(r, NULL, 0, &used, out + n, cap - n, why,
                                sizeof(why))) > 0)
        n += (size_t)got;
    resampler_free(r);
    *out_frames = n;
    return out;
}

/* ---- measuring -------------------------------------------------------- */

static void fft(double *re, double *im, size_t n)
{
    for (size_t i = 1, j = 0; i < n; i++) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i];
            re[i] = re[j], re[j] = t;
            t = im[i], im[i] = im[j], im[j] = t;
        }
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        double a = -2 * 3.14159265358979323846 / (double)len;
        for (size_t i = 0; i < n; i += len)
            for (size_t k = 0; k < len / 2; k++) {
                double wr = cos(a * (double)k), wi = sin(a * (double)k);
                double *ur = &re[i + k], *ui = &im[i + k];
                double vr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
                double vi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
                re[i + k + len / 2] = *ur - vr, im[i + k + len / 2] = *ui - vi;
                *ur += vr, *ui += vi;
            }
    }
}

/* The strongest component of pcm (at OUT_RATE) away from 1 kHz, in dB
 * against the 1 kHz tone: a 4-term Blackman-Harris window over the
 * middle of the sound (its edges left out). */
static double strongest_spur(const int16_t *pcm, size_t frames)
{
    static double re[FFT_N], im[FFT_N];
    size_t start = (frames - FFT_N) / 2;
    const double pi = 3.14159265358979323846;
    for (size_t i = 0; i < FFT_N; i++) {
        double x = 2 * pi * (double)i / (FFT_N - 1);
        double w = 0.35875 - 0.48829 * cos(x) + 0.14128 * cos(2 * x) -
                   0.01168 * cos(3 * x);
        re[i] = pcm[start + i] * w;
        im[i] = 0;
    }
    fft(re, im, FFT_N);
    double tone = 0, spur = 0;
    double bin_hz = (double)OUT_RATE / FFT_N;
    for (size_t k = 1; k < FFT_N / 2; k++) {
        double p = re[k] * re[k] + im[k] * im[k];
        double hz = (double)k * bin_hz;
        if (fabs(hz - 1000) < 20)
            tone = p > tone ? p : tone;
        else if (hz > 20 && p > spur)
            spur = p;
    }
    return 10 * log10(spur / tone);
}

static void report(const char *what,
                   int16_t *(*run)(const void *, size_t, int, size_t *),
                   const void *in, size_t frames, int rate)
{
    size_t n = 0;
    double t0 = now();
    int16_t *out = run(in, frames, rate, &n);
    double t = now() - t0;
    printf("  %-26s %7.0fx real time, strongest image or alias %6.1f dB, "
           "%zu of %zu frames\n",
           what, (double)n / OUT_RATE / t, strongest_spur(out, n), n,
           (size_t)((double)frames * OUT_RATE / rate + 0.5));
    free(out);
}

static int16_t *run_old_sdl(const void *in, size_t f, int r, size_t *n)
{
    return old_sdl(in, f, r, n);
}
static int16_t *run_new_float(const void *in, size_t f, int r, size_t *n)
{
    return new_float(in, f, r, n);
}
static int16_t *run_old_sinc(const void *in, size_t f, int r, size_t *n)
{
    return old_sinc(in, f, OUT_RATE / r, n);
}
static int16_t *run_new_mono(const void *in, size_t f, int r, size_t *n)
{
    return resample_mono(in, f, r, OUT_RATE, n);
}

int main(void)
{
    const double pi = 3.14159265358979323846;
    size_t f44 = 44100 * SECONDS, f16 = 16000 * SECONDS;
    float *tone44 = malloc(f44 * sizeof(float));
    int16_t *tone16 = malloc(f16 * sizeof(int16_t));
    for (size_t i = 0; i < f44; i++)
        tone44[i] = (float)(0.5 * sin(2 * pi * 1000 * (double)i / 44100));
    for (size_t i = 0; i < f16; i++)
        tone16[i] = clip16(16384 * sin(2 * pi * 1000 * (double)i / 16000));
    printf("resampling a 1 kHz tone at half scale, %d s:\n", SECONDS);
    printf(" 44.1 -> 48 kHz (decoded files)\n");
    report("before: SDL_AudioStream", run_old_sdl, tone44, f44, 44100);
    report("now: libsoxr", run_new_float, tone44, f44, 44100);
    printf(" 16 -> 48 kHz (synthesized speech)\n");
    report("before: windowed sinc", run_old_sinc, tone16, f16, 16000);
    report("now: libsoxr", run_new_mono, tone16, f16, 16000);
    free(tone44);
    free(tone16);
    return 0;
}
