/* captions_file.h: captions files on disk: read and checked (a regular
 * file, never waited on, at most CAPTIONS_MAX_BYTES, then captions_parse),
 * and the --captions-session command's two steps, the session text made
 * from a captions file and that text written to a new file. */
#ifndef STILLPOINT_CAPTIONS_FILE_H
#define STILLPOINT_CAPTIONS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/captions.h"
#include "../core/diag.h"

/* A play step's captions file: its bytes, NUL-terminated (free them),
 * their count in *len; read with the care given to every shared file (a
 * regular file, never a link, a FIFO or a device, opened without
 * blocking, at most CAPTIONS_MAX_BYTES). NULL with why filled to follow
 * "captions file 'NAME' ". */
char *captions_file_read(const char *path, size_t *len, char *why, size_t n);

/* What a step came to: as main's exit codes. */
enum { CAPTIONS_FILE_OK = 0, CAPTIONS_FILE_FAILED = 1, CAPTIONS_FILE_BAD = 2 };

/* Reads the captions file at path and parses it (see captions_parse).
 * Returns false with the problems added to d. */
bool captions_file_load(const char *path, double length_seconds,
                        struct arena *a, struct caption_list *out,
                        struct diag_list *d);

/* The session text for the captions file at path (malloc'd, into *text):
 * a say step per caption, or with recording not NULL one play step of it
 * with these captions. Returns CAPTIONS_FILE_OK, or CAPTIONS_FILE_BAD
 * (the captions file or the recording's name is at fault) or
 * CAPTIONS_FILE_FAILED (out of memory) with the problems added to d. */
int captions_file_session(const char *path, const char *recording, char **text,
                          struct diag_list *d);

/* Writes text to dest, a file that must not exist yet: written whole
 * under a temporary name beside it (fsutil_create_temp), then given its
 * name without replacing anything that appeared there meanwhile. Returns
 * CAPTIONS_FILE_OK, CAPTIONS_FILE_BAD (dest exists, or is a link) or
 * CAPTIONS_FILE_FAILED, with the problem added to d. */
int captions_file_write_new(const char *dest, const char *text,
                            struct diag_list *d);

#endif
