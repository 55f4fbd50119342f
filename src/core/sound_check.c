/* sound_check.c: a sound file read and judged by its content and its
 * declared limits (see sound_check.h). */
#include "sound_check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void sound_check_length_text(char *buf, size_t n, double seconds)
{
    if (seconds < 59.95) {
        snprintf(buf, n, "%.1f s", seconds);
        return;
    }
    long s = (long)(seconds + 0.5);
    snprintf(buf, n, "%ld:%02ld", s / 60, s % 60);
}

/* Reads the whole file at path into *buf (free it). Opened without
 * blocking and checked on the open descriptor: a FIFO, a device or a
 * folder put in the file's place after the session was loaded is refused,
 * never waited on or read without end. At most SOUND_FILE_MAX_BYTES. */
static bool read_file(const char *path, unsigned char **buf, size_t *len,
                      char *why, size_t n)
{
    *buf = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        snprintf(why, n, "cannot be read: %s", strerror(errno));
        return false;
    }
    struct stat st;
    bool ok = false;
    if (fstat(fd, &st) != 0)
        snprintf(why, n, "cannot be read: %s", strerror(errno));
    else if (!S_ISREG(st.st_mode))
        snprintf(why, n, "is not a regular file");
    else if (st.st_size > SOUND_FILE_MAX_BYTES)
        snprintf(why, n, "is %lld MB; the limit for one sound file is %d MB",
                 (long long)((st.st_size + (1 << 20) - 1) >> 20),
                 SOUND_FILE_MAX_BYTES >> 20);
    else if (!(*buf = malloc((size_t)st.st_size + 1)))
        snprintf(why, n, "cannot be read: out of memory");
    else
        ok = true;
    /* A file cut shorter meanwhile gives what is left; one growing, no
     * more than its size when opened. */
    *len = 0;
    while (ok && *len < (size_t)st.st_size) {
        ssize_t got = read(fd, *buf + *len, (size_t)st.st_size - *len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            snprintf(why, n, "cannot be read: %s", strerror(errno));
            ok = false;
        }
        if (got <= 0)
            break;
        *len += (size_t)got;
    }
    close(fd);
    if (!ok) {
        free(*buf);
        *buf = NULL;
    }
    return ok;
}

/* The limits on what a file's headers declare, checked before decoding. */
static bool within_limits(const struct sniff_info *in, char *why, size_t n)
{
    char len[32];
    if (in->channels > SOUND_FILE_MAX_CHANNELS) {
        snprintf(why, n, "has %d channels; stillpoint plays at most %d",
                 in->channels, SOUND_FILE_MAX_CHANNELS);
        return false;
    }
    if (in->rate &&
        (in->rate < SOUND_FILE_MIN_RATE || in->rate > SOUND_FILE_MAX_RATE)) {
        snprintf(why, n,
                 "declares a sample rate of %ld Hz; stillpoint plays %d to "
                 "%d Hz",
                 in->rate, SOUND_FILE_MIN_RATE, SOUND_FILE_MAX_RATE);
        return false;
    }
    if (in->rate && in->frames > (int64_t)SOUND_FILE_MAX_SECONDS * in->rate) {
        sound_check_length_text(len, sizeof(len),
                                (double)in->frames / (double)in->rate);
        snprintf(why, n, "lasts %s; the limit for one sound file is %d:00", len,
                 SOUND_FILE_MAX_SECONDS / 60);
        return false;
    }
    return true;
}

bool sound_check_read(const char *path, const char *name, unsigned char **buf,
                      size_t *len, struct sniff_info *info, char *why, size_t n)
{
    if (read_file(path, buf, len, why, n) &&
        sniff_sound(name, *buf, *len, info, why, n) &&
        within_limits(info, why, n))
        return true;
    free(*buf);
    *buf = NULL;
    return false;
}

bool sound_check_file(const char *path, const char *name, char *why, size_t n)
{
    unsigned char *buf;
    size_t len;
    struct sniff_info info;
    bool ok = sound_check_read(path, name, &buf, &len, &info, why, n);
    free(buf);
    return ok;
}
