/* bundle_archive.h: bundles as single archives (.zip, .tar.gz) through
 * libarchive. Reading checks every member before anything is written;
 * extracting writes regular files only, and only inside its folder. */
#ifndef STILLPOINT_BUNDLE_ARCHIVE_H
#define STILLPOINT_BUNDLE_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle_files.h"

/* Reads every member header of the archive src and refuses the bundle
 * when one is a link, a device, a FIFO or a socket, has an absolute name
 * or a ".." part, or is past the limits. Returns a BUNDLE_ status. */
int bundle_archive_check(const char *src, char *why, size_t whylen);

/* Writes the regular members of src (checked first) into the existing
 * folder dir, holding each to the limits by the bytes it really has.
 * Returns a BUNDLE_ status. */
int bundle_archive_extract(const char *src, const char *dir, char *why,
                           size_t whylen);

/* Writes members (regular files) to a new archive at path: zip, or else
 * gzip-compressed tar. Returns a BUNDLE_ status. */
int bundle_archive_write(const char *path, bool zip,
                         const struct bundle_member *m, int n, char *why,
                         size_t whylen);

#endif
