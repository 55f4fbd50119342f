/* fsutil.c: making a file's folders and syncing a folder (see fsutil.h). */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

void fsutil_sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}
