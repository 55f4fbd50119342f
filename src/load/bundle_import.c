/* bundle_import.c: --import SRC and a file dropped on the window. The
 * bundle is unpacked and copied into a private folder inside the user's
 * sessions folder (.import-XXXXXX, which the library never reads), checked
 * there completely, and only then renamed into place as a folder of its
 * own named after its first session. Anything refused or failed is
 * removed with the private folder.
 *
 * The private folder is flock'ed while the import lives: a folder left
 * by an import cut off by SIGKILL or a power cut holds no lock, and the
 * next import or start removes it (bundle_sweep_staging); one that is
 * locked belongs to an import still under way in another stillpoint.
 *
 * What is installed is exactly what was checked: the session file's text
 * as it was read and checked, under a name stillpoint makes from its
 * first session's name (NAME.cfg, never an archive member's name), and
 * the sound files it names. No sound may have a session file's name: the
 * library would read it as a second session file of the bundle. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/fsutil.h"
#include "bundle.h"
#include "bundle_archive.h"
#include "bundle_files.h"
#include "library.h"
#include "loader.h"

enum { MAX_OLD = 16 };

struct bundle_import {
    char user_dir[PATHS_MAX];    /* real path */
    char tmp[PATHS_MAX + 32];    /* user_dir/.import-XXXXXX */
    int lock;                    /* tmp, open and flock'ed, or -1 */
    char staged[PATHS_MAX + 64]; /* tmp/bundle: what will be installed */
    char display[PATHS_MAX * 2]; /* the session file as messages name it */
    char cfg_name[64];           /* its installed name: NAME.cfg */
    char assets[PATHS_MAX];
    struct catalog *cat;          /* the staged file's sessions */
    char old[MAX_OLD][PATHS_MAX]; /* files or folders it replaces */
    int n_old;
};

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n > m && strcmp(s + n - m, tail) == 0;
}

/* A regular file's text, at most one byte past the loader's limit (the
 * loader then says the file is too big). */
static char *read_text(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    size_t cap = LOAD_MAX_FILE_BYTES + 1;
    char *buf = malloc(cap);
    size_t n = 0;
    ssize_t got = 1;
    while (buf && n < cap && (got = read(fd, buf + n, cap - n)) > 0)
        n += (size_t)got;
    close(fd);
    if (!buf || got < 0) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Checks a session file's text with the --check loader, its sounds found
 * in folder dir, into a new catalog. */
static struct catalog *load_staged(const struct bundle_import *b,
                                   const char *text, size_t len,
                                   const char *dir, struct diag_list *d)
{
    struct catalog *c = library_safety_only(d);
    struct load_env env = {.assets = b->assets[0] ? b->assets : NULL,
                           .check_sounds = true};
    if (c && load_session_text(c, b->display, dir, text, len, &env, d) < 0) {
        catalog_free(c);
        c = NULL;
    }
    return c;
}

/* The only entry of root when it is a folder, for a bundle packed with
 * its folder around it. */
static bool only_folder(const char *root, char *out, size_t n)
{
    DIR *dp = opendir(root);
    if (!dp)
        return false;
    int entries = 0;
    bool dir = false;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        struct stat st;
        snprintf(out, n, "%s/%s", root, e->d_name);
        dir = lstat(out, &st) == 0 && S_ISDIR(st.st_mode);
        entries++;
    }
    closedir(dp);
    return entries == 1 && dir;
}

static bool is_cfg_name(const char *name)
{
    return ends_with(name, ".cfg");
}

/* The .cfg files found below a folder, by their names relative to it. */
struct found {
    char **names;
    int count, cap;
    int budget; /* entries still to look at */
};

static void found_add(struct found *f, const char *name)
{
    if (f->count == f->cap) {
        int cap = f->cap ? f->cap * 2 : 8;
        char **nl = realloc(f->names, (size_t)cap * sizeof(*nl));
        if (!nl)
            return;
        f->names = nl;
        f->cap = cap;
    }
    if ((f->names[f->count] = strdup(name)))
        f->count++;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the .cfg files below root/rel (rel "" for root itself), up to
 * depth folders down and as many entries as f's budget allows. */
static void cfg_below(const char *root, const char *rel, int depth,
                      struct found *f)
{
    char dir[PATHS_MAX * 2];
    snprintf(dir, sizeof(dir), "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp)) && --f->budget > 0) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char sub[PATHS_MAX], path[PATHS_MAX * 3];
        struct stat st;
        if (snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "",
                     e->d_name) >= (int)sizeof(sub) ||
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >=
                (int)sizeof(path) ||
            lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth > 0)
            cfg_below(root, sub, depth - 1, f);
        else if (S_ISREG(st.st_mode) && is_cfg_name(e->d_name))
            found_add(f, sub);
    }
    closedir(dp);
}

/* The first few names of f, sorted, joined with commas, into out. */
static void found_list(struct found *f, char *out, size_t n)
{
    if (f->count > 1)
        qsort(f->names, (size_t)f->count, sizeof(*f->names), cmp_name);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < f->count && i < 4 && used < n; i++) {
        int w = snprintf(out + used, n - used, "%s%.80s", i ? ", " : "",
                         f->names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    if (f->count > 4 && used < n)
        snprintf(out + used, n - used, ", ...");
    for (int i = 0; i < f->count; i++)
        free(f->names[i]);
    free(f->names);
}

/* The one session file at the top of root, or inside root's only
 * folder. */
static bool find_cfg(const char *src, const char *root, char *cfg, size_t n,
                     struct diag_list *d)
{
    char **list = NULL;
    char inner[PATHS_MAX];
    const char *where = root;
    int count = paths_list_cfg(root, &list);
    if (count == 0 && only_folder(root, inner, sizeof(inner))) {
        paths_free_list(list, count);
        count = paths_list_cfg(inner, &list);
        where = inner;
    }
    if (count == 1)
        snprintf(cfg, n, "%s", list[0]);
    paths_free_list(list, count);
    char names[400];
    struct found f = {.budget = 2000};
    struct stat st;
    if (count > 1) {
        const char *rel = where + strlen(root);
        cfg_below(root, *rel ? rel + 1 : "", 0, &f);
        found_list(&f, names, sizeof(names));
        diag_add(d, src, 0,
                 "%d session files in the bundle (%s); a bundle holds one",
                 count, names);
    } else if (count < 0) {
        diag_add(d, src, 0, "out of memory");
    } else if (count == 0) {
        cfg_below(root, "", 8, &f);
        int found = f.count;
        found_list(&f, names, sizeof(names));
        if (found == 0)
            diag_add(d, src, 0, "no session file (.cfg) in the bundle");
        else
            diag_add(d, src, 0,
                     "no session file at the top of the bundle, but %d "
                     "further down (%s); a bundle holds one session file, "
                     "at its top or in one folder around everything",
                     found, names);
    } else if (lstat(cfg, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_add(d, src, 0, "the session file is not a regular file");
    } else {
        return true;
    }
    return false;
}

/* Where the bundle's session file is: root is the folder it is in. */
static int locate(struct bundle_import *b, const char *src, char *cfg,
                  char *root, struct diag_list *d)
{
    struct stat st;
    if (stat(src, &st) != 0) {
        diag_add(d, src, 0, "cannot open: %s", strerror(errno));
        return BUNDLE_REFUSED;
    }
    char why[PATHS_MAX + 300];
    if (S_ISDIR(st.st_mode)) {
        if (!realpath(src, root)) {
            diag_add(d, src, 0, "cannot open: %s", strerror(errno));
            return BUNDLE_REFUSED;
        }
        if (!find_cfg(src, root, cfg, PATHS_MAX, d))
            return BUNDLE_REFUSED;
    } else if (bundle_is_archive(src)) {
        if (snprintf(root, PATHS_MAX, "%s/unpack", b->tmp) >= PATHS_MAX ||
            mkdir(root, 0700) != 0) {
            diag_add(d, src, 0, "cannot unpack it in %s: %s", b->user_dir,
                     strerror(errno));
            return BUNDLE_FAILED;
        }
        int rc = bundle_archive_extract(src, ends_with(src, ".zip"), root, why,
                                        sizeof(why));
        if (rc != BUNDLE_OK) {
            diag_add(d, src, 0, "%s", why);
            return rc;
        }
        if (!find_cfg(src, root, cfg, PATHS_MAX, d))
            return BUNDLE_REFUSED;
    } else if (ends_with(src, ".cfg") && S_ISREG(st.st_mode)) {
        if (!realpath(src, cfg) || !paths_folder_of(cfg, root, PATHS_MAX)) {
            diag_add(d, src, 0, "cannot open: %s", strerror(errno));
            return BUNDLE_REFUSED;
        }
    } else {
        diag_add(d, src, 0,
                 "not a session file (.cfg), a bundle folder or an archive "
                 "(.zip, .tar.gz)");
        return BUNDLE_REFUSED;
    }
    /* Messages name the file as the person knows it. */
    if (S_ISDIR(st.st_mode) || bundle_is_archive(src))
        snprintf(b->display, sizeof(b->display), "%s/%s", src,
                 cfg + strlen(root) + 1);
    else
        snprintf(b->display, sizeof(b->display), "%s", src);
    return BUNDLE_OK;
}

/* Refuses the sounds that have a session file's name: installed, the
 * library would read one as a second session file of the bundle. */
static bool sounds_fit(const struct bundle_import *b,
                       const struct bundle_member *m, int n,
                       struct diag_list *d)
{
    bool ok = true;
    for (int i = 0; i < n; i++)
        if (is_cfg_name(m[i].rel)) {
            diag_add(d, b->display, m[i].line,
                     "sound file '%s' has a session file's name (.cfg); a "
                     "bundle holds one session file and the sound files it "
                     "uses",
                     m[i].rel);
            ok = false;
        }
    return ok;
}

/* Writes the checked text as the bundle's session file, b->cfg_name. */
static int write_cfg(struct bundle_import *b, const char *src, const char *text,
                     size_t len, struct diag_list *d)
{
    int fd = bundle_create_file(b->staged, b->cfg_name);
    size_t done = 0;
    ssize_t w = 0;
    while (fd >= 0 && done < len &&
           (w = write(fd, text + done, len - done)) > 0)
        done += (size_t)w;
    if (fd < 0 || done < len || close(fd) != 0) {
        diag_add(d, src, 0, "cannot write the session file in %s: %s",
                 b->user_dir, strerror(errno));
        return BUNDLE_FAILED;
    }
    return BUNDLE_OK;
}

/* Checks the session file cfg, then copies its checked text and the
 * sounds it uses into b->staged, and checks the copy. */
static int stage(struct bundle_import *b, const char *src, const char *cfg,
                 struct diag_list *d)
{
    char cfg_dir[PATHS_MAX];
    if (!paths_folder_of(cfg, cfg_dir, sizeof(cfg_dir))) {
        diag_add(d, src, 0, "cannot find the session file's folder");
        return BUNDLE_REFUSED;
    }
    /* Read once: the text checked is the text installed. */
    size_t len = 0;
    char *text = read_text(cfg, &len);
    if (!text) {
        diag_add(d, b->display, 0, "cannot read the session file");
        return BUNDLE_REFUSED;
    }
    struct catalog *c = load_staged(b, text, len, cfg_dir, d);
    struct bundle_member *m = c ? calloc(BUNDLE_MAX_MEMBERS, sizeof(*m)) : NULL;
    int n = m ? bundle_collect(c, b->display, cfg_dir, NULL, m,
                               BUNDLE_MAX_MEMBERS - 1)
              : -1;
    int rc = BUNDLE_OK;
    if (!c) {
        rc = BUNDLE_REFUSED;
    } else if (n < 0) {
        diag_add(d, b->display, 0, "more than %d sounds",
                 BUNDLE_MAX_MEMBERS - 1);
        rc = m ? BUNDLE_REFUSED : BUNDLE_FAILED;
    } else if (!sounds_fit(b, m, n, d)) {
        rc = BUNDLE_REFUSED;
    }
    if (rc == BUNDLE_OK) {
        snprintf(b->cfg_name, sizeof(b->cfg_name), "%s.cfg",
                 catalog_get(c, 0)->name);
        snprintf(b->staged, sizeof(b->staged), "%s/bundle", b->tmp);
        if (mkdir(b->staged, 0700) != 0) {
            diag_add(d, src, 0, "cannot stage it in %s: %s", b->user_dir,
                     strerror(errno));
            rc = BUNDLE_FAILED;
        }
    }
    if (rc == BUNDLE_OK)
        rc = write_cfg(b, src, text, len, d);
    long long total = (long long)len;
    char why[PATHS_MAX + 300];
    for (int i = 0; rc == BUNDLE_OK && i < n; i++) {
        rc = bundle_copy_in(m[i].path, b->staged, m[i].rel, &total, why,
                            sizeof(why));
        if (rc != BUNDLE_OK)
            diag_add(d, src, 0, "%s", why);
    }
    free(m);
    catalog_free(c);
    /* The check that counts: the copy that will be installed, its sounds
     * found in the private folder. */
    if (rc == BUNDLE_OK) {
        b->cat = load_staged(b, text, len, b->staged, d);
        rc = b->cat ? BUNDLE_OK : BUNDLE_REFUSED;
    }
    free(text);
    return rc;
}

/* Records the user's file or bundle folder holding session s, which
 * --replace replaces. */
static bool add_old(struct bundle_import *b, const struct session *s)
{
    char dir[PATHS_MAX], unit[PATHS_MAX];
    if (!paths_folder_of(s->source, dir, sizeof(dir)))
        return false;
    if (strcmp(dir, b->user_dir) == 0) {
        if (!realpath(s->source, unit))
            return false;
    } else {
        char parent[PATHS_MAX];
        if (!paths_folder_of(dir, parent, sizeof(parent)) ||
            strcmp(parent, b->user_dir) != 0)
            return false;
        snprintf(unit, sizeof(unit), "%s", dir);
    }
    for (int i = 0; i < b->n_old; i++)
        if (strcmp(b->old[i], unit) == 0)
            return true;
    if (b->n_old == MAX_OLD)
        return false;
    memcpy(b->old[b->n_old++], unit, sizeof(unit));
    return true;
}

/* Refuses names that are built in, or the user's own without replace. */
static int check_names(struct bundle_import *b, const struct library *lib,
                       bool replace, struct diag_list *d)
{
    int rc = BUNDLE_OK;
    for (size_t i = 0; i < catalog_count(b->cat); i++) {
        const struct session *s = catalog_get(b->cat, i);
        const struct session *other = catalog_find(lib->catalog, s->name);
        if (!other)
            continue;
        if (other->builtin) {
            diag_add(d, b->display, s->line,
                     "'%s' is the name of a built-in session; give this one "
                     "another name",
                     s->name);
            rc = BUNDLE_REFUSED;
        } else if (!replace) {
            diag_add(d, b->display, s->line,
                     "a session named '%s' is already installed (%s:%d); "
                     "--replace replaces it",
                     s->name, other->source, other->line);
            rc = BUNDLE_REFUSED;
        } else if (!add_old(b, other)) {
            diag_add(d, b->display, s->line,
                     "a session named '%s' is in %s, which --replace cannot "
                     "replace (it is not in your sessions folder)",
                     s->name, other->source);
            rc = BUNDLE_REFUSED;
        }
    }
    return rc;
}

/* Whether the folder open as fd is still the one at path (not removed,
 * not replaced). */
static bool same_folder(int fd, const char *path)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && a.st_nlink > 0 && lstat(path, &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

void bundle_sweep_staging(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        char path[PATHS_MAX + 256];
        if (strncmp(e->d_name, ".import-", 8) != 0 ||
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >=
                (int)sizeof(path))
            continue;
        /* A folder only (never a link), and only while we hold its lock:
         * an import under way holds it until its folder is gone. */
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0 && same_folder(fd, path))
            bundle_remove_tree(path);
        close(fd);
    }
    closedir(dp);
}

/* Makes b->tmp and takes its lock. A sweep in another stillpoint may
 * take a new folder for a stale one in the moment before it is locked,
 * and remove it: then another is made. (Where the file system has no
 * locks, no sweep can lock a folder either, and none is removed.) */
static bool make_staging(struct bundle_import *b)
{
    for (int tries = 0; tries < 16; tries++) {
        snprintf(b->tmp, sizeof(b->tmp), "%s/.import-XXXXXX", b->user_dir);
        if (!mkdtemp(b->tmp))
            return false;
        b->lock = open(b->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (b->lock >= 0 &&
            (flock(b->lock, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK) &&
            same_folder(b->lock, b->tmp))
            return true;
        if (b->lock >= 0)
            close(b->lock);
        b->lock = -1;
    }
    errno = EAGAIN;
    return false;
}

/* Whether a signal asked the import to stop: then it fails, saying so. */
static bool stopped(const char *src, struct diag_list *d, int *status)
{
    if (!bundle_stop_signal)
        return false;
    diag_add(d, src, 0, "interrupted; nothing was imported");
    *status = BUNDLE_FAILED;
    return true;
}

struct bundle_import *bundle_import_open(const struct library *lib,
                                         const char *src, bool replace,
                                         struct diag_list *d, int *status)
{
    *status = BUNDLE_FAILED;
    if (stopped(src, d, status))
        return NULL;
    struct bundle_import *b = calloc(1, sizeof(*b));
    char dir[PATHS_MAX];
    if (!b) {
        diag_add(d, src, 0, "out of memory");
        return NULL;
    }
    b->lock = -1;
    if (!paths_user_sessions(dir, sizeof(dir)) || !fsutil_make_folders(dir) ||
        !realpath(dir, b->user_dir)) {
        diag_add(d, src, 0,
                 "no sessions folder to import into (set HOME or "
                 "XDG_CONFIG_HOME): %s",
                 strerror(errno));
        free(b);
        return NULL;
    }
    bundle_sweep_staging(b->user_dir);
    if (!make_staging(b)) {
        diag_add(d, src, 0, "cannot stage it in %s: %s", b->user_dir,
                 strerror(errno));
        b->tmp[0] = '\0';
        bundle_import_free(b);
        return NULL;
    }
    if (!lib->assets[0] || !realpath(lib->assets, b->assets))
        b->assets[0] = '\0';
    char cfg[PATHS_MAX], root[PATHS_MAX];
    *status = locate(b, src, cfg, root, d);
    if (*status == BUNDLE_OK)
        *status = stage(b, src, cfg, d);
    if (*status == BUNDLE_OK)
        *status = check_names(b, lib, replace, d);
    if (*status == BUNDLE_FAILED && bundle_stop_signal) {
        diag_init(d); /* what broke off says only that it was stopped */
        stopped(src, d, status);
    }
    if (*status != BUNDLE_OK) {
        bundle_import_free(b);
        return NULL;
    }
    return b;
}

const struct catalog *bundle_import_sessions(const struct bundle_import *b)
{
    return b->cat;
}

int bundle_import_commit(struct bundle_import *b, struct library *lib,
                         char *where, size_t wherelen, struct diag_list *d)
{
    int status;
    if (stopped(b->display, d, &status))
        return status;
    /* What it replaces goes into the private folder first, and comes back
     * when the new bundle cannot take its place. */
    char moved[MAX_OLD][PATHS_MAX + 64];
    int n = 0;
    for (; n < b->n_old; n++) {
        snprintf(moved[n], sizeof(moved[n]), "%s/old-%d", b->tmp, n);
        if (rename(b->old[n], moved[n]) != 0)
            break;
    }
    char final[PATHS_MAX + 64];
    const char *first = catalog_get(b->cat, 0)->name;
    struct stat st;
    snprintf(final, sizeof(final), "%s/%s", b->user_dir, first);
    for (int i = 2; i < 100 && lstat(final, &st) == 0; i++)
        snprintf(final, sizeof(final), "%s/%s-%d", b->user_dir, first, i);
    if (n < b->n_old || rename(b->staged, final) != 0) {
        diag_add(d, final, 0, "cannot install the bundle: %s", strerror(errno));
        while (n-- > 0)
            rename(moved[n], b->old[n]);
        return BUNDLE_FAILED;
    }
    snprintf(where, wherelen, "%s/%s", final, b->cfg_name);
    bundle_remove_tree(b->tmp);
    b->tmp[0] = '\0';
    close(b->lock);
    b->lock = -1;
    if (lib) {
        struct load_env env = {.assets = lib->assets[0] ? lib->assets : NULL};
        load_session_file(lib->catalog, where, &env, d);
    }
    return BUNDLE_OK;
}

void bundle_import_free(struct bundle_import *b)
{
    if (!b)
        return;
    if (b->tmp[0])
        bundle_remove_tree(b->tmp);
    if (b->lock >= 0)
        close(b->lock); /* only now: the folder is gone */
    catalog_free(b->cat);
    free(b);
}
