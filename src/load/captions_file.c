/* captions_file.c: captions files read and checked, and the session file
 * --captions-session makes from one (see captions_file.h). */
#include "captions_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/captions_session.h"
#include "../core/fsutil.h"
#include "../core/utf8.h"
#include "cfgfile.h"

bool captions_file_load(const char *path, double length_seconds,
                        struct arena *a, struct caption_list *out,
                        struct diag_list *d)
{
    size_t len = 0;
    char *data =
        cfgfile_read(path, CAPTIONS_MAX_BYTES, "captions files", &len, NULL, d);
    if (!data)
        return false;
    bool ok = captions_parse(data, len, path, length_seconds, a, out, d);
    free(data);
    return ok;
}

int captions_file_session(const char *path, const char *recording, char **text,
                          struct diag_list *d)
{
    *text = NULL;
    char why[96];
    if (recording && !utf8_check_text(recording, why, sizeof(why))) {
        diag_add(d, "--recording", 0, "%s", why);
        return CAPTIONS_FILE_BAD;
    }
    struct arena *a = arena_new();
    if (!a) {
        diag_add(d, path, 0, "out of memory");
        return CAPTIONS_FILE_FAILED;
    }
    struct caption_list l;
    int rc = CAPTIONS_FILE_BAD;
    if (!captions_file_load(path, -1, a, &l, d)) {
        /* said */
    } else if (!recording && l.count > CAPTIONS_SESSION_MAX_STEPS) {
        diag_add(d, path, 0,
                 "%zu captions, and a session holds at most %d steps: "
                 "split the file, or play the recording with its captions "
                 "(--recording)",
                 l.count, CAPTIONS_SESSION_MAX_STEPS);
    } else if (!(*text = captions_session_text(&l, path, recording))) {
        diag_add(d, path, 0, "out of memory");
        rc = CAPTIONS_FILE_FAILED;
    } else {
        rc = CAPTIONS_FILE_OK;
    }
    arena_free(a);
    return rc;
}

static bool write_all(int fd, const char *text)
{
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(fd, text, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        text += n;
        left -= (size_t)n;
    }
    return fsync(fd) == 0;
}

/* Gives the file tmp the name dest, never replacing a file there: a hard
 * link, or where the file system has none, a rename after one more
 * look. */
static int name_it(const char *tmp, const char *dest, struct diag_list *d)
{
    struct stat st;
    if (link(tmp, dest) == 0)
        return CAPTIONS_FILE_OK;
    if (errno == EEXIST || lstat(dest, &st) == 0) {
        diag_add(d, dest, 0, "already exists; give a new name");
        return CAPTIONS_FILE_BAD;
    }
    if ((errno == EPERM || errno == ENOTSUP || errno == ENOSYS ||
         errno == EMLINK) &&
        rename(tmp, dest) == 0)
        return CAPTIONS_FILE_OK;
    diag_add(d, dest, 0, "cannot be written: %s", strerror(errno));
    return CAPTIONS_FILE_FAILED;
}

int captions_file_write_new(const char *dest, const char *text,
                            struct diag_list *d)
{
    struct stat st;
    if (lstat(dest, &st) == 0) {
        diag_add(d, dest, 0, "%s",
                 S_ISLNK(st.st_mode) ? FSUTIL_LINK_REFUSED
                                     : "already exists; give a new name");
        return CAPTIONS_FILE_BAD;
    }
    size_t n = strlen(dest) + 32;
    char *tmp = malloc(n);
    if (!tmp) {
        diag_add(d, dest, 0, "out of memory");
        return CAPTIONS_FILE_FAILED;
    }
    int fd = fsutil_create_temp(dest, 0666, tmp, n);
    if (fd < 0) {
        diag_add(d, dest, 0, "cannot be written: %s", strerror(errno));
        free(tmp);
        return CAPTIONS_FILE_FAILED;
    }
    int rc = CAPTIONS_FILE_FAILED;
    if (!write_all(fd, text))
        diag_add(d, dest, 0, "cannot be written: %s", strerror(errno));
    else
        rc = name_it(tmp, dest, d);
    close(fd);
    unlink(tmp); /* the temporary name; the file stays under dest */
    free(tmp);
    if (rc == CAPTIONS_FILE_OK)
        fsutil_sync_parent(dest);
    return rc;
}

char *captions_file_read(const char *path, size_t *len, char *why, size_t n)
{
    *len = 0;
    int fd =
        open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
    if (fd < 0) {
        snprintf(why, n, "cannot be read: %s",
                 errno == ELOOP ? "it is a link" : strerror(errno));
        return NULL;
    }
    struct stat st;
    char *text = NULL;
    if (fstat(fd, &st) != 0)
        snprintf(why, n, "cannot be read: %s", strerror(errno));
    else if (!S_ISREG(st.st_mode))
        snprintf(why, n, "is not a regular file");
    else if (st.st_size > CAPTIONS_MAX_BYTES)
        snprintf(why, n, "is %lld KB; the limit for a captions file is %d KB",
                 (long long)(st.st_size + 1023) / 1024,
                 CAPTIONS_MAX_BYTES / 1024);
    else if (!(text = malloc((size_t)st.st_size + 1)))
        snprintf(why, n, "cannot be read: out of memory");
    /* A file cut shorter meanwhile gives what is left; one growing, no
     * more than its size when opened. */
    while (text && *len < (size_t)st.st_size) {
        ssize_t got = read(fd, text + *len, (size_t)st.st_size - *len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            snprintf(why, n, "cannot be read: %s", strerror(errno));
            free(text);
            text = NULL;
        }
        if (got <= 0)
            break;
        *len += (size_t)got;
    }
    close(fd);
    if (text)
        text[*len] = '\0';
    return text;
}
