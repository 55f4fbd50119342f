/* sound_check.h: whether a file named as a sound holds sound stillpoint
 * can play, judged by its content (sniff.h) and within the limits below,
 * which are judged here and nowhere else (and documented in
 * config/README.md, "Limits"). Used before anything is decoded: by the
 * player's files (audio/sound_file.c), and by --check and --import, so a
 * name given as a sound can never smuggle in anything else. Pure C and
 * POSIX. */
#ifndef STILLPOINT_SOUND_CHECK_H
#define STILLPOINT_SOUND_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sniff.h"

/* Ten minutes is more than any line, cue or ambient loop needs; it
 * decodes to 110 MB at 48 kHz stereo. */
enum {
    SOUND_FILE_MAX_BYTES = 64 << 20,  /* its size on disk */
    SOUND_FILE_MAX_SECONDS = 10 * 60, /* its length, decoded */
    SOUND_FILE_MIN_RATE = 8000,       /* the sample rates it may declare */
    SOUND_FILE_MAX_RATE = 192000,
    SOUND_FILE_MAX_CHANNELS = 8,
};

/* A recording a `play` step plays whole is never read whole: it is
 * streamed from disk while it plays, so it may last as long as a session
 * (four hours) and be as large as four hours of 48 kHz stereo WAV. */
#define RECORDING_MAX_BYTES (3LL << 30)
enum {
    RECORDING_MAX_SECONDS = 4 * 3600,
    RECORDING_HEAD_BYTES = 64 << 10, /* read to judge its content */
};

/* Reads the regular file at path (opened without blocking, checked on the
 * descriptor, at most SOUND_FILE_MAX_BYTES) into *buf (free it), names its
 * format from its bytes and checks what its headers declare against the
 * limits. name is the file's name as the session file gives it (its
 * extension must agree with the content). Returns false with why filled
 * to follow "sound file 'NAME' " (e.g. "is not a regular file") and *buf
 * NULL. */
bool sound_check_read(const char *path, const char *name, unsigned char **buf,
                      size_t *len, struct sniff_info *info, char *why,
                      size_t n);

/* sound_check_read without keeping the bytes. */
bool sound_check_file(const char *path, const char *name, char *why, size_t n);

/* The checks of sound_check_file for a recording: a regular file of at
 * most RECORDING_MAX_BYTES whose first RECORDING_HEAD_BYTES name its
 * format (sniff_sound_head), within the limits above (RECORDING_MAX_SECONDS
 * for its length, where its header gives one). Reads only the head; the
 * rest is for the decoder. info may be NULL. */
bool sound_check_recording(const char *path, const char *name,
                           struct sniff_info *info, char *why, size_t n);

/* Whether frames at rate fit a recording's limit; why filled when not. */
bool sound_check_recording_length(int64_t frames, long rate, char *why,
                                  size_t n);

/* A length as people read it: "2.5 s" under a minute, else "M:SS", from
 * an hour "H:MM:SS". */
void sound_check_length_text(char *buf, size_t n, double seconds);

#endif
