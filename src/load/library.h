/* library.h: every session a run can play: the built-in safety profiles
 * and sessions, the user's own sessions folder (and the folders in it,
 * one per imported bundle), and files named with
 * --config. A broken file is reported and skipped; the rest still load. */
#ifndef STILLPOINT_LIBRARY_H
#define STILLPOINT_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/session.h"
#include "paths.h"

struct voice_clips;

struct library {
    struct catalog *catalog;
    char data_dir[PATHS_MAX];
    char assets[PATHS_MAX + 16]; /* data_dir/assets */
    char user_dir[PATHS_MAX];    /* may not exist */
    struct diag_list broken;     /* the first problem of each broken file */
    struct diag_list extra;      /* every problem of broken --config files */
    struct voice_clips *clips;   /* recordings of stillpoint's own lines */
};

/* The recording of a line stillpoint itself wrote (a built-in session's,
 * the floor notice, an anchor...), or NULL: a timeline_options stock_clip
 * with the library as its context. The path lives as long as the
 * library. */
const char *library_stock_clip(void *ctx, const char *text);

/* Loads everything. Returns false only when the program cannot work at all
 * (built-in safety profiles broken, out of memory): err is filled. */
bool library_load(struct library *lib, const char *const *extra_files,
                  size_t n_extra, char *err, size_t errlen);
/* Only the built-in safety profiles and sessions (no user folder, no
 * --config files): the lines scripts/make-voice records. */
bool library_load_builtin(struct library *lib, char *err, size_t errlen);
void library_free(struct library *lib);

/* A catalog holding only the built-in safety profiles, for --check. */
struct catalog *library_safety_only(struct diag_list *d);

#endif
