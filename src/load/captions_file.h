/* captions_file.h: reads a play step's captions file with the care given
 * to every shared file: a regular file (never a link, a FIFO or a
 * device, opened without blocking), at most CAPTIONS_MAX_BYTES. Parsing
 * is core/captions.h's. */
#ifndef STILLPOINT_CAPTIONS_FILE_H
#define STILLPOINT_CAPTIONS_FILE_H

#include <stddef.h>

/* The file's bytes, NUL-terminated (free them), their count in *len; NULL
 * with why filled to follow "captions file 'NAME' ". */
char *captions_file_read(const char *path, size_t *len, char *why, size_t n);

#endif
