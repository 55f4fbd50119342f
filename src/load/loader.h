/* loader.h: reads session files (libconfig) into the catalog. A shared
 * file is hostile until proven otherwise: every problem is reported as
 * FILE:LINE: message, and a file with any problem adds nothing. */
#ifndef STILLPOINT_LOADER_H
#define STILLPOINT_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/session.h"

enum {
    LOAD_FORMAT_VERSION = 1,
    LOAD_MAX_FILE_BYTES = 1 << 20,
    LOAD_MAX_SESSION_SECONDS = 4 * 3600,
};

struct load_env {
    const char *assets; /* folder of built-in sounds, or NULL */
    bool builtin;       /* the files are the program's own sessions */
    /* Every file named as a sound is read and judged by its content now
     * (core/sound_check.h), not only when played: --check and --import,
     * where a shared file is taken in. */
    bool check_sounds;
};

/* Loads the built-in safety profiles compiled into the program (from
 * config/safety.cfg). Returns 0, or -1 with problems in d. */
int load_builtin_safety(struct catalog *c, struct diag_list *d);

/* Loads the file at path. Returns the number of sessions added, or -1
 * when the file has problems (added to d; nothing is added to c). */
int load_session_file(struct catalog *c, const char *path,
                      const struct load_env *env, struct diag_list *d);

/* The same for text already in memory; name is used in messages and dir
 * (a real path, or NULL) is the folder sound paths are relative to. */
int load_session_text(struct catalog *c, const char *name, const char *dir,
                      const char *text, size_t len, const struct load_env *env,
                      struct diag_list *d);

/* Estimated length of a session in seconds, captions read at reading
 * speed (voice clips may make it a little longer). */
double load_estimate_seconds(const struct session *s);

#endif
