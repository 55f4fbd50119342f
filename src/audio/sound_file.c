/* sound_file.c: one sound file read, checked and decoded within the
 * limits of sound_file.h; every refusal names the file and the line of the
 * session file that names it. */
#include "sound_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/sniff.h"
#include "decode_pcm.h"

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

/* Whether a file decoded to frames (at SOUND_RATE) stops well before the
 * length its header declares: then why says so. A FLAC file cut short
 * decodes up to the cut, or fails there; a whole one decodes to the
 * length it declares (libsoxr gives the length to the frame), give or
 * take a decoder that stops a block short. */
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
    sound_check_length_text(want, sizeof(want), (double)expect / SOUND_RATE);
    sound_check_length_text(got, sizeof(got), (double)frames / SOUND_RATE);
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
    if (sound_check_read(snd->path, snd->name, buf, len, info, why,
                         sizeof(why)))
        return true;
    diag_add(d, snd->source ? snd->source : "?", snd->line,
             "sound file '%s' %s", snd->name, why);
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
