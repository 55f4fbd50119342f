/* paths.h: where stillpoint's files live, and the rule for sound paths in
 * a session file: relative to the file's folder, then the assets folder;
 * never absolute, never "..", never a link that leads outside. */
#ifndef STILLPOINT_PATHS_H
#define STILLPOINT_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"

enum { PATHS_MAX = 4096 };

/* Resolves name for a file in folder dir (a real path). Returns the real
 * path of the sound in arena memory, or NULL with why filled. */
const char *paths_resolve_sound(struct arena *a, const char *name,
                                const char *dir, const char *assets, char *why,
                                size_t whylen);

/* Whether dir/name is a symbolic link (a captions file must not be). */
bool paths_is_link(const char *dir, const char *name);

/* The folder holding the built-in data (config/ and assets/): the
 * STILLPOINT_DATA environment variable, else the source tree the
 * executable sits in, else the installed share folder. */
bool paths_data_dir(char *out, size_t n);

/* The built-in sounds folder: paths_data_dir()/assets. */
bool paths_assets_dir(char *out, size_t n);

/* $XDG_CONFIG_HOME/stillpoint/sessions (or ~/.config/...). */
bool paths_user_sessions(char *out, size_t n);

/* The real path of the folder holding file. */
bool paths_folder_of(const char *file, char *out, size_t n);

/* Session files (*.cfg) in dir, sorted by name; returns the count (0 when
 * the folder is missing) or -1 when out of memory. Free with
 * paths_free_list. */
int paths_list_cfg(const char *dir, char ***out);
void paths_free_list(char **list, int n);

/* The folders in dir (not links, not hidden), sorted by name, like
 * paths_list_cfg: a folder per imported bundle. */
int paths_list_subdirs(const char *dir, char ***out);

#endif
