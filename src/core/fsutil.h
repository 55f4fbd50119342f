/* fsutil.h: file-system steps shared by the files stillpoint writes (the
 * history, the preferences, rendered WAV files, imported bundles): making
 * folders as mkdir -p does, creating a new file under an unguessable name
 * beside the one it will replace, refusing to write through a symbolic
 * link, and syncing a folder so a name made in it lasts. Plain POSIX. */
#ifndef STILLPOINT_FSUTIL_H
#define STILLPOINT_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What stillpoint says, after the path, when a symbolic link is where it
 * would write a file: "PATH: " FSUTIL_LINK_REFUSED. */
#define FSUTIL_LINK_REFUSED                                                    \
    "is a symbolic link; stillpoint will not write through it"

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

/* True when path itself (not a file it leads to) is a symbolic link, a
 * link to nowhere included. */
bool fsutil_is_link(const char *path);

/* Creates a new, empty file in the folder of dest, to be written whole
 * and then renamed over dest: DIR/.BASE.XXXXXX, the six characters drawn
 * from the system's random source (no process id, no clock), opened
 * O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC with mode (less
 * the umask). So it is always a file made here and now: never one that
 * was there, nor one a link planted at the name leads to. Its path goes
 * into tmp (tmplen bytes). Returns the descriptor, or -1 with errno set
 * (ENAMETOOLONG when the name does not fit in tmp; then tmp is empty). */
int fsutil_create_temp(const char *dest, mode_t mode, char *tmp, size_t tmplen);

/* Syncs the folder dir, so that a file just created or renamed in it is
 * on disk. Best effort: a failure changes nothing the caller could act
 * on, so none is reported. */
void fsutil_sync_folder(const char *dir);

/* The same for the folder holding the file at path ("." for a bare
 * name). */
void fsutil_sync_parent(const char *path);

#endif
