/* fsutil.c: making a file's folders, new files under random names,
 * links refused, and syncing a folder (see fsutil.h). */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

enum { TEMP_LETTERS = 6, TEMP_TRIES = 100 };

bool fsutil_make_parents(const char *path, char *dir, size_t dirlen)
{
    size_t len = strlen(path);
    if (len >= dirlen) {
        if (dirlen > 0)
            dir[0] = '\0';
        errno = ENAMETOOLONG;
        return false;
    }
    memcpy(dir, path, len + 1);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return true;
    *slash = '\0';
    return fsutil_make_folders(dir);
}

bool fsutil_make_folders(char *dir)
{
    if (!dir[0])
        return true;
    for (char *p = dir + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return false;
        *p = c;
        if (c == '\0')
            return true;
    }
}

bool fsutil_is_link(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* n bytes from the kernel's random source; false (errno set) when
 * neither getrandom() nor /dev/urandom gives them. */
static bool random_bytes(unsigned char *buf, size_t n)
{
    ssize_t got;
    do
        got = getrandom(buf, n, 0);
    while (got < 0 && errno == EINTR);
    if (got == (ssize_t)n)
        return true;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    size_t have = 0;
    while (have < n) {
        got = read(fd, buf + have, n - have);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        have += (size_t)got;
    }
    close(fd);
    if (have < n && got == 0)
        errno = EIO;
    return have == n;
}

/* n letters and digits, each equally likely. */
static bool random_letters(char *out, size_t n)
{
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "abcdefghijklmnopqrstuvwxyz0123456789";
    enum { N_LETTERS = sizeof letters - 1, FAIR = 256 - 256 % N_LETTERS };
    unsigned char bytes[32];
    size_t i = 0;
    while (i < n) {
        if (!random_bytes(bytes, sizeof bytes))
            return false;
        for (size_t k = 0; k < sizeof bytes && i < n; k++)
            if (bytes[k] < FAIR) /* no letter more likely than another */
                out[i++] = letters[bytes[k] % N_LETTERS];
    }
    return true;
}

int fsutil_create_temp(const char *dest, mode_t mode, char *tmp, size_t tmplen)
{
    const char *slash = strrchr(dest, '/');
    int dirlen = slash ? (int)(slash - dest) + 1 : 0; /* with its '/' */
    int w = snprintf(tmp, tmplen, "%.*s.%s.%0*d", dirlen, dest, dest + dirlen,
                     TEMP_LETTERS, 0);
    if (w < 0 || (size_t)w >= tmplen) {
        if (tmplen > 0)
            tmp[0] = '\0';
        errno = ENAMETOOLONG;
        return -1;
    }
    char *x = tmp + w - TEMP_LETTERS;
    for (int i = 0; i < TEMP_TRIES; i++) {
        if (!random_letters(x, TEMP_LETTERS))
            return -1;
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                      mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1; /* errno: EEXIST */
}

void fsutil_sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

void fsutil_sync_parent(const char *path)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash) {
        fsutil_sync_folder(".");
        return;
    }
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= sizeof dir)
        return;
    memcpy(dir, path, len);
    dir[len] = '\0';
    fsutil_sync_folder(dir);
}
