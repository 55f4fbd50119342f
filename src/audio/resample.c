/* resample.c: libsoxr, set up once for every sound (see resample.h). */
#include "resample.h"

#include <math.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>

struct resampler {
    soxr_t soxr;
    bool same_rate; /* nothing to convert but the sample format */
    int channels;
};

static soxr_quality_spec_t quality(void)
{
    return soxr_quality_spec(SOXR_HQ, SOXR_LINEAR_PHASE);
}

struct resampler *resampler_new(int in_rate, int out_rate, int channels,
                                char *why, size_t whylen)
{
    struct resampler *r = calloc(1, sizeof(*r));
    if (!r || in_rate <= 0 || out_rate <= 0 || channels <= 0) {
        snprintf(why, whylen,
                 r ? "cannot resample %d Hz to %d Hz" : "out of memory",
                 in_rate, out_rate);
        free(r);
        return NULL;
    }
    r->channels = channels;
    r->same_rate = in_rate == out_rate;
    if (r->same_rate)
        return r;
    soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_INT16_I);
    io.flags |= SOXR_NO_DITHER;
    soxr_quality_spec_t q = quality();
    soxr_runtime_spec_t rt = soxr_runtime_spec(1);
    soxr_error_t err = NULL;
    r->soxr =
        soxr_create(in_rate, out_rate, (unsigned)channels, &err, &io, &q, &rt);
    if (!r->soxr) {
        snprintf(why, whylen, "cannot resample: %s", soxr_strerror(err));
        free(r);
        return NULL;
    }
    return r;
}

static int16_t to16(float x)
{
    float v = x * 32768.0f;
    return v >= 32767.0f ? 32767 : v <= -32768.0f ? -32768 : (int16_t)lrintf(v);
}

long resampler_run(struct resampler *r, const float *in, size_t frames,
                   size_t *used, int16_t *out, size_t room, char *why,
                   size_t whylen)
{
    *used = 0;
    if (r->same_rate) {
        size_t n = in ? (frames < room ? frames : room) : 0;
        for (size_t i = 0; i < n * (size_t)r->channels; i++)
            out[i] = to16(in[i]);
        *used = n;
        return (long)n;
    }
    size_t done = 0;
    soxr_error_t err =
        soxr_process(r->soxr, in, in ? frames : 0, used, out, room, &done);
    if (err) {
        snprintf(why, whylen, "cannot resample: %s", soxr_strerror(err));
        return -1;
    }
    return (long)done;
}

void resampler_free(struct resampler *r)
{
    if (!r)
        return;
    if (r->soxr)
        soxr_delete(r->soxr);
    free(r);
}

int16_t *resample_mono(const int16_t *in, size_t frames, int in_rate,
                       int out_rate, size_t *out_frames)
{
    *out_frames = 0;
    if (in_rate <= 0 || out_rate <= 0)
        return NULL;
    size_t want = (size_t)(((uint64_t)frames * (uint64_t)out_rate +
                            (uint64_t)in_rate / 2) /
                           (uint64_t)in_rate);
    int16_t *out = malloc((want ? want : 1) * sizeof(int16_t));
    if (!out)
        return NULL;
    if (in_rate == out_rate) {
        for (size_t i = 0; i < frames; i++)
            out[i] = in[i];
        *out_frames = frames;
        return out;
    }
    soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    io.flags |= SOXR_NO_DITHER;
    soxr_quality_spec_t q = quality();
    soxr_runtime_spec_t rt = soxr_runtime_spec(1);
    size_t done = 0;
    soxr_error_t err = soxr_oneshot(in_rate, out_rate, 1, in, frames, NULL, out,
                                    want, &done, &io, &q, &rt);
    if (err) {
        free(out);
        return NULL;
    }
    *out_frames = done;
    return out;
}
