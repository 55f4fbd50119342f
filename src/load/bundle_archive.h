/* bundle_archive.h: bundles as single archives (.zip, .tar.gz) through
 * libarchive. Reading checks every member before anything is written;
 * extracting writes regular files only, and only inside its folder. */
#ifndef STILLPOINT_BUNDLE_ARCHIVE_H
#define STILLPOINT_BUNDLE_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle_files.h"

/* Writes the regular members of the archive src (a zip, else a gzip'd
 * or plain tar) into the existing folder dir, in one pass, refusing the
 * bundle at the first member that is a link, a device, a FIFO or a
 * socket, has an absolute, too long or ".." name, or passes a limit:
 * held to the limits by the bytes it really has, and refused at the
 * header that passes the member count. What was written before a refusal
 * is left in dir, for the caller to remove. Returns a BUNDLE_ status. */
int bundle_archive_extract(const char *src, bool zip, const char *dir,
                           char *why, size_t whylen);

/* Writes members (regular files) to a new archive at path: zip, or else
 * gzip-compressed tar. Returns a BUNDLE_ status. */
int bundle_archive_write(const char *path, bool zip,
                         const struct bundle_member *m, int n, char *why,
                         size_t whylen);

#endif
