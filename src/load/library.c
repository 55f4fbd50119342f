/* library.c: loads the built-in and user session folders, and gives the
 * built-in sessions' spoken lines their recorded clips.
 *
 * The user's folder is read file by file in the order the files were
 * installed, so a session name belongs to the file that had it first: a
 * file copied in later with the same name is left out and named, whatever
 * the names of the files or folders. A bundle folder holds one session
 * file; a second one there was not put there by an import, and since
 * nothing tells which of them is the bundle's, neither is read. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* statx: a file's birth time */
#endif
#include "library.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/voice_text.h"
#include "bundle.h"
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

/* Adds one problem of a file the library leaves out (the menu and
 * --list show these). */
static void add_broken(struct library *lib, const char *msg)
{
    if (lib->broken.count < DIAG_CAP)
        memcpy(lib->broken.msgs[lib->broken.count++], msg, DIAG_MSG);
    else
        lib->broken.dropped++;
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
            d.count > 0)
            add_broken(lib, d.msgs[0]);
    }
    paths_free_list(files, n);
}

/* A session file of the user's folder, with when it was installed. */
struct user_file {
    char *path;
    long long sec;
    long nsec;
};

/* When path was installed: its birth time where the file system records
 * one (nothing but the clock sets it), else the earlier of its last
 * modification and status change. False when it cannot be read. */
static bool installed_at(const char *path, long long *sec, long *nsec)
{
    struct statx sx;
    if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW,
              STATX_BTIME | STATX_MTIME | STATX_CTIME, &sx) == 0) {
        struct statx_timestamp t = sx.stx_mtime;
        if (sx.stx_mask & STATX_BTIME)
            t = sx.stx_btime;
        else if (sx.stx_ctime.tv_sec < t.tv_sec ||
                 (sx.stx_ctime.tv_sec == t.tv_sec &&
                  sx.stx_ctime.tv_nsec < t.tv_nsec))
            t = sx.stx_ctime;
        *sec = t.tv_sec;
        *nsec = (long)t.tv_nsec;
        return true;
    }
    struct stat st; /* no statx (an old kernel, a sandbox) */
    if (lstat(path, &st) != 0)
        return false;
    struct timespec t = st.st_mtim;
    if (st.st_ctim.tv_sec < t.tv_sec ||
        (st.st_ctim.tv_sec == t.tv_sec && st.st_ctim.tv_nsec < t.tv_nsec))
        t = st.st_ctim;
    *sec = t.tv_sec;
    *nsec = t.tv_nsec;
    return true;
}

/* Earliest first; ties by path, so the order never depends on how the
 * folder lists its entries. */
static int cmp_installed(const void *a, const void *b)
{
    const struct user_file *x = a, *y = b;
    if (x->sec != y->sec)
        return x->sec < y->sec ? -1 : 1;
    if (x->nsec != y->nsec)
        return x->nsec < y->nsec ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* Adds path to the list, installed when it was or, for a bundle folder's
 * file, when its folder was if that is earlier (a file edited in place
 * of the old one keeps its bundle's age). Takes path. */
static bool add_user_file(struct user_file **list, size_t *n, size_t *cap,
                          char *path, const char *folder)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        struct user_file *nl = realloc(*list, ncap * sizeof(*nl));
        if (!nl) {
            free(path);
            return false;
        }
        *list = nl;
        *cap = ncap;
    }
    struct user_file *f = &(*list)[(*n)++];
    f->path = path;
    f->sec = 0;
    f->nsec = 0;
    installed_at(path, &f->sec, &f->nsec);
    long long sec;
    long nsec;
    if (folder && installed_at(folder, &sec, &nsec) &&
        (sec < f->sec || (sec == f->sec && nsec < f->nsec))) {
        f->sec = sec;
        f->nsec = nsec;
    }
    return true;
}

/* The session file of bundle folder dir, added to the list; a folder
 * with several is named and none of them is read. */
static bool add_bundle_folder(struct library *lib, const char *dir,
                              struct user_file **list, size_t *n, size_t *cap)
{
    char **files = NULL;
    int count = paths_list_cfg(dir, &files);
    bool ok = count >= 0;
    if (count == 1) {
        ok = add_user_file(list, n, cap, files[0], dir);
        files[0] = NULL;
    } else if (count > 1) {
        char names[DIAG_MSG / 2] = "";
        size_t used = 0;
        for (int i = 0; i < count && used < sizeof(names); i++) {
            const char *base = strrchr(files[i], '/') + 1;
            int w = snprintf(names + used, sizeof(names) - used, "%s%s",
                             i ? ", " : "", base);
            used += w > 0 ? (size_t)w : 0;
        }
        if (used >= sizeof(names))
            snprintf(names + sizeof(names) - 5, 5, "...");
        struct diag_list d;
        diag_init(&d);
        diag_add(&d, dir, 0,
                 "%d session files (%s); a bundle folder holds one, so "
                 "none of them is read",
                 count, names);
        add_broken(lib, d.msgs[0]);
    }
    paths_free_list(files, count);
    return ok;
}

/* Loads path, which failed to load into the library: when it loads on
 * its own, only its names were taken already (by a built-in session or a
 * file installed before it), and the first of them is named; otherwise
 * its own first problem is. */
static void name_left_out(struct library *lib, const char *path,
                          const struct load_env *env,
                          const struct diag_list *problems)
{
    struct diag_list d;
    diag_init(&d);
    struct catalog *alone = library_safety_only(&d);
    if (alone && load_session_file(alone, path, env, &d) > 0) {
        diag_init(&d);
        for (size_t i = 0; i < catalog_count(alone) && d.count == 0; i++) {
            const struct session *s = catalog_get(alone, i);
            const struct session *o = catalog_find(lib->catalog, s->name);
            if (o && o->builtin)
                diag_add(&d, path, s->line,
                         "session name '%s' is a built-in session's (%s:%d), "
                         "which keeps it; this file is left out",
                         s->name, o->source, o->line);
            else if (o)
                diag_add(&d, path, s->line,
                         "session name '%s' is already used by %s:%d "
                         "(installed earlier); this file is left out",
                         s->name, o->source, o->line);
        }
    }
    catalog_free(alone);
    if (d.count == 0 && problems->count > 0)
        add_broken(lib, problems->msgs[0]);
    else if (d.count > 0)
        add_broken(lib, d.msgs[0]);
}

/* The user's folder: its session files and bundle folders, read in the
 * order they were installed. */
static void load_user_folder(struct library *lib, const struct load_env *env)
{
    struct user_file *list = NULL;
    size_t n = 0, cap = 0;
    char **top = NULL, **dirs = NULL;
    int n_top = paths_list_cfg(lib->user_dir, &top);
    int n_dirs = paths_list_subdirs(lib->user_dir, &dirs);
    bool ok = n_top >= 0 && n_dirs >= 0;
    for (int i = 0; ok && i < n_top; i++) {
        ok = add_user_file(&list, &n, &cap, top[i], NULL);
        top[i] = NULL;
    }
    for (int i = 0; ok && i < n_dirs; i++)
        ok = add_bundle_folder(lib, dirs[i], &list, &n, &cap);
    paths_free_list(top, n_top);
    paths_free_list(dirs, n_dirs);
    if (!ok) {
        struct diag_list d;
        diag_init(&d);
        diag_add(&d, lib->user_dir, 0, "out of memory; some files not read");
        add_broken(lib, d.msgs[0]);
    }
    if (n > 1)
        qsort(list, n, sizeof(*list), cmp_installed);
    for (size_t i = 0; i < n; i++) {
        struct diag_list d;
        diag_init(&d);
        if (load_session_file(lib->catalog, list[i].path, env, &d) < 0)
            name_left_out(lib, list[i].path, env, &d);
        free(list[i].path);
    }
    free(list);
}

/* Reads assets/voice/manifest.tsv: the recordings of the lines
 * stillpoint itself wrote. A broken manifest is reported like a broken
 * session file, and its lines are then spoken by the synthesizer. */
static void load_voice_clips(struct library *lib)
{
    struct diag_list d;
    diag_init(&d);
    lib->clips = voice_clips_load(lib->assets, &d);
    if (d.count > 0)
        add_broken(lib, d.msgs[0]);
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
        /* What imports cut off by SIGKILL or a power cut left. */
        bundle_sweep_staging(lib->user_dir);
        load_user_folder(lib, &env);
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
