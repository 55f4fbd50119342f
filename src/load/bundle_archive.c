/* bundle_archive.c: reading, checking and writing bundle archives with
 * libarchive. libarchive only parses here; every file is created by our
 * own code, inside our own folder, with O_EXCL and no link followed.
 *
 * Reading is bounded before libarchive allocates anything for it: the
 * archive's size, a zip's end record (how many members and how large a
 * central directory it claims), and a budget of bytes for each member's
 * header (a zip's whole central directory is read with its first one),
 * which holds whatever the archive claims. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "bundle_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

/* An archive being read: our own descriptor, so that no read blocks (a
 * FIFO in its place is refused, never waited on), and a count of the
 * bytes libarchive asks for, so that reading one member's header (for a
 * zip, the first one: the whole central directory) stops past a budget
 * whatever the archive says of itself. */
struct reader {
    struct archive *a;
    int fd;
    long long bytes; /* read so far */
    long long limit; /* past it, reading fails */
    bool over;       /* it did */
    bool zip;
    char buf[65536];
};

static la_ssize_t on_read(struct archive *a, void *data, const void **out)
{
    struct reader *r = data;
    *out = r->buf;
    if (bundle_stop_signal) {
        archive_set_error(a, EINTR, "interrupted");
        return -1;
    }
    if (r->bytes > r->limit) {
        r->over = true;
        archive_set_error(a, EFBIG, "a header past the limit");
        return -1;
    }
    ssize_t got = read(r->fd, r->buf, sizeof(r->buf));
    if (got < 0) {
        archive_set_error(a, errno, "%s", strerror(errno));
        return -1;
    }
    r->bytes += got;
    return got;
}

static la_int64_t on_seek(struct archive *a, void *data, la_int64_t offset,
                          int whence)
{
    struct reader *r = data;
    off_t at = lseek(r->fd, (off_t)offset, whence);
    if (at < 0)
        archive_set_error(a, errno, "%s", strerror(errno));
    return at < 0 ? ARCHIVE_FATAL : at;
}

static la_int64_t on_skip(struct archive *a, void *data, la_int64_t request)
{
    (void)a;
    struct reader *r = data;
    off_t here = lseek(r->fd, 0, SEEK_CUR), end = lseek(r->fd, 0, SEEK_END);
    if (here < 0 || end < 0)
        return 0;
    la_int64_t n = request < end - here ? request : end - here;
    lseek(r->fd, here + (off_t)n, SEEK_SET);
    return n;
}

static uint64_t le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* What a zip's end record (and its Zip64 one) says of the central
 * directory, read before libarchive reads the directory itself, which it
 * keeps whole in memory: a bundle past the limits is refused there, in
 * a few reads. The last end record wins, as in every zip reader. */
static int zip_end_record(int fd, long long size, char *why, size_t whylen)
{
    unsigned char tail[65536 + 22], z64[56];
    size_t n = size < (long long)sizeof(tail) ? (size_t)size : sizeof(tail);
    if (n < 22 ||
        pread(fd, tail, n, (off_t)(size - (long long)n)) != (ssize_t)n)
        return BUNDLE_OK; /* libarchive says what is wrong */
    long i = (long)n - 22;
    while (i >= 0 && memcmp(tail + i, "PK\5\6", 4) != 0)
        i--;
    if (i < 0)
        return BUNDLE_OK;
    uint64_t listed = le(tail + i + 10, 2), dir_size = le(tail + i + 12, 4);
    if (i >= 20 && memcmp(tail + i - 20, "PK\6\7", 4) == 0 &&
        pread(fd, z64, sizeof(z64), (off_t)le(tail + i - 20 + 8, 8)) ==
            (ssize_t)sizeof(z64) &&
        memcmp(z64, "PK\6\6", 4) == 0) {
        listed = le(z64 + 32, 8);
        dir_size = le(z64 + 40, 8);
    }
    if (listed > BUNDLE_MAX_MEMBERS) {
        snprintf(why, whylen,
                 "the archive lists %llu members; a bundle holds at most %d "
                 "(one session file and its sounds)",
                 (unsigned long long)listed, BUNDLE_MAX_MEMBERS);
        return BUNDLE_REFUSED;
    }
    if (dir_size > BUNDLE_MAX_INDEX_KB * 1024) {
        snprintf(why, whylen,
                 "the archive's list of members is %llu kB; %d members "
                 "take at most %d kB",
                 (unsigned long long)(dir_size / 1024), BUNDLE_MAX_MEMBERS,
                 BUNDLE_MAX_INDEX_KB);
        return BUNDLE_REFUSED;
    }
    return BUNDLE_OK;
}

static void close_read(struct reader *r)
{
    if (!r)
        return;
    if (r->a)
        archive_read_free(r->a);
    if (r->fd >= 0)
        close(r->fd);
    free(r);
}

/* Opens src as a zip or a (gzip'd) tar, after the checks that need no
 * parsing. NULL with why filled and *rc set when refused. */
static struct reader *open_read(const char *src, bool zip, char *why,
                                size_t whylen, int *rc)
{
    struct reader *r = calloc(1, sizeof(*r));
    *rc = BUNDLE_FAILED;
    if (!r) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    r->fd = open(src, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (r->fd < 0 || fstat(r->fd, &st) != 0) {
        snprintf(why, whylen, "cannot open: %s", strerror(errno));
        close_read(r);
        *rc = BUNDLE_REFUSED;
        return NULL;
    }
    *rc = BUNDLE_REFUSED;
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a regular file; an archive is one");
        close_read(r);
        return NULL;
    }
    /* Members, their headers and the zip's list of them: nothing of a
     * bundle within the limits is larger. */
    long long cap = (long long)(BUNDLE_MAX_TOTAL_MB + 4) * BUNDLE_MB;
    if (st.st_size > cap) {
        snprintf(why, whylen,
                 "the archive is %lld MB; a bundle holds at most %d MB",
                 (long long)st.st_size / BUNDLE_MB, BUNDLE_MAX_TOTAL_MB);
        close_read(r);
        return NULL;
    }
    if (zip && zip_end_record(r->fd, st.st_size, why, whylen) != BUNDLE_OK) {
        close_read(r);
        return NULL;
    }
    r->zip = zip;
    r->a = archive_read_new();
    if (!r->a) {
        snprintf(why, whylen, "out of memory");
        close_read(r);
        *rc = BUNDLE_FAILED;
        return NULL;
    }
    if (zip) {
        archive_read_support_format_zip(r->a);
    } else {
        archive_read_support_filter_gzip(r->a);
        archive_read_support_format_tar(r->a);
    }
    archive_read_set_callback_data(r->a, r);
    archive_read_set_read_callback(r->a, on_read);
    archive_read_set_seek_callback(r->a, on_seek);
    archive_read_set_skip_callback(r->a, on_skip);
    r->limit = BUNDLE_MAX_HEADER_KB * 1024LL;
    if (lseek(r->fd, 0, SEEK_SET) != 0 ||
        archive_read_open1(r->a) != ARCHIVE_OK) {
        snprintf(why, whylen, "not a readable %s archive: %s",
                 zip ? ".zip" : ".tar.gz",
                 archive_error_string(r->a) ? archive_error_string(r->a) : "?");
        close_read(r);
        return NULL;
    }
    *rc = BUNDLE_OK;
    return r;
}

/* The next member's header, reading at most the header budget. */
static int next_header(struct reader *r, struct archive_entry **e)
{
    r->limit = r->bytes + BUNDLE_MAX_HEADER_KB * 1024LL;
    int rc = archive_read_next_header(r->a, e);
    r->limit = LLONG_MAX;
    return rc;
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
    size_t len = strlen(name), part = 0;
    for (const char *p = name; *p; p += *p == '/') {
        size_t n = strcspn(p, "/");
        part = n > part ? n : part;
        p += n;
    }
    if (len > BUNDLE_MAX_NAME || part > BUNDLE_MAX_NAME_PART) {
        snprintf(why, whylen,
                 "member '%.40s...' has a name too long (%zu bytes%s); a "
                 "bundle's names are at most %d bytes, %d between slashes",
                 name, len, len > BUNDLE_MAX_NAME ? "" : ", too long a part",
                 BUNDLE_MAX_NAME, BUNDLE_MAX_NAME_PART);
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

static int read_failed(struct reader *r, char *why, size_t whylen)
{
    if (bundle_stop_signal) {
        snprintf(why, whylen, "interrupted");
        return BUNDLE_FAILED;
    }
    if (r->over && r->zip) {
        snprintf(why, whylen,
                 "the archive's list of members runs past %d kB; %d members "
                 "take at most %d kB",
                 BUNDLE_MAX_HEADER_KB, BUNDLE_MAX_MEMBERS, BUNDLE_MAX_INDEX_KB);
        return BUNDLE_REFUSED;
    }
    if (r->over) {
        snprintf(why, whylen,
                 "a member's header runs past %d kB; a bundle's are far "
                 "smaller",
                 BUNDLE_MAX_HEADER_KB);
        return BUNDLE_REFUSED;
    }
    snprintf(why, whylen, "damaged archive: %s",
             archive_error_string(r->a) ? archive_error_string(r->a) : "?");
    return BUNDLE_REFUSED;
}

/* Writes the current member's data to dir/rel, holding it to the limits
 * by the bytes that really come. */
static int extract_one(struct reader *r, const char *dir, const char *rel,
                       long long *total, char *why, size_t whylen)
{
    int fd = bundle_create_file(dir, rel);
    if (fd < 0) {
        int err = errno;
        if (err == EEXIST)
            snprintf(why, whylen, "member '%.200s' comes twice", rel);
        else if (err == ENOTDIR)
            snprintf(why, whylen,
                     "member '%.200s' is inside a member that is a file", rel);
        else
            snprintf(why, whylen, "member '%.200s' cannot be unpacked: %s", rel,
                     strerror(err));
        return bundle_name_fault(err) ? BUNDLE_REFUSED : BUNDLE_FAILED;
    }
    long long size = 0;
    int rc = BUNDLE_OK;
    char buf[65536];
    la_ssize_t got;
    while ((got = archive_read_data(r->a, buf, sizeof(buf))) > 0) {
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
            snprintf(why, whylen, "member '%.200s' cannot be unpacked: %s", rel,
                     strerror(errno));
            rc = BUNDLE_FAILED;
            break;
        }
        if (bundle_stop_signal) {
            got = -1;
            break;
        }
    }
    if (rc == BUNDLE_OK && got < 0)
        rc = read_failed(r, why, whylen);
    if (close(fd) != 0 && rc == BUNDLE_OK) {
        snprintf(why, whylen, "member '%.200s' cannot be unpacked: %s", rel,
                 strerror(errno));
        rc = BUNDLE_FAILED;
    }
    return rc;
}

int bundle_archive_extract(const char *src, bool zip, const char *dir,
                           char *why, size_t whylen)
{
    int rc;
    struct reader *r = open_read(src, zip, why, whylen, &rc);
    if (!r)
        return rc;
    /* One pass: each member is refused at its own header or at the byte
     * that takes it past a limit, before anything after it is read. What
     * was written by then goes with the private folder. */
    struct archive_entry *e;
    int count = 0, h = ARCHIVE_OK;
    long long total = 0, headers = 0;
    while (rc == BUNDLE_OK &&
           ((h = next_header(r, &e)) == ARCHIVE_OK || h == ARCHIVE_WARN)) {
        rc = check_entry(e, ++count, &headers, why, whylen);
        char rel[PATHS_MAX];
        if (rc != BUNDLE_OK || archive_entry_filetype(e) != AE_IFREG ||
            !bundle_norm_name(archive_entry_pathname(e), rel, sizeof(rel)))
            continue;
        rc = extract_one(r, dir, rel, &total, why, whylen);
    }
    if (rc == BUNDLE_OK && h != ARCHIVE_EOF)
        rc = read_failed(r, why, whylen);
    close_read(r);
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
