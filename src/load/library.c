/* library.c: loads the built-in and user session folders, and gives the
 * built-in sessions' spoken lines their recorded clips. */
#include "library.h"

#include <stdio.h>
#include <string.h>

#include "../core/voice_text.h"
#include "loader.h"
#include "voice_clips.h"

struct catalog *library_safety_only(struct diag_list *d)
{
    struct catalog *c = catalog_new();
    if (!c)
        return NULL;
    if (load_builtin_safety(c, d) != 0) {
        catalog_free(c);
        return NULL;
    }
    return c;
}

static void load_folder(struct library *lib, const char *dir,
                        const struct load_env *env)
{
    char **files = NULL;
    int n = paths_list_cfg(dir, &files);
    for (int i = 0; i < n; i++) {
        struct diag_list d;
        diag_init(&d);
        if (load_session_file(lib->catalog, files[i], env, &d) < 0 &&
            d.count > 0 && lib->broken.count < DIAG_CAP)
            memcpy(lib->broken.msgs[lib->broken.count++], d.msgs[0], DIAG_MSG);
    }
    paths_free_list(files, n);
}

/* Reads assets/voice/manifest.tsv: the recordings of the lines
 * stillpoint itself wrote. A broken manifest is reported like a broken
 * session file, and its lines are then spoken by the synthesizer. */
static void load_voice_clips(struct library *lib)
{
    struct diag_list d;
    diag_init(&d);
    lib->clips = voice_clips_load(lib->assets, &d);
    if (d.count > 0 && lib->broken.count < DIAG_CAP)
        memcpy(lib->broken.msgs[lib->broken.count++], d.msgs[0], DIAG_MSG);
}

const char *library_stock_clip(void *ctx, const char *text)
{
    struct library *lib = ctx;
    const struct voice_clip *c =
        lib->clips ? voice_clips_find(lib->clips, text) : NULL;
    if (!c)
        return NULL;
    /* Found the way any sound path is: inside the assets, no links out. */
    char name[64], why[512];
    snprintf(name, sizeof(name), "voice/%s", c->file);
    return paths_resolve_sound(catalog_arena(lib->catalog), name, NULL,
                               lib->assets, why, sizeof(why));
}

/* The safety profiles and the built-in sessions, with their clips. */
static bool load_builtin(struct library *lib, struct load_env *env, char *err,
                         size_t errlen)
{
    memset(lib, 0, sizeof(*lib));
    diag_init(&lib->broken);
    diag_init(&lib->extra);
    struct diag_list d;
    diag_init(&d);
    lib->catalog = library_safety_only(&d);
    if (!lib->catalog) {
        snprintf(err, errlen, "built-in safety profiles: %s",
                 d.count ? d.msgs[0] : "out of memory");
        return false;
    }
    if (paths_data_dir(lib->data_dir, sizeof(lib->data_dir))) {
        if (paths_assets_dir(lib->assets, sizeof(lib->assets)))
            env->assets = lib->assets;
        char dir[PATHS_MAX + 32];
        snprintf(dir, sizeof(dir), "%s/config/sessions", lib->data_dir);
        env->builtin = true;
        load_folder(lib, dir, env);
        env->builtin = false;
        if (env->assets)
            load_voice_clips(lib);
    }
    return true;
}

bool library_load_builtin(struct library *lib, char *err, size_t errlen)
{
    struct load_env env = {0};
    return load_builtin(lib, &env, err, errlen);
}

bool library_load(struct library *lib, const char *const *extra_files,
                  size_t n_extra, char *err, size_t errlen)
{
    struct load_env env = {0};
    if (!load_builtin(lib, &env, err, errlen))
        return false;
    if (paths_user_sessions(lib->user_dir, sizeof(lib->user_dir))) {
        load_folder(lib, lib->user_dir, &env);
        /* Imported bundles: a folder each, the file beside its sounds. */
        char **dirs = NULL;
        int n = paths_list_subdirs(lib->user_dir, &dirs);
        for (int i = 0; i < n; i++)
            load_folder(lib, dirs[i], &env);
        paths_free_list(dirs, n);
    }
    for (size_t i = 0; i < n_extra; i++)
        load_session_file(lib->catalog, extra_files[i], &env, &lib->extra);
    return true;
}

void library_free(struct library *lib)
{
    voice_clips_free(lib->clips);
    lib->clips = NULL;
    catalog_free(lib->catalog);
    lib->catalog = NULL;
}
