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

/* A length as people read it: "2.5 s" under a minute, else "M:SS". */
void sound_check_length_text(char *buf, size_t n, double seconds);

#endif
