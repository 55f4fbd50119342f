/* decode_pcm.h: turns the bytes of a sound file, already checked by
 * sniff.h, into 48 kHz 16-bit samples (mono or stereo), in memory: read a
 * block at a time (sound_reader.h: WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3)
 * and converted by libsoxr (resample.h), so what it holds is bounded by the
 * length it may reach. It takes no lock anything else needs (SDL_mixer's
 * own decoders hold the audio device's lock for the whole file), so a
 * file can be decoded while a session plays. */
#ifndef STILLPOINT_DECODE_PCM_H
#define STILLPOINT_DECODE_PCM_H

#include <stddef.h>
#include <stdint.h>

struct decoded {
    int16_t *pcm; /* at SOUND_RATE: mono for a mono file, else stereo */
    int channels; /* 1 or 2 */
    int64_t frames;
};

enum decode_pcm_status {
    DECODE_PCM_OK,
    DECODE_PCM_TOO_LONG,
    DECODE_PCM_FAILED
};

/* Decodes the len bytes of a sound file into out. Stops with
 * DECODE_PCM_TOO_LONG once the sound passes max_frames; DECODE_PCM_FAILED
 * fills why with the decoder's reason and out->frames with how far it
 * got (a file cut short fails where it stops). Free out with
 * decode_pcm_free() after DECODE_PCM_OK. */
enum decode_pcm_status decode_pcm(const unsigned char *buf, size_t len,
                                  int64_t max_frames, struct decoded *out,
                                  char *why, size_t whylen);
void decode_pcm_free(struct decoded *d);

/* Folds `frames` frames of `from` channels to `to` (1 or 2) in place:
 * more than two channels become stereo, the even ones (left, centre, left
 * surround in the usual orders) on the left and the odd ones on the
 * right, each side the mean of its channels. */
void decode_pcm_fold(float *block, long frames, int from, int to);

#endif
