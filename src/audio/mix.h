/* mix.h: renders blocks of stereo float frames from a player and the
 * session's ready sound buffers. Every cue starts on its exact sample,
 * even inside a block. The live audio callback and --render both call
 * mix_render, so a rendered file is what a person hears.
 *
 * Pure C, no SDL. Bounded work per call: no allocation, no I/O, no locks.
 * Thread rule: the thread that renders owns the mixer and its player. */
#ifndef STILLPOINT_MIX_H
#define STILLPOINT_MIX_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/player.h"
#include "../core/sound_set.h"

enum { MIX_OUT_CHANNELS = 2, MIX_VOICES = 16 };

/* What a sound is, for its own volume: the spoken lines, the cue tones
 * and bells, the ambient bed. */
enum mix_layer { MIX_VOICE, MIX_CUES, MIX_AMBIENT, MIX_LAYERS };

/* The ambient bed ducks this far under the voice (about -10 dB), going
 * down over MIX_DUCK_ATTACK frames and back up over MIX_DUCK_RELEASE. */
#define MIX_DUCK_GAIN 0.316f
enum {
    MIX_DUCK_ATTACK = 48000 * 3 / 10, /* 0.3 s */
    MIX_DUCK_RELEASE = 48000,         /* 1 s */
};

struct mixer;

/* The mixer reads set and drives p; both must outlive it. */
struct mixer *mix_new(const struct sound_set *set, struct player *p);
void mix_free(struct mixer *m);

/* Fills out with frames * MIX_OUT_CHANNELS samples (silence once the player
 * is done). */
void mix_render(struct mixer *m, float *out, size_t frames);

/* Master volume 0..1, reached smoothly over about 10 ms. */
void mix_set_volume(struct mixer *m, float volume);
float mix_volume(const struct mixer *m);
/* A layer's own volume 0..1, reached as smoothly. */
void mix_set_layer_volume(struct mixer *m, enum mix_layer layer, float volume);

/* While on (a screen read aloud over the session), the ambient bed steps
 * back as it does under the voice, and the session's voice and cues by
 * as much, so the reading is heard over them. Render thread only. */
void mix_duck(struct mixer *m, bool on);

/* The layer a cue's sound plays in. */
enum mix_layer mix_layer_of(const struct cue *c);

/* Converts samples in -1..1 to 16-bit, clipping, rounding to nearest. */
void mix_to_s16(const float *in, int16_t *out, size_t samples);

#endif
