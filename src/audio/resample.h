/* resample.h: converts mono 16-bit sound to SOUND_RATE. Synthesized
 * speech comes at the voice's own rate (16 kHz for flite's voices); the
 * mixer plays everything at one rate. Pure C: no SDL, no allocation
 * besides the returned buffer. */
#ifndef STILLPOINT_RESAMPLE_H
#define STILLPOINT_RESAMPLE_H

#include <stddef.h>
#include <stdint.h>

/* Returns a malloc'd buffer of *out_frames samples at out_rate, or NULL
 * when out of memory or the rates are not positive. An integer ratio
 * (16 kHz to 48 kHz) goes through a windowed-sinc interpolation filter;
 * other ratios through linear interpolation. */
int16_t *resample_mono(const int16_t *in, size_t frames, int in_rate,
                       int out_rate, size_t *out_frames);

#endif
