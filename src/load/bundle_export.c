/* bundle_export.c: --export NAME DEST: the session's whole file, byte for
 * byte, and every sound its sessions use, as a new folder or archive.
 *
 * The whole file, not the one session: a file is the unit stillpoint
 * loads, checks and replaces; its sessions may share the safety types it
 * defines; and a byte-exact copy keeps the author's comments and plays
 * exactly as the original, where a rewritten file could not promise
 * either. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "bundle_archive.h"
#include "bundle_files.h"
#include "library.h"

enum { MAX_MEMBERS = BUNDLE_MAX_MEMBERS };

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n > m && strcmp(s + n - m, tail) == 0;
}

bool bundle_is_archive(const char *path)
{
    return ends_with(path, ".zip") || ends_with(path, ".tar.gz");
}

/* Writes the members into a new folder beside dest, then renames it to
 * dest, so dest appears whole or not at all. */
static int write_folder(const char *dest, const struct bundle_member *m, int n,
                        struct diag_list *d)
{
    char tmp[PATHS_MAX + 16];
    if (snprintf(tmp, sizeof(tmp), "%s.partXXXXXX", dest) >= (int)sizeof(tmp) ||
        !mkdtemp(tmp)) {
        diag_add(d, dest, 0, "cannot create the folder: %s", strerror(errno));
        return BUNDLE_FAILED;
    }
    long long total = 0;
    char why[PATHS_MAX + 100];
    for (int i = 0; i < n; i++) {
        int rc =
            bundle_copy_in(m[i].path, tmp, m[i].rel, &total, why, sizeof(why));
        if (rc != BUNDLE_OK) {
            diag_add(d, dest, 0, "%s", why);
            bundle_remove_tree(tmp);
            return rc;
        }
    }
    chmod(tmp, 0755);
    if (rename(tmp, dest) != 0) {
        diag_add(d, dest, 0, "cannot create the folder: %s", strerror(errno));
        bundle_remove_tree(tmp);
        return BUNDLE_FAILED;
    }
    return BUNDLE_OK;
}

static int write_archive(const char *dest, const struct bundle_member *m, int n,
                         struct diag_list *d)
{
    char tmp[PATHS_MAX + 16];
    snprintf(tmp, sizeof(tmp), "%s.partXXXXXX", dest);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        diag_add(d, dest, 0, "cannot create the archive: %s", strerror(errno));
        return BUNDLE_FAILED;
    }
    close(fd);
    char why[PATHS_MAX + 100];
    int rc = bundle_archive_write(tmp, ends_with(dest, ".zip"), m, n, why,
                                  sizeof(why));
    if (rc == BUNDLE_OK) {
        chmod(tmp, 0644);
        if (rename(tmp, dest) != 0) {
            snprintf(why, sizeof(why), "cannot create the archive: %s",
                     strerror(errno));
            rc = BUNDLE_FAILED;
        }
    }
    if (rc != BUNDLE_OK) {
        diag_add(d, dest, 0, "%s", why);
        unlink(tmp);
    }
    return rc;
}

int bundle_export(const struct library *lib, const char *name, const char *dest,
                  struct diag_list *d)
{
    const struct session *s = catalog_find(lib->catalog, name);
    if (!s) {
        diag_add(d, name, 0, "no session by this name (see stillpoint --list)");
        return BUNDLE_REFUSED;
    }
    struct stat st;
    if (lstat(dest, &st) == 0) {
        diag_add(d, dest, 0, "already exists; give a new name");
        return BUNDLE_REFUSED;
    }
    struct bundle_member *m = calloc(MAX_MEMBERS, sizeof(*m));
    if (!m) {
        diag_add(d, dest, 0, "out of memory");
        return BUNDLE_FAILED;
    }
    /* The file first, under its own name; then its sounds by the names
     * the file gives them. stillpoint's own voice clips stay out: every
     * stillpoint has them. */
    const char *base = strrchr(s->source, '/');
    snprintf(m[0].rel, sizeof(m[0].rel), "%s", base ? base + 1 : s->source);
    m[0].path = s->source;
    char assets[PATHS_MAX], voice[PATHS_MAX + 16];
    bool has_assets = lib->assets[0] && realpath(lib->assets, assets);
    snprintf(voice, sizeof(voice), "%s/voice", has_assets ? assets : "");
    int n = bundle_collect(lib->catalog, s->source, NULL,
                           has_assets ? voice : NULL, m + 1, MAX_MEMBERS - 1);
    int rc = BUNDLE_REFUSED;
    if (n < 0)
        diag_add(d, s->source, 0, "uses more than %d sounds", MAX_MEMBERS - 1);
    else if (bundle_is_archive(dest))
        rc = write_archive(dest, m, n + 1, d);
    else
        rc = write_folder(dest, m, n + 1, d);
    free(m);
    return rc;
}
