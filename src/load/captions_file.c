/* captions_file.c: a captions file read within its limits (see
 * captions_file.h). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "captions_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/captions.h"

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
