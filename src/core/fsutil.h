/* fsutil.h: file-system steps shared by the files stillpoint writes (the
 * history, the preferences, imported bundles): making folders as mkdir -p
 * does, and syncing a folder so a name made in it lasts. Plain POSIX. */
#ifndef STILLPOINT_FSUTIL_H
#define STILLPOINT_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Creates the missing folders above the file at path (0700), as mkdir -p,
 * working in the caller's buffer dir (dirlen bytes). Returns true, or
 * false with errno set and, in dir, the folder that could not be made;
 * dir is left empty when path does not fit in it (ENAMETOOLONG). */
bool fsutil_make_parents(const char *path, char *dir, size_t dirlen);

/* Creates the folder dir and the missing folders above it (0700), as
 * mkdir -p, working in dir itself. Returns true with dir as it was, or
 * false with errno set and dir cut short to the folder that could not be
 * made. */
bool fsutil_make_folders(char *dir);

/* Syncs the folder dir, so that a file just created or renamed in it is
 * on disk. Best effort: a failure changes nothing the caller could act
 * on, so none is reported. */
void fsutil_sync_folder(const char *dir);

#endif
