/* speech_cache.c: synthesized lines on disk (see speech_cache.h). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "speech_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../core/fsutil.h"
#include "../core/sound_set.h" /* SOUND_RATE */

#define MAGIC "STPSPCH1"

/* The header of an entry, then the key's bytes, then the samples. */
struct header {
    char magic[8];
    uint32_t key_len;
    uint32_t channels; /* always 1 */
    int64_t frames;
    uint64_t checksum; /* FNV-1a of the samples' bytes */
};

/* The longest line an entry may hold: the session's own limit. */
static const int64_t MAX_FRAMES = (int64_t)4 * 3600 * SOUND_RATE;

static uint64_t fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static const uint64_t FNV_START = 0xcbf29ce484222325ull;

bool speech_cache_dir(char *dir, size_t n)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int w;
    if (xdg && xdg[0] == '/')
        w = snprintf(dir, n, "%s/stillpoint/speech", xdg);
    else if (home && home[0] == '/')
        w = snprintf(dir, n, "%s/.cache/stillpoint/speech", home);
    else
        return false;
    if (w < 0 || (size_t)w >= n || !fsutil_make_folders(dir))
        return false;
    struct stat st;
    return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
           access(dir, R_OK) == 0;
}

static bool entry_path(const char *dir, const char *key, char *out, size_t n)
{
    uint64_t h = fnv1a(FNV_START, key, strlen(key));
    int w = snprintf(out, n, "%s/%016llx.pcm", dir, (unsigned long long)h);
    return w > 0 && (size_t)w < n;
}

/* Reads (or, writing, writes) all n bytes, through interruptions. */
static bool all_of(int fd, void *buf, size_t n, bool writing)
{
    char *p = buf;
    while (n > 0) {
        ssize_t done = writing ? write(fd, p, n) : read(fd, p, n);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return false;
        p += done;
        n -= (size_t)done;
    }
    return true;
}

static bool read_all(int fd, void *buf, size_t n)
{
    return all_of(fd, buf, n, false);
}

static bool write_all(int fd, const void *buf, size_t n)
{
    return all_of(fd, (void *)buf, n, true);
}

/* Reads and checks the entry open on fd against key. */
static int16_t *read_entry(int fd, const char *key, int64_t *frames)
{
    struct stat st;
    struct header h;
    size_t key_len = strlen(key);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        !read_all(fd, &h, sizeof(h)) || memcmp(h.magic, MAGIC, 8) != 0 ||
        h.key_len != key_len || h.channels != 1 || h.frames <= 0 ||
        h.frames > MAX_FRAMES ||
        (uint64_t)st.st_size !=
            sizeof(h) + key_len + (uint64_t)h.frames * sizeof(int16_t))
        return NULL;
    char stored[SPEECH_CACHE_KEY_MAX];
    if (key_len > sizeof(stored) || !read_all(fd, stored, key_len) ||
        memcmp(stored, key, key_len) != 0)
        return NULL;
    size_t bytes = (size_t)h.frames * sizeof(int16_t);
    int16_t *pcm = malloc(bytes);
    if (!pcm || !read_all(fd, pcm, bytes) ||
        fnv1a(FNV_START, pcm, bytes) != h.checksum) {
        free(pcm);
        return NULL;
    }
    *frames = h.frames;
    return pcm;
}

bool speech_cache_load(const char *dir, const char *key, int16_t **pcm,
                       int64_t *frames)
{
    char path[4096];
    if (!dir || !entry_path(dir, key, path, sizeof(path)))
        return false;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    *pcm = read_entry(fd, key, frames);
    if (*pcm)
        futimens(fd, NULL); /* just used: the last to go */
    close(fd);
    if (!*pcm)
        unlink(path); /* damaged, or another key's: made again */
    return *pcm != NULL;
}

bool speech_cache_store(const char *dir, const char *key, const int16_t *pcm,
                        int64_t frames)
{
    char path[4096], tmp[4096 + 16];
    size_t key_len = strlen(key);
    if (!dir || key_len > SPEECH_CACHE_KEY_MAX || frames <= 0 ||
        frames > MAX_FRAMES || !entry_path(dir, key, path, sizeof(path)))
        return false;
    int fd = fsutil_create_temp(path, 0600, tmp, sizeof(tmp));
    if (fd < 0)
        return false;
    size_t bytes = (size_t)frames * sizeof(int16_t);
    struct header h = {.key_len = (uint32_t)key_len,
                       .channels = 1,
                       .frames = frames,
                       .checksum = fnv1a(FNV_START, pcm, bytes)};
    memcpy(h.magic, MAGIC, 8);
    bool ok = write_all(fd, &h, sizeof(h)) && write_all(fd, key, key_len) &&
              write_all(fd, pcm, bytes);
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok)
        unlink(tmp);
    return ok;
}

struct entry {
    char name[64];
    off_t size;
    time_t used;
};

static int oldest_first(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return (x->used > y->used) - (x->used < y->used);
}

void speech_cache_trim(const char *dir, uint64_t max_bytes, time_t keep_since)
{
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d)
        return;
    struct entry *list = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        struct stat st;
        if (strlen(e->d_name) >= sizeof(list->name) ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        if (e->d_name[0] == '.') {
            /* A temporary file: one an hour old belonged to a process
             * that died while writing it. */
            if (now - st.st_mtime > 3600)
                unlinkat(dirfd(d), e->d_name, 0);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            struct entry *more = realloc(list, cap * sizeof(*list));
            if (!more)
                break;
            list = more;
        }
        memcpy(list[n].name, e->d_name, strlen(e->d_name) + 1); /* fits */
        list[n].size = st.st_size;
        list[n].used = st.st_mtime;
        total += (uint64_t)st.st_size;
        n++;
    }
    if (total > max_bytes) {
        qsort(list, n, sizeof(*list), oldest_first);
        for (size_t i = 0; i < n && total > max_bytes; i++)
            if (list[i].used < keep_since &&
                unlinkat(dirfd(d), list[i].name, 0) == 0)
                total -= (uint64_t)list[i].size;
    }
    closedir(d);
    free(list);
}
