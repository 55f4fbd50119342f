/* sound_file.c: one sound file read, checked and decoded within the
 * limits of sound_file.h; every refusal names the file and the line of the
 * session file that names it. */
#include "sound_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode_pcm.h"
#include "sniff.h"

/* Gives the decoded samples to snd (d keeps none), a stereo sound whose
 * channels agree folded to mono in place. */
static void store(struct sound *snd, struct decoded *d)
{
    int16_t *pcm = d->pcm;
    bool mono = d->channels == 1;
    if (!mono) {
        mono = true;
        for (int64_t i = 0; i < d->frames && mono; i++)
            mono = pcm[2 * i] == pcm[2 * i + 1];
        if (mono) {
            for (int64_t i = 0; i < d->frames; i++)
                pcm[i] = pcm[2 * i];
            int16_t *less =
                realloc(pcm, (size_t)d->frames * sizeof(int16_t) + 1);
            if (less)
                pcm = less;
        }
    }
    free(snd->pcm);
    snd->pcm = pcm;
    snd->channels = mono ? 1 : 2;
    snd->frames = d->frames;
    *d = (struct decoded){0};
}

/* A length as people read it: "2.5 s" under a minute, else "M:SS". */
static void fmt_length(char *buf, size_t n, double seconds)
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
        fmt_length(len, sizeof(len), (double)in->frames / (double)in->rate);
        snprintf(why, n, "lasts %s; the limit for one sound file is %d:00", len,
                 SOUND_FILE_MAX_SECONDS / 60);
        return false;
    }
    return true;
}

/* Whether a file decoded to frames (at SOUND_RATE) stops well before the
 * length its header declares: then why says so. A FLAC file cut short
 * decodes up to the cut, or fails there; a whole one decodes to the
 * length it declares, give or take the resampler's filter and its drift
 * (SDL's resampler gives 3.4 frames a million fewer from 44.1 kHz:
 * 2028 frames short over ten minutes, measured). */
static bool cut_short(const struct sniff_info *in, int64_t frames, char *why,
                      size_t n)
{
    if (!in->exact || in->frames <= 0 || in->rate <= 0)
        return false;
    int64_t expect = in->frames * SOUND_RATE / in->rate;
    int64_t slack =
        1024 * SOUND_RATE / in->rate + SOUND_RATE / 100 + expect / 2000;
    if (frames + slack >= expect)
        return false;
    char want[32], got[32];
    fmt_length(want, sizeof(want), (double)expect / SOUND_RATE);
    fmt_length(got, sizeof(got), (double)frames / SOUND_RATE);
    snprintf(why, n, "is cut short: it should last %s but holds only %s", want,
             got);
    return true;
}

/* What the decoded length says about the file: cut short, empty, too
 * long. */
static bool decoded_ok(const struct sniff_info *in, int64_t frames, char *why,
                       size_t n)
{
    if (cut_short(in, frames, why, n))
        return false;
    if (frames == 0) {
        snprintf(why, n, "holds no sound");
        return false;
    }
    if (frames > (int64_t)SOUND_FILE_MAX_SECONDS * SOUND_RATE) {
        snprintf(why, n, "lasts over %d:00, the limit for one sound file",
                 SOUND_FILE_MAX_SECONDS / 60);
        return false;
    }
    return true;
}

/* Reads the file and checks it; false with the problem added to d. */
static bool load_checked(struct sound *snd, unsigned char **buf, size_t *len,
                         struct sniff_info *info, struct diag_list *d)
{
    char why[300];
    if (read_file(snd->path, buf, len, why, sizeof(why)) &&
        sniff_sound(snd->name, *buf, *len, info, why, sizeof(why)) &&
        within_limits(info, why, sizeof(why)))
        return true;
    diag_add(d, snd->source ? snd->source : "?", snd->line,
             "sound file '%s' %s", snd->name, why);
    free(*buf);
    *buf = NULL;
    return false;
}

/* Decodes the checked bytes of the file into snd; frees buf. */
static bool decode_checked(struct sound *snd, unsigned char *buf, size_t len,
                           const struct sniff_info *info, struct diag_list *d)
{
    char why[300], reason[256];
    struct decoded pcm;
    enum decode_pcm_status rc =
        decode_pcm(buf, len, (int64_t)SOUND_FILE_MAX_SECONDS * SOUND_RATE, &pcm,
                   reason, sizeof(reason));
    free(buf);
    bool ok = false;
    if (rc == DECODE_PCM_TOO_LONG)
        snprintf(why, sizeof(why),
                 "lasts over %d:00, the limit for one sound file",
                 SOUND_FILE_MAX_SECONDS / 60);
    else if (rc == DECODE_PCM_FAILED) {
        /* A file cut short may fail where it stops: said so when some of
         * it decoded. */
        if (!(pcm.frames > 0 && cut_short(info, pcm.frames, why, sizeof(why))))
            snprintf(why, sizeof(why), "cannot be decoded: %s", reason);
    } else
        ok = decoded_ok(info, pcm.frames, why, sizeof(why));
    const char *src = snd->source ? snd->source : "?";
    if (!ok)
        diag_add(d, src, snd->line, "sound file '%s' %s", snd->name, why);
    else
        store(snd, &pcm);
    if (rc == DECODE_PCM_OK)
        decode_pcm_free(&pcm);
    return ok;
}

bool sound_file_measure(struct sound *snd, struct diag_list *d)
{
    unsigned char *buf;
    size_t len;
    struct sniff_info info;
    if (!load_checked(snd, &buf, &len, &info, d))
        return false;
    if (info.exact && info.frames > 0 && info.rate > 0) {
        free(buf);
        snd->length = (info.frames * SOUND_RATE + info.rate / 2) / info.rate;
        return true;
    }
    /* No length to trust in the header (MP3, compressed WAV, a FLAC
     * that does not say): what it decodes to is its length. */
    if (!decode_checked(snd, buf, len, &info, d))
        return false;
    snd->length = snd->frames;
    return true;
}

bool sound_file_decode(struct sound *snd, struct diag_list *d)
{
    unsigned char *buf;
    size_t len;
    struct sniff_info info;
    return load_checked(snd, &buf, &len, &info, d) &&
           decode_checked(snd, buf, len, &info, d);
}
