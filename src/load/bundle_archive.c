/* bundle_archive.c: reading, checking and writing bundle archives with
 * libarchive. libarchive only parses here; every file is created by our
 * own code, inside our own folder, with O_EXCL and no link followed. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "bundle_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

static struct archive *open_read(const char *src, char *why, size_t whylen)
{
    struct archive *a = archive_read_new();
    if (!a) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    archive_read_support_filter_gzip(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, src, 65536) != ARCHIVE_OK) {
        snprintf(why, whylen, "not a readable .zip or .tar.gz archive: %s",
                 archive_error_string(a) ? archive_error_string(a) : "?");
        archive_read_free(a);
        return NULL;
    }
    return a;
}

/* Refuses one member by its header. */
static int check_entry(struct archive_entry *e, int count, long long *total,
                       char *why, size_t whylen)
{
    const char *name = archive_entry_pathname(e);
    char rel[PATHS_MAX];
    if (count > BUNDLE_MAX_MEMBERS) {
        snprintf(why, whylen,
                 "more than %d members; a bundle holds one session file "
                 "and its sounds",
                 BUNDLE_MAX_MEMBERS);
        return BUNDLE_REFUSED;
    }
    if (!name || !*name) {
        snprintf(why, whylen, "a member has no name");
        return BUNDLE_REFUSED;
    }
    if (name[0] == '/') {
        snprintf(why, whylen,
                 "member '%.200s' has an absolute name; a bundle's names "
                 "are relative to it",
                 name);
        return BUNDLE_REFUSED;
    }
    if (!bundle_norm_name(name, rel, sizeof(rel)) && strcmp(name, "./") != 0 &&
        strcmp(name, ".") != 0) {
        snprintf(why, whylen,
                 "member '%.200s' leads outside the bundle ('..' is not "
                 "allowed in member names)",
                 name);
        return BUNDLE_REFUSED;
    }
    if (archive_entry_hardlink(e)) {
        snprintf(why, whylen,
                 "member '%.200s' is a hard link; a bundle holds regular "
                 "files only",
                 name);
        return BUNDLE_REFUSED;
    }
    mode_t type = archive_entry_filetype(e);
    if (type == AE_IFLNK) {
        snprintf(why, whylen,
                 "member '%.200s' is a symbolic link; a bundle holds "
                 "regular files only",
                 name);
        return BUNDLE_REFUSED;
    }
    if (type != AE_IFREG && type != AE_IFDIR) {
        snprintf(why, whylen,
                 "member '%.200s' is a device, FIFO or socket; a bundle "
                 "holds regular files only",
                 name);
        return BUNDLE_REFUSED;
    }
    if (archive_entry_size_is_set(e)) {
        long long size = archive_entry_size(e);
        if (size > (long long)BUNDLE_MAX_MEMBER_MB * BUNDLE_MB) {
            snprintf(why, whylen,
                     "member '%.200s' is %lld MB; the limit is %d MB a "
                     "member",
                     name, size / BUNDLE_MB, BUNDLE_MAX_MEMBER_MB);
            return BUNDLE_REFUSED;
        }
        *total += size;
        if (*total > (long long)BUNDLE_MAX_TOTAL_MB * BUNDLE_MB) {
            snprintf(why, whylen, "the members add up to more than %d MB",
                     BUNDLE_MAX_TOTAL_MB);
            return BUNDLE_REFUSED;
        }
    }
    return BUNDLE_OK;
}

static int read_failed(struct archive *a, char *why, size_t whylen)
{
    snprintf(why, whylen, "damaged archive: %s",
             archive_error_string(a) ? archive_error_string(a) : "?");
    return BUNDLE_REFUSED;
}

int bundle_archive_check(const char *src, char *why, size_t whylen)
{
    struct archive *a = open_read(src, why, whylen);
    if (!a)
        return BUNDLE_REFUSED;
    struct archive_entry *e;
    int count = 0, rc = BUNDLE_OK, r;
    long long total = 0;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
           r == ARCHIVE_WARN) {
        rc = check_entry(e, ++count, &total, why, whylen);
        if (rc == BUNDLE_OK && archive_read_data_skip(a) != ARCHIVE_OK)
            rc = read_failed(a, why, whylen);
        if (rc != BUNDLE_OK)
            break;
    }
    if (rc == BUNDLE_OK && r != ARCHIVE_EOF)
        rc = read_failed(a, why, whylen);
    archive_read_free(a);
    return rc;
}

/* Writes the current member's data to dir/rel, holding it to the limits
 * by the bytes that really come. */
static int extract_one(struct archive *a, const char *dir, const char *rel,
                       long long *total, char *why, size_t whylen)
{
    int fd = bundle_create_file(dir, rel);
    if (fd < 0) {
        if (errno == EEXIST)
            snprintf(why, whylen, "member '%.200s' comes twice", rel);
        else
            snprintf(why, whylen, "member '%.200s' cannot be unpacked: %s", rel,
                     strerror(errno));
        return BUNDLE_REFUSED;
    }
    long long size = 0;
    int rc = BUNDLE_OK;
    char buf[65536];
    la_ssize_t got;
    while ((got = archive_read_data(a, buf, sizeof(buf))) > 0) {
        size += got;
        *total += got;
        if (size > (long long)BUNDLE_MAX_MEMBER_MB * BUNDLE_MB) {
            snprintf(why, whylen,
                     "member '%.200s' is over %d MB; the limit is %d MB a "
                     "member",
                     rel, BUNDLE_MAX_MEMBER_MB, BUNDLE_MAX_MEMBER_MB);
            rc = BUNDLE_REFUSED;
            break;
        }
        if (*total > (long long)BUNDLE_MAX_TOTAL_MB * BUNDLE_MB) {
            snprintf(why, whylen, "the members add up to more than %d MB",
                     BUNDLE_MAX_TOTAL_MB);
            rc = BUNDLE_REFUSED;
            break;
        }
        if (write(fd, buf, (size_t)got) != got) {
            snprintf(why, whylen, "%s/%s: cannot write: %s", dir, rel,
                     strerror(errno));
            rc = BUNDLE_FAILED;
            break;
        }
    }
    if (rc == BUNDLE_OK && got < 0)
        rc = read_failed(a, why, whylen);
    if (close(fd) != 0 && rc == BUNDLE_OK) {
        snprintf(why, whylen, "%s/%s: cannot write: %s", dir, rel,
                 strerror(errno));
        rc = BUNDLE_FAILED;
    }
    return rc;
}

int bundle_archive_extract(const char *src, const char *dir, char *why,
                           size_t whylen)
{
    int rc = bundle_archive_check(src, why, whylen);
    if (rc != BUNDLE_OK)
        return rc;
    struct archive *a = open_read(src, why, whylen);
    if (!a)
        return BUNDLE_REFUSED;
    struct archive_entry *e;
    int count = 0, r;
    long long total = 0, headers = 0;
    while (rc == BUNDLE_OK &&
           ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
            r == ARCHIVE_WARN)) {
        /* Checked again: the archive may have changed since. */
        rc = check_entry(e, ++count, &headers, why, whylen);
        char rel[PATHS_MAX];
        if (rc != BUNDLE_OK || archive_entry_filetype(e) != AE_IFREG ||
            !bundle_norm_name(archive_entry_pathname(e), rel, sizeof(rel)))
            continue;
        rc = extract_one(a, dir, rel, &total, why, whylen);
    }
    if (rc == BUNDLE_OK && r != ARCHIVE_EOF)
        rc = read_failed(a, why, whylen);
    archive_read_free(a);
    return rc;
}

static int write_member(struct archive *a, const struct bundle_member *m,
                        char *why, size_t whylen)
{
    int fd = open(m->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "%s: not a regular file", m->path);
        if (fd >= 0)
            close(fd);
        return BUNDLE_REFUSED;
    }
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, m->rel);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, st.st_size);
    archive_entry_set_mtime(e, st.st_mtime, 0);
    int rc = BUNDLE_OK;
    if (archive_write_header(a, e) != ARCHIVE_OK) {
        rc = BUNDLE_FAILED;
    } else {
        char buf[65536];
        ssize_t got;
        while ((got = read(fd, buf, sizeof(buf))) > 0)
            if (archive_write_data(a, buf, (size_t)got) != got) {
                rc = BUNDLE_FAILED;
                break;
            }
        if (got < 0)
            rc = BUNDLE_FAILED;
    }
    if (rc != BUNDLE_OK)
        snprintf(why, whylen, "%s: cannot write it into the archive: %s",
                 m->rel,
                 archive_error_string(a) ? archive_error_string(a)
                                         : strerror(errno));
    archive_entry_free(e);
    close(fd);
    return rc;
}

int bundle_archive_write(const char *path, bool zip,
                         const struct bundle_member *m, int n, char *why,
                         size_t whylen)
{
    struct archive *a = archive_write_new();
    if (!a) {
        snprintf(why, whylen, "out of memory");
        return BUNDLE_FAILED;
    }
    if (zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    }
    int rc = BUNDLE_OK;
    if (archive_write_open_filename(a, path) != ARCHIVE_OK) {
        snprintf(why, whylen, "%s: cannot write: %s", path,
                 archive_error_string(a) ? archive_error_string(a) : "?");
        rc = BUNDLE_FAILED;
    }
    for (int i = 0; i < n && rc == BUNDLE_OK; i++)
        rc = write_member(a, &m[i], why, whylen);
    if (archive_write_close(a) != ARCHIVE_OK && rc == BUNDLE_OK) {
        snprintf(why, whylen, "%s: cannot write: %s", path,
                 archive_error_string(a) ? archive_error_string(a) : "?");
        rc = BUNDLE_FAILED;
    }
    archive_write_free(a);
    return rc;
}
