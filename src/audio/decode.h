/* decode.h: decodes sound files to memory with SDL_mixer's decoders
 * (Ogg Vorbis, FLAC, WAV, MP3), always before playback starts, never while
 * mixing. Also synthesizes the cue tones, so one call readies every sound
 * a session plays. */
#ifndef STILLPOINT_DECODE_H
#define STILLPOINT_DECODE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/sound_set.h"

/* Opens SDL's audio and SDL_mixer for decoding. With offline set, on SDL's
 * "dummy" driver (no sound device is touched: --render, --schedule).
 * Returns false with err filled. */
bool decode_open(bool offline, char *err, size_t errlen);
void decode_close(void);

/* Closes the device while nothing sounds (its thread stops: no CPU, and
 * the sound card is free for other programs), and opens it again as it
 * was. No decoding in between. */
void decode_suspend(void);
bool decode_resume(char *err, size_t errlen);

/* Fills every sound of set but speech (see speech.h): synth tones in
 * code, files through SDL_mixer, marking each ready. Each failure is
 * added to d as SOURCE:LINE: message. Stops early when *cancel becomes
 * true (cancel may be NULL). Returns false when any sound could not be
 * readied, or on cancel. */
bool decode_sound_set(struct sound_set *set, struct diag_list *d,
                      const atomic_bool *cancel);

/* Reads the length of every file of set from its header (into length;
 * a file whose header has none is decoded to learn it) and makes the
 * synth tones, so the timeline can be compiled before the files are
 * decoded. Failures as in decode_sound_set. */
bool decode_measure_set(struct sound_set *set, struct diag_list *d,
                        const atomic_bool *cancel);

/* Frees what SDL keeps for the calling thread (its error message, set by
 * a decoder that failed); call at the end of a thread that decoded, since
 * SDL frees it by itself only for threads it started. */
void decode_thread_end(void);

#endif
