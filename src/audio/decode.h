/* decode.h: decodes sound files to memory (sound_file.h), never in the
 * audio callback, and synthesizes the cue tones, so one call readies every
 * sound a session plays but its speech (speech.h). Decoding takes no lock
 * the audio thread needs, so it may run while a session plays. */
#ifndef STILLPOINT_DECODE_H
#define STILLPOINT_DECODE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/sound_set.h"

/* Fills every sound of set but speech (see speech.h): synth tones in
 * code, files through sound_file.h, marking each ready. Each failure is
 * added to d as SOURCE:LINE: message. Stops early when *cancel becomes
 * true (cancel may be NULL). Returns false when any sound could not be
 * readied, or on cancel. */
bool decode_sound_set(struct sound_set *set, struct diag_list *d,
                      const atomic_bool *cancel);

/* decode_sound_set for the files only (the tones, which cannot fail, are
 * made when they are readied). */
bool decode_file_set(struct sound_set *set, struct diag_list *d,
                     const atomic_bool *cancel);

/* Readies one sound as decode_sound_set does; true when it is ready
 * (speech is left alone: true). A play step's recording, once measured,
 * is opened as a stream (recording.h), not decoded: close it with
 * recording_close_all before the set is freed. */
bool decode_sound(struct sound *snd, struct diag_list *d);

/* Reads the length of every file of set from its header (into length;
 * a file whose header has none is decoded to learn it) and the length of
 * each synth tone (made when it is decoded), so the timeline can be
 * compiled before anything is decoded. Failures as in decode_sound_set. */
bool decode_measure_set(struct sound_set *set, struct diag_list *d,
                        const atomic_bool *cancel);

#endif
