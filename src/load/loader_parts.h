/* loader_parts.h: what loader.c and steps.c share while reading one
 * session file: the reader's state, its message macro and the small
 * readers both use. Not for use outside src/load/. */
#ifndef STILLPOINT_LOADER_PARTS_H
#define STILLPOINT_LOADER_PARTS_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/session.h"
#include "schema.h"

enum { MAX_PROFILES = 32, MAX_SESSIONS = 200 };

#define KIND "session files" /* in the size-limit message */

struct loader {
    struct check_ctx ctx;
    struct catalog *cat;
    struct arena *a;
    const char *dir, *assets;
    bool builtin;          /* loading the built-in safety profiles */
    bool builtin_sessions; /* loading the program's own sessions */
    bool check_sounds;     /* judge each sound file by its content now */
    size_t errors_at_start;
    struct safety_profile *profiles[MAX_PROFILES];
    size_t n_profiles;
    struct session *sessions[MAX_SESSIONS];
    size_t n_sessions;
};

#define ERR(l, setting, ...)                                                   \
    diag_add((l)->ctx.d, (l)->ctx.file, schema_line(setting), __VA_ARGS__)

/* A copy of the text setting name of g in the arena, or NULL. */
const char *loader_dup_string(struct loader *l, const config_setting_t *g,
                              const char *name);
/* The path of the sound file the text setting s names, resolved inside
 * its folder or the assets; NULL with the problem reported. */
const char *loader_resolve_sound(struct loader *l, const config_setting_t *s);
/* The sound file named by setting name of g, resolved (and checked by
 * content when the loader checks sounds) into out. */
void loader_read_sound(struct loader *l, const config_setting_t *g,
                       const char *name, struct sound_ref *out);
/* One step of a session (steps.c). */
void loader_load_step(struct loader *l, const config_setting_t *g,
                      struct step *st);
/* Time marks must increase (steps.c). */
void loader_check_marks(struct loader *l, const struct session *s);

#endif
