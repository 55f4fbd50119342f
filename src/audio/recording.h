/* recording.h: a play step's recording made ready as a sound of the set:
 * checked as a recording (core/sound_check.h: its head, the long limit),
 * measured (without decoding it), then opened as a stream (stream.h) rather
 * than decoded whole. Every refusal names the session file's line. */
#ifndef STILLPOINT_RECORDING_H
#define STILLPOINT_RECORDING_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/sound_set.h"

/* Fills snd->length (frames at SOUND_RATE): what the decoder declares
 * for WAV, FLAC and Ogg, what an MP3's frame headers add up to (the
 * frames it decodes to: mp3_length.h; decoded through once, in constant
 * memory, should libmpg123 not tell). False with "SOURCE:LINE: sound file
 * 'NAME' why" added to d. */
bool recording_measure(struct sound *snd, struct diag_list *d);

/* Opens snd's stream (snd->stream, snd->channels) to play its measured
 * length; its ring fills as stream.h says. */
bool recording_open(struct sound *snd, struct diag_list *d);

/* While it plays: once snd's stream stopped on a damaged file (or one
 * cut since it was measured), adds "SOURCE:LINE: sound file 'NAME' could
 * not be read past M:SS: why" to d and returns true; only the first time
 * (the rest of it plays as silence, the session keeps its clock). */
bool recording_failure(struct sound *snd, struct diag_list *d);

/* Closes every stream of set (before sound_set_free). */
void recording_close_all(struct sound_set *set);

#endif
