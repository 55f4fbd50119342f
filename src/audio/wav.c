/* wav.c: a streaming 16-bit PCM WAV writer. */
#include "wav.h"

#include "../core/fsutil.h"
#include "mix.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHUNK_FRAMES = 4096, IO_BUFFER = 1 << 20 };

struct wav_writer {
    FILE *f;
    char *path, *tmp; /* tmp NULL for stdout, a device or a FIFO */
    int channels;
    int64_t expected, written;
    int failed;
    int16_t buf[CHUNK_FRAMES * 8];
    char *iobuf;
};

static void put16(unsigned char *p, unsigned v)
{
    p[0] = v & 0xff;
    p[1] = (v >> 8) & 0xff;
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xffff);
    put16(p + 2, v >> 16);
}

static void free_writer(struct wav_writer *w)
{
    free(w->path);
    free(w->tmp);
    free(w->iobuf);
    free(w);
}

/* Opens path for w. Nothing is ever written through a symbolic link: a
 * link at path is refused, and the path itself is opened O_NOFOLLOW. A
 * device or a FIFO (/dev/null, a pipe to a player) is written to, never
 * replaced by a renamed file. Anything else (no file yet, or a regular
 * file) is written into a new file under a random name beside it
 * (fsutil_create_temp), renamed over path when complete. */
static bool open_output(struct wav_writer *w, const char *path, char *err,
                        size_t errlen)
{
    w->path = strdup(path);
    if (!w->path) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        snprintf(err, errlen, "%s: " FSUTIL_LINK_REFUSED, path);
        return false;
    }
    int fd = -1;
    if (exists && !S_ISREG(st.st_mode)) {
        /* Blocks, as a FIFO should, until a reader opens it. */
        fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            snprintf(err, errlen, "%s: %s", path,
                     errno == ELOOP ? FSUTIL_LINK_REFUSED : strerror(errno));
            return false;
        }
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            close(fd); /* swapped for a file meanwhile: replace it */
            fd = -1;
        }
    }
    if (fd < 0) {
        size_t n = strlen(path) + 32;
        w->tmp = malloc(n);
        w->iobuf = malloc(IO_BUFFER);
        if (!w->tmp || !w->iobuf) {
            snprintf(err, errlen, "out of memory");
            return false;
        }
        fd = fsutil_create_temp(path, 0666, w->tmp, n);
        if (fd < 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            free(w->tmp);
            w->tmp = NULL; /* nothing to remove */
            return false;
        }
    }
    w->f = fdopen(fd, "wb");
    if (!w->f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        if (w->tmp)
            unlink(w->tmp);
        return false;
    }
    if (w->iobuf)
        setvbuf(w->f, w->iobuf, _IOFBF, IO_BUFFER);
    return true;
}

struct wav_writer *wav_open(const char *path, int rate, int channels,
                            int64_t frames, char *err, size_t errlen)
{
    uint64_t data_bytes = (uint64_t)frames * (uint64_t)channels * 2;
    if (channels < 1 || channels > 8 || data_bytes > UINT32_MAX - 36) {
        snprintf(err, errlen, "%s: too long for a WAV file", path);
        return NULL;
    }
    struct wav_writer *w = calloc(1, sizeof(*w));
    if (!w) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->channels = channels;
    w->expected = frames;
    if (strcmp(path, "-") == 0) {
        w->f = stdout;
    } else if (!open_output(w, path, err, errlen)) {
        free_writer(w);
        return NULL;
    }
    unsigned char h[44];
    memcpy(h, "RIFF", 4);
    put32(h + 4, (uint32_t)(36 + data_bytes));
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);
    put16(h + 20, 1); /* PCM */
    put16(h + 22, (unsigned)channels);
    put32(h + 24, (uint32_t)rate);
    put32(h + 28, (uint32_t)(rate * channels * 2));
    put16(h + 32, (unsigned)(channels * 2));
    put16(h + 34, 16);
    memcpy(h + 36, "data", 4);
    put32(h + 40, (uint32_t)data_bytes);
    if (fwrite(h, sizeof(h), 1, w->f) != 1)
        w->failed = errno ? errno : EIO;
    return w;
}

int wav_write(struct wav_writer *w, const float *samples, size_t frames)
{
    size_t per_chunk = sizeof(w->buf) / sizeof(w->buf[0]) / (size_t)w->channels;
    while (frames > 0 && !w->failed) {
        size_t n = frames < per_chunk ? frames : per_chunk;
        size_t count = n * (size_t)w->channels;
        mix_to_s16(samples, w->buf, count);
        if (fwrite(w->buf, sizeof(int16_t), count, w->f) != count)
            w->failed = errno ? errno : EIO;
        samples += count;
        frames -= n;
        w->written += (int64_t)n;
    }
    return w->failed ? -1 : 0;
}

int wav_close(struct wav_writer *w, char *err, size_t errlen)
{
    const char *name = w->path ? w->path : "stdout";
    if (!w->failed && w->written != w->expected)
        w->failed = EINVAL;
    if (fflush(w->f) != 0 && !w->failed)
        w->failed = errno ? errno : EIO;
    if (w->f != stdout && fclose(w->f) != 0 && !w->failed)
        w->failed = errno ? errno : EIO;
    w->f = NULL;
    if (!w->failed && w->tmp && rename(w->tmp, w->path) != 0)
        w->failed = errno;
    int rc = 0;
    if (w->failed) {
        snprintf(err, errlen, "%s: %s", name,
                 w->failed == EINVAL ? "wrong number of frames written"
                                     : strerror(w->failed));
        if (w->tmp)
            remove(w->tmp);
        rc = -1;
    }
    free_writer(w);
    return rc;
}

void wav_abort(struct wav_writer *w)
{
    if (!w)
        return;
    if (w->f && w->f != stdout)
        fclose(w->f);
    if (w->tmp)
        remove(w->tmp);
    free_writer(w);
}
