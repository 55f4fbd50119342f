/* resample.h: sample-rate conversion for every sound, through libsoxr
 * (the SoX resampler library): decoded files at any rate, a block at a
 * time, and synthesized speech at the voice's own rate (16 kHz for
 * flite's voices), all to the one rate the mixer plays (SOUND_RATE). At
 * its "high quality" setting: 20-bit precision, linear phase, the band
 * kept to 91 % of the lower Nyquist frequency; no dither, so the same
 * input always gives the same samples. */
#ifndef STILLPOINT_RESAMPLE_H
#define STILLPOINT_RESAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct resampler;

/* A stream from in_rate to out_rate for interleaved float samples of
 * `channels` channels (full scale +-1), given out as 16-bit samples.
 * NULL with why filled when it cannot be made. */
struct resampler *resampler_new(int in_rate, int out_rate, int channels,
                                char *why, size_t whylen);

/* Converts `frames` frames of in (NULL: the input has ended, give out
 * what is held back) into out, at most `room` frames. Returns how many
 * frames it wrote and sets *used to how many it took of in; -1 with why
 * filled on an error. Call again with what was not used (or NULL at the
 * end) until it writes nothing. */
long resampler_run(struct resampler *r, const float *in, size_t frames,
                   size_t *used, int16_t *out, size_t room, char *why,
                   size_t whylen);

void resampler_free(struct resampler *r);

/* Mono 16-bit samples from in_rate to out_rate in one go: a malloc'd
 * buffer of *out_frames samples (the input's length at the new rate), or
 * NULL when out of memory or the rates are not positive. */
int16_t *resample_mono(const int16_t *in, size_t frames, int in_rate,
                       int out_rate, size_t *out_frames);

#endif
