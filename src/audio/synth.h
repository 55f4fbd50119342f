/* synth.h: the cue tones, made in code: soft, click-free and distinct for
 * inhale (rising), exhale (falling), a breath hold (one low tone), the
 * bell of a timed hold, and the end of the session. Pure C. */
#ifndef STILLPOINT_SYNTH_H
#define STILLPOINT_SYNTH_H

#include <stdbool.h>

#include "../core/sound_set.h"

/* Fills snd->pcm (mono), snd->channels and snd->frames for its synth
 * kind. Returns false when out of memory. */
bool synth_generate(struct sound *snd);

/* The length of a tone, in frames, without making it. */
int64_t synth_frames(enum synth_kind k);

/* Peak level of each tone, in dBFS (all at or below -6). */
double synth_peak_dbfs(enum synth_kind k);

#endif
