/* paths.c: data folders and the safe resolution of sound paths. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DATADIR
#define DATADIR "/usr/local/share/stillpoint"
#endif

static bool inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || n == 1);
}

static bool has_dotdot(const char *name)
{
    const char *p = name;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return true;
        if (!slash)
            break;
        p = slash + 1;
    }
    return false;
}

/* 1 found and safe, 0 not there, -1 refused (why filled). */
static int try_base(const char *name, const char *base, char *real, char *why,
                    size_t whylen)
{
    char cand[PATHS_MAX];
    char base_real[PATH_MAX];
    struct stat st;
    if (!base ||
        snprintf(cand, sizeof(cand), "%s/%s", base, name) >= (int)sizeof(cand))
        return 0;
    if (lstat(cand, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode)) { /* ".", "voice/", a folder's name */
        snprintf(why, whylen,
                 "sound file '%s' is not a regular file: it is a folder", name);
        return -1;
    }
    if (!realpath(base, base_real) || !realpath(cand, real)) {
        snprintf(why, whylen, "sound file '%s' is a broken link", name);
        return -1;
    }
    if (!inside(real, base_real)) {
        snprintf(why, whylen,
                 "sound file '%s' is a link that leads outside its folder",
                 name);
        return -1;
    }
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "sound file '%s' is not a regular file%s", name,
                 S_ISDIR(st.st_mode) ? ": it is a link to a folder" : "");
        return -1;
    }
    return 1;
}

const char *paths_resolve_sound(struct arena *a, const char *name,
                                const char *dir, const char *assets, char *why,
                                size_t whylen)
{
    if (name[0] == '/') {
        snprintf(why, whylen,
                 "sound file '%s': absolute paths are not allowed; put the "
                 "file next to the session file",
                 name);
        return NULL;
    }
    if (has_dotdot(name)) {
        snprintf(why, whylen,
                 "sound file '%s': '..' is not allowed in sound paths", name);
        return NULL;
    }
    char real[PATH_MAX];
    int r = try_base(name, dir, real, why, whylen);
    if (r == 0)
        r = try_base(name, assets, real, why, whylen);
    if (r < 0)
        return NULL;
    if (r == 0) {
        snprintf(why, whylen,
                 "sound file '%s' not found next to the session file or in "
                 "the assets",
                 name);
        return NULL;
    }
    return arena_strdup(a, real);
}

bool paths_is_link(const char *dir, const char *name)
{
    char cand[PATHS_MAX];
    struct stat st;
    return dir &&
           snprintf(cand, sizeof(cand), "%s/%s", dir, name) <
               (int)sizeof(cand) &&
           lstat(cand, &st) == 0 && S_ISLNK(st.st_mode);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

bool paths_data_dir(char *out, size_t n)
{
    const char *env = getenv("STILLPOINT_DATA");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return is_dir(out);
    }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char probe[PATH_MAX + 32];
            snprintf(probe, sizeof(probe), "%s/config/sessions", exe);
            if (is_dir(probe)) {
                snprintf(out, n, "%s", exe);
                return true;
            }
        }
    }
    snprintf(out, n, "%s", DATADIR);
    return is_dir(out);
}

bool paths_assets_dir(char *out, size_t n)
{
    char data[PATH_MAX];
    return paths_data_dir(data, sizeof(data)) &&
           snprintf(out, n, "%s/assets", data) < (int)n;
}

bool paths_user_sessions(char *out, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        return snprintf(out, n, "%s/stillpoint/sessions", xdg) < (int)n;
    if (home && *home)
        return snprintf(out, n, "%s/.config/stillpoint/sessions", home) <
               (int)n;
    return false;
}

bool paths_folder_of(const char *file, char *out, size_t n)
{
    char real[PATH_MAX];
    if (!realpath(file, real))
        return false;
    char *slash = strrchr(real, '/');
    if (slash == real)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    return snprintf(out, n, "%s", real) < (int)n;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir that pass keep(), as full paths, sorted. */
static int list_dir(const char *dir, char ***out,
                    bool (*keep)(const char *dir, const char *name))
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **list = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || !keep(dir, e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nl = realloc(list, (size_t)cap * sizeof(*nl));
            if (!nl)
                goto oom;
            list = nl;
        }
        size_t need = strlen(dir) + len + 2;
        list[n] = malloc(need);
        if (!list[n])
            goto oom;
        snprintf(list[n++], need, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(list, (size_t)n, sizeof(*list), cmp_str);
    *out = list;
    return n;
oom:
    closedir(d);
    paths_free_list(list, n);
    return -1;
}

static bool is_cfg(const char *dir, const char *name)
{
    (void)dir;
    size_t len = strlen(name);
    return len >= 5 && strcmp(name + len - 4, ".cfg") == 0;
}

/* A real folder, not a link to one. */
static bool is_subdir(const char *dir, const char *name)
{
    char p[PATHS_MAX];
    struct stat st;
    return snprintf(p, sizeof(p), "%s/%s", dir, name) < (int)sizeof(p) &&
           lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int paths_list_cfg(const char *dir, char ***out)
{
    return list_dir(dir, out, is_cfg);
}

int paths_list_subdirs(const char *dir, char ***out)
{
    return list_dir(dir, out, is_subdir);
}

void paths_free_list(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}
