/* report_file.c: the report written privately and whole (see
 * report_file.h). */
#include "report_file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        text += n;
        len -= (size_t)n;
    }
    return true;
}

enum report_file_status report_file_write(const char *dest, const char *text,
                                          size_t len, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(dest, &st) == 0 && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: %s", dest,
                 S_ISLNK(st.st_mode) ? FSUTIL_LINK_REFUSED
                                     : "not a regular file; give a file name");
        return REPORT_FILE_REFUSED;
    }
    size_t n = strlen(dest) + 32;
    char *tmp = malloc(n);
    if (!tmp) {
        snprintf(err, errlen, "%s: out of memory", dest);
        return REPORT_FILE_FAILED;
    }
    int fd = fsutil_create_temp(dest, 0600, tmp, n);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot be written: %s", dest,
                 strerror(errno));
        free(tmp);
        return REPORT_FILE_FAILED;
    }
    /* 0600 whatever the umask: on the descriptor, never by name. */
    bool ok =
        fchmod(fd, 0600) == 0 && write_all(fd, text, len) && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        saved = errno;
        ok = false;
    }
    /* rename() replaces whatever is at dest, a link planted since the
     * look above included, and never writes where a link leads. */
    if (ok && rename(tmp, dest) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        unlink(tmp);
        snprintf(err, errlen, "%s: cannot be written: %s", dest,
                 strerror(saved));
    } else {
        fsutil_sync_parent(dest);
    }
    free(tmp);
    return ok ? REPORT_FILE_OK : REPORT_FILE_FAILED;
}
