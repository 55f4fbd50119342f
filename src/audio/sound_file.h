/* sound_file.h: one sound file a session names, made ready to play: read
 * into memory (a regular file only, never blocking), checked by its
 * content and its limits (core/sound_check.h), then decoded
 * (decode_pcm.h). */
#ifndef STILLPOINT_SOUND_FILE_H
#define STILLPOINT_SOUND_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/sound_check.h"
#include "../core/sound_set.h"

/* Fills snd->pcm, ->channels and ->frames from the file at snd->path, or
 * adds "SOURCE:LINE: sound file 'NAME' why" to d and returns false. */
bool sound_file_decode(struct sound *snd, struct diag_list *d);

/* Fills snd->length (frames at SOUND_RATE) from the file's header, with
 * the same checks; a file whose header gives no exact length (MP3,
 * compressed WAV, a FLAC that does not say) is decoded now to learn it,
 * its samples then filled as by sound_file_decode. */
bool sound_file_measure(struct sound *snd, struct diag_list *d);

#endif
