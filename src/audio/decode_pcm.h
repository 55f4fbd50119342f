/* decode_pcm.h: turns the bytes of a sound file, already checked by
 * sniff.h, into 48 kHz stereo 16-bit samples with SDL_mixer's and SDL's
 * decoders, in memory and within a budget: WAV through SDL's reader and
 * an SDL_AudioStream (whose buffers stay small, where SDL_mixer's own
 * conversion can ask for a hundred times the file), everything else
 * through Mix_LoadWAV_RW under decode_budget.h. */
#ifndef STILLPOINT_DECODE_PCM_H
#define STILLPOINT_DECODE_PCM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sniff.h"

struct decoded {
    const int16_t *pcm; /* interleaved stereo at SOUND_RATE */
    int64_t frames;
    void *owner; /* what decode_pcm_free releases */
    bool is_chunk;
};

enum decode_pcm_status {
    DECODE_PCM_OK,
    DECODE_PCM_TOO_LONG,
    DECODE_PCM_FAILED
};

/* Decodes len bytes of a file in format f into out. Stops with
 * DECODE_PCM_TOO_LONG once the sound passes max_frames or SDL asks for
 * more than budget bytes; DECODE_PCM_FAILED fills why with the decoder's
 * reason. Free out with decode_pcm_free() after DECODE_PCM_OK. */
enum decode_pcm_status decode_pcm(const unsigned char *buf, size_t len,
                                  enum sniff_format f, int64_t max_frames,
                                  size_t budget, struct decoded *out, char *why,
                                  size_t whylen);
void decode_pcm_free(struct decoded *d);

#endif
