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
    if (s >= 3600)
        snprintf(buf, n, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, n, "%ld:%02ld", s / 60, s % 60);
}

/* Opens path without blocking and checks on the descriptor that it is a
 * regular file of at most max bytes: the descriptor, or -1 with why
 * filled. */
static int open_regular(const char *path, long long max, const char *limit,
                        struct stat *st, char *why, size_t n)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        snprintf(why, n, "cannot be read: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0)
        snprintf(why, n, "cannot be read: %s", strerror(errno));
    else if (!S_ISREG(st->st_mode))
        snprintf(why, n, "is not a regular file");
    else if (st->st_size > max)
        snprintf(why, n, "is %lld MB; the limit for %s is %lld MB",
                 (long long)((st->st_size + (1 << 20) - 1) >> 20), limit,
                 max >> 20);
    else
        return fd;
    close(fd);
    return -1;
}

/* Reads the whole file at path into *buf (free it). Opened without
 * blocking and checked on the open descriptor: a FIFO, a device or a
 * folder put in the file's place after the session was loaded is refused,
 * never waited on or read without end. At most SOUND_FILE_MAX_BYTES. */
static bool read_file(const char *path, unsigned char **buf, size_t *len,
                      char *why, size_t n)
{
    *buf = NULL;
    *len = 0;
    struct stat st;
    int fd =
        open_regular(path, SOUND_FILE_MAX_BYTES, "one sound file", &st, why, n);
    if (fd < 0)
        return false;
    bool ok = true;
    if (!(*buf = malloc((size_t)st.st_size + 1))) {
        snprintf(why, n, "cannot be read: out of memory");
        ok = false;
    }
    /* A file cut shorter meanwhile gives what is left; one growing, no
     * more than its size when opened. */
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

/* The limits on what a file's headers declare, checked before decoding:
 * a sound file's, or with recording, a recording's. */
static bool within_limits(const struct sniff_info *in, bool recording,
                          char *why, size_t n)
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
    if (recording)
        return in->rate == 0 ||
               sound_check_recording_length(in->frames, in->rate, why, n);
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
        within_limits(info, false, why, n))
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

bool sound_check_recording_length(int64_t frames, long rate, char *why,
                                  size_t n)
{
    if (rate <= 0 || frames <= (int64_t)RECORDING_MAX_SECONDS * rate)
        return true;
    char len[32];
    sound_check_length_text(len, sizeof(len), (double)frames / (double)rate);
    snprintf(why, n, "lasts %s; the limit for a recording is %d:00:00", len,
             RECORDING_MAX_SECONDS / 3600);
    return false;
}

bool sound_check_recording(const char *path, const char *name,
                           struct sniff_info *info, char *why, size_t n)
{
    struct stat st;
    int fd =
        open_regular(path, RECORDING_MAX_BYTES, "a recording", &st, why, n);
    if (fd < 0)
        return false;
    static const size_t cap = RECORDING_HEAD_BYTES;
    unsigned char *head = malloc(cap);
    size_t len = 0;
    while (head && len < cap) {
        ssize_t got = read(fd, head + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    struct sniff_info own;
    if (!info)
        info = &own;
    bool ok = false;
    if (!head)
        snprintf(why, n, "cannot be read: out of memory");
    else
        ok = sniff_sound_head(name, head, len, (uint64_t)st.st_size, info, why,
                              n) &&
             within_limits(info, true, why, n);
    free(head);
    return ok;
}
