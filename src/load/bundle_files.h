/* bundle_files.h: the file work bundles share: member names made safe,
 * the sounds a session file uses, copying with the size limits, and
 * removing a private folder. */
#ifndef STILLPOINT_BUNDLE_FILES_H
#define STILLPOINT_BUNDLE_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/session.h"
#include "paths.h"

enum { BUNDLE_MB = 1024 * 1024 };

/* A file of a bundle: its name inside the bundle, where it is now, and
 * the line of the session file that names it (0 for the file itself). */
struct bundle_member {
    char rel[PATHS_MAX];
    const char *path;
    int line;
};

/* The name without "." and empty parts ("./a//b" -> "a/b"). False when
 * the name is empty, absolute or has a ".." part. */
bool bundle_norm_name(const char *name, char *out, size_t n);

/* Whether path lies inside folder dir. */
bool bundle_inside(const char *path, const char *dir);

/* The sounds the sessions of file `source` in c use (recordings and
 * their captions files too), by the names the
 * file gives them, each once; those whose real path lies outside
 * only_under (when given) or inside never_under (when given) are left out.
 * Returns the count, or -1 when there are more than cap. */
int bundle_collect(const struct catalog *c, const char *source,
                   const char *only_under, const char *never_under,
                   struct bundle_member *out, int cap);

/* Creates root/rel as a new file (0644) open for writing, and the folders
 * its parents need (0700), following no link. Returns its descriptor, or
 * -1 with errno set (EEXIST: root/rel is there already; ENOTDIR: a
 * folder it needs is a file). */
int bundle_create_file(const char *root, const char *rel);

/* Whether errno, after bundle_create_file failed, says the names were at
 * fault (a name twice, a file where a folder must be, a name too long)
 * rather than the disk. */
bool bundle_name_fault(int err);

/* Copies the regular file from to root/rel (a new file), counting its
 * bytes into *total against the member and total limits. Returns 0, or
 * BUNDLE_REFUSED / BUNDLE_FAILED with why filled (naming rel, never
 * root, which is a private folder). */
int bundle_copy_in(const char *from, const char *root, const char *rel,
                   long long *total, char *why, size_t whylen);

/* Removes path and everything below it, following no link. */
void bundle_remove_tree(const char *path);

#endif
