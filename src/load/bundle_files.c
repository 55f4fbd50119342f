/* bundle_files.c: member names, the sounds a file uses, copying with the
 * size limits, and removing private folders. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "bundle_files.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

volatile sig_atomic_t bundle_stop_signal;

bool bundle_norm_name(const char *name, char *out, size_t n)
{
    if (!name || !*name || name[0] == '/' || n == 0)
        return false;
    size_t o = 0;
    const char *p = name;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return false;
        if (len > 0 && !(len == 1 && p[0] == '.')) {
            if (o + len + 2 > n)
                return false;
            if (o > 0)
                out[o++] = '/';
            memcpy(out + o, p, len);
            o += len;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    out[o] = '\0';
    return o > 0;
}

bool bundle_inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

static int add_ref(const struct sound_ref *r, const char *only_under,
                   const char *never_under, struct bundle_member *out, int n,
                   int cap)
{
    if (!r->name || !r->path)
        return n;
    if (only_under && !bundle_inside(r->path, only_under))
        return n;
    if (never_under && bundle_inside(r->path, never_under))
        return n;
    char rel[PATHS_MAX];
    if (!bundle_norm_name(r->name, rel, sizeof(rel)))
        return n; /* the loader refuses such names first */
    for (int i = 0; i < n; i++)
        if (strcmp(out[i].rel, rel) == 0)
            return n;
    if (n == cap)
        return -1;
    memcpy(out[n].rel, rel, sizeof(rel));
    out[n].path = r->path;
    out[n].line = r->line;
    return n + 1;
}

int bundle_collect(const struct catalog *c, const char *source,
                   const char *only_under, const char *never_under,
                   struct bundle_member *out, int cap)
{
    int n = 0;
    for (size_t i = 0; i < catalog_count(c) && n >= 0; i++) {
        const struct session *s = catalog_get(c, i);
        if (source && strcmp(s->source, source) != 0)
            continue;
        n = add_ref(&s->ambient, only_under, never_under, out, n, cap);
        for (int k = 0; k < SLOT_COUNT && n >= 0; k++)
            n = add_ref(&s->cue_sounds[k], only_under, never_under, out, n,
                        cap);
        for (size_t j = 0; j < s->n_steps && n >= 0; j++) {
            const struct step *st = &s->steps[j];
            n = add_ref(&st->voice, only_under, never_under, out, n, cap);
            /* A play step's recording and captions travel with it. */
            if (n >= 0)
                n = add_ref(&st->recording, only_under, never_under, out, n,
                            cap);
            if (n >= 0)
                n = add_ref(&st->captions_file, only_under, never_under, out, n,
                            cap);
        }
    }
    return n;
}

int bundle_create_file(const char *root, const char *rel)
{
    char path[PATHS_MAX * 2];
    if (snprintf(path, sizeof(path), "%s/%s", root, rel) >= (int)sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        struct stat st;
        if (mkdir(path, 0700) != 0) {
            if (errno != EEXIST)
                return -1;
            if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
                errno = ENOTDIR; /* a file (or a link) where a folder goes */
                return -1;
            }
        }
        *p = '/';
    }
    return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                0644);
}

bool bundle_name_fault(int err)
{
    return err == EEXIST || err == ENOTDIR || err == EISDIR ||
           err == ENAMETOOLONG || err == ELOOP;
}

int bundle_copy_in(const char *from, const char *root, const char *rel,
                   long long *total, char *why, size_t whylen)
{
    int in = open(from, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (in < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "%s: not a regular file", rel);
        if (in >= 0)
            close(in);
        return BUNDLE_REFUSED;
    }
    if (st.st_size > (long long)BUNDLE_MAX_MEMBER_MB * BUNDLE_MB) {
        snprintf(why, whylen, "%s is %lld MB; the limit is %d MB a file", rel,
                 (long long)st.st_size / BUNDLE_MB, BUNDLE_MAX_MEMBER_MB);
        close(in);
        return BUNDLE_REFUSED;
    }
    *total += st.st_size;
    if (*total > (long long)BUNDLE_MAX_TOTAL_MB * BUNDLE_MB) {
        snprintf(why, whylen, "the files add up to more than %d MB",
                 BUNDLE_MAX_TOTAL_MB);
        close(in);
        return BUNDLE_REFUSED;
    }
    int out = bundle_create_file(root, rel);
    if (out < 0) {
        int err = errno;
        snprintf(why, whylen, "%s: cannot copy: %s", rel, strerror(err));
        close(in);
        return bundle_name_fault(err) ? BUNDLE_REFUSED : BUNDLE_FAILED;
    }
    char buf[65536];
    ssize_t got = 0;
    int rc = BUNDLE_OK;
    while (!bundle_stop_signal && (got = read(in, buf, sizeof(buf))) > 0)
        if (write(out, buf, (size_t)got) != got) {
            got = -1;
            break;
        }
    if (close(out) != 0)
        got = -1;
    if (bundle_stop_signal) {
        snprintf(why, whylen, "interrupted");
        rc = BUNDLE_FAILED;
    } else if (got < 0) {
        snprintf(why, whylen, "%s: cannot copy: %s", rel, strerror(errno));
        rc = BUNDLE_FAILED;
    }
    close(in);
    return rc;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void bundle_remove_tree(const char *path)
{
    nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
