/* sound_reader.c: the four decoders behind sound_reader.h, each reading
 * the same bytes, in memory or from a file: opusfile, vorbisfile,
 * libmpg123, libsndfile. */
#include "sound_reader.h"

#include "mp3_handle.h"

#include <errno.h>
#include <mpg123.h>
#include <opusfile.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vorbis/vorbisfile.h>

/* The file's bytes, in memory (buf) or read from a descriptor (fd >= 0:
 * only the decoder's own buffers hold any of it), and a read position,
 * for the three decoders. */
struct memfile {
    const unsigned char *buf;
    int fd;
    int64_t len, at;
};

static size_t mem_read(struct memfile *m, void *to, size_t n)
{
    int64_t left = m->len - m->at;
    if ((int64_t)n > left)
        n = (size_t)left;
    if (m->fd < 0) {
        memcpy(to, m->buf + m->at, n);
        m->at += (int64_t)n;
        return n;
    }
    size_t done = 0;
    while (done < n) {
        ssize_t got = read(m->fd, (char *)to + done, n - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; /* a file cut shorter meanwhile ends here */
        done += (size_t)got;
    }
    m->at += (int64_t)done;
    return done;
}

/* 0, or -1 when the position would leave the file. */
static int mem_seek(struct memfile *m, int64_t offset, int whence)
{
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->at : m->len;
    if (offset < -base || offset > m->len - base)
        return -1;
    if (m->fd >= 0 && lseek(m->fd, (off_t)(base + offset), SEEK_SET) < 0)
        return -1;
    m->at = base + offset;
    return 0;
}

struct reader {
    struct memfile m;
    OggOpusFile *opus;
    OggVorbis_File vorbis;
    bool vorbis_open;
    SNDFILE *sf;
    mpg123_handle *mp3;
};

/* What a decoder's error code means to the person who made the file, as
 * said after "cannot be decoded: ". */
static const char *ogg_problem(int code, bool opus)
{
    if (opus ? code == OP_HOLE : code == OV_HOLE)
        return "Ogg pages are missing or damaged";
    if (opus ? code == OP_EBADHEADER : code == OV_EBADHEADER)
        return "its stream headers are damaged";
    if (opus ? code == OP_EVERSION : code == OV_EVERSION)
        return "it uses a version of the format stillpoint cannot read";
    if (opus ? code == OP_EBADPACKET : code == OV_EBADPACKET)
        return "a packet is damaged";
    if (!opus && code == OV_ENOTVORBIS)
        return "it holds Ogg data that is neither Vorbis nor Opus audio";
    return "the stream is damaged";
}

/* ---- Ogg Opus: opusfile ------------------------------------------------ */

enum { OPUS_RATE = 48000 };

static int opus_read(void *user, unsigned char *to, int n)
{
    return n > 0 ? (int)mem_read(user, to, (size_t)n) : 0;
}

static int opus_seek(void *user, opus_int64 offset, int whence)
{
    return mem_seek(user, offset, whence);
}

static opus_int64 opus_tell(void *user)
{
    return ((struct memfile *)user)->at;
}

/* 1: opened; 0: not Opus; -1: Opus, but damaged (why says so). */
static int open_opus(struct sound_reader *r, struct reader *h, char *why,
                     size_t whylen)
{
    int err;
    static const OpusFileCallbacks io = {opus_read, opus_seek, opus_tell, NULL};
    h->opus = op_open_callbacks(&h->m, &io, NULL, 0, &err);
    if (!h->opus && err == OP_ENOTFORMAT)
        return 0;
    if (!h->opus) {
        snprintf(why, whylen, "%s (Opus)", ogg_problem(err, true));
        return -1;
    }
    r->channels = 2; /* read as stereo: links of a chain may differ */
    r->rate = OPUS_RATE;
    ogg_int64_t total = op_pcm_total(h->opus, -1);
    r->frames = total > 0 ? total : -1;
    return 1;
}

static long read_opus(struct reader *h, float *block, long frames, char *why,
                      size_t whylen)
{
    long total = 0;
    /* At most one packet (20 ms or so) comes at a time. */
    while (total < frames) {
        int got = op_read_float_stereo(h->opus, block + 2 * total,
                                       (int)(2 * (frames - total)));
        if (got < 0) {
            snprintf(why, whylen, "%s (Opus)", ogg_problem(got, true));
            return -1;
        }
        if (got == 0)
            break;
        total += got;
    }
    return total;
}

/* ---- Ogg Vorbis: vorbisfile, the reference decoder ---------------------- */

static size_t vorbis_read(void *to, size_t size, size_t n, void *user)
{
    return size ? mem_read(user, to, size * n) / size : 0;
}

static int vorbis_seek(void *user, ogg_int64_t offset, int whence)
{
    return mem_seek(user, offset, whence);
}

static long vorbis_tell(void *user)
{
    return (long)((struct memfile *)user)->at;
}

static bool open_vorbis(struct sound_reader *r, struct reader *h, char *why,
                        size_t whylen)
{
    ov_callbacks io = {vorbis_read, vorbis_seek, NULL, vorbis_tell};
    int err = ov_open_callbacks(&h->m, &h->vorbis, NULL, 0, io);
    if (err != 0) {
        snprintf(why, whylen, "%s (Vorbis)", ogg_problem(err, false));
        return false;
    }
    h->vorbis_open = true;
    vorbis_info *vi = ov_info(&h->vorbis, -1);
    r->channels = vi ? vi->channels : 0;
    r->rate = vi ? (int)vi->rate : 0;
    ogg_int64_t total = ov_pcm_total(&h->vorbis, -1);
    r->frames = total > 0 ? total : -1;
    return true;
}

static long read_vorbis(struct sound_reader *r, struct reader *h, float *block,
                        long frames, char *why, size_t whylen)
{
    long total = 0;
    while (total < frames) {
        float **pcm;
        int link;
        long got =
            ov_read_float(&h->vorbis, &pcm, (int)(frames - total), &link);
        if (got < 0) {
            snprintf(why, whylen, "%s (Vorbis)", ogg_problem((int)got, false));
            return -1;
        }
        if (got == 0)
            break;
        vorbis_info *vi = ov_info(&h->vorbis, link);
        if (!vi || vi->channels != r->channels || vi->rate != r->rate) {
            snprintf(why, whylen, "changes its channels or rate midway");
            return -1;
        }
        for (long i = 0; i < got; i++)
            for (int c = 0; c < r->channels; c++)
                block[(total + i) * r->channels + c] = pcm[c][i];
        total += got;
    }
    return total;
}

/* ---- WAV, FLAC, MP3: libsndfile ----------------------------------------- */

static sf_count_t io_length(void *user)
{
    return ((struct memfile *)user)->len;
}

static sf_count_t io_seek(sf_count_t offset, int whence, void *user)
{
    struct memfile *m = user;
    return mem_seek(m, offset, whence) == 0 ? m->at : -1;
}

static sf_count_t io_read(void *to, sf_count_t n, void *user)
{
    return n > 0 ? (sf_count_t)mem_read(user, to, (size_t)n) : 0;
}

static sf_count_t io_write(const void *from, sf_count_t n, void *user)
{
    (void)from, (void)n, (void)user;
    return 0; /* read only */
}

static sf_count_t io_tell(void *user)
{
    return ((struct memfile *)user)->at;
}

static bool open_sndfile(struct sound_reader *r, struct reader *h, char *why,
                         size_t whylen)
{
    SF_VIRTUAL_IO io = {io_length, io_seek, io_read, io_write, io_tell};
    SF_INFO info = {0};
    h->sf = sf_open_virtual(&io, SFM_READ, &info, &h->m);
    if (!h->sf) {
        snprintf(why, whylen, "%s", sf_strerror(NULL));
        return false;
    }
    r->channels = info.channels;
    r->rate = info.samplerate;
    r->frames = info.frames > 0 ? info.frames : -1;
    return true;
}

static long read_sndfile(struct reader *h, float *block, long frames, char *why,
                         size_t whylen)
{
    sf_count_t got = sf_readf_float(h->sf, block, frames);
    if (got > 0)
        return (long)got;
    if (sf_error(h->sf) != SF_ERR_NO_ERROR) {
        snprintf(why, whylen, "%s", sf_strerror(h->sf));
        return -1;
    }
    return 0;
}

/* ---- MP3: libmpg123 ---------------------------------------------------- */

static mpg123_ssize_t mp3_read(void *user, void *to, size_t n)
{
    return (mpg123_ssize_t)mem_read(user, to, n);
}

static off_t mp3_seek(void *user, off_t offset, int whence)
{
    struct memfile *m = user;
    return mem_seek(m, offset, whence) == 0 ? (off_t)m->at : -1;
}

static bool open_mp3(struct sound_reader *r, struct reader *h, char *why,
                     size_t whylen)
{
    long rate = 0;
    int channels = 0, enc = 0;
    h->mp3 = mp3_handle_new();
    if (!h->mp3 ||
        mpg123_replace_reader_handle(h->mp3, mp3_read, mp3_seek, NULL) !=
            MPG123_OK ||
        mpg123_open_handle(h->mp3, &h->m) != MPG123_OK ||
        mpg123_getformat(h->mp3, &rate, &channels, &enc) != MPG123_OK) {
        snprintf(why, whylen, "%s",
                 h->mp3 ? mpg123_strerror(h->mp3) : "out of memory");
        return false;
    }
    if (enc != MPG123_ENC_FLOAT_32) {
        snprintf(why, whylen, "libmpg123 gives no float samples");
        return false;
    }
    r->channels = channels;
    r->rate = (int)rate;
    r->frames = mp3_handle_declared(h->mp3);
    return true;
}

static long read_mp3(struct sound_reader *r, struct reader *h, float *block,
                     long frames, char *why, size_t whylen)
{
    size_t want = (size_t)frames * (size_t)r->channels * sizeof(float), got = 0;
    while (got < want) {
        size_t n = 0;
        int e =
            mpg123_read(h->mp3, (unsigned char *)block + got, want - got, &n);
        got += n;
        if (e == MPG123_DONE)
            break;
        if (e == MPG123_NEW_FORMAT) { /* never with no Frankenstein */
            snprintf(why, whylen, "its format changes midway");
            return -1;
        }
        if (e != MPG123_OK) {
            snprintf(why, whylen, "%s", mpg123_strerror(h->mp3));
            return -1;
        }
    }
    return (long)(got / ((size_t)r->channels * sizeof(float)));
}

/* An MP3 begins with an ID3v2 tag or a frame's sync word. */
static bool mp3_magic(const unsigned char *m, size_t got)
{
    return got >= 3 && (memcmp(m, "ID3", 3) == 0 ||
                        (m[0] == 0xFF && (m[1] & 0xE0) == 0xE0));
}

/* ---- the reader ---------------------------------------------------------- */

/* Opens the decoder that takes h->m's bytes. */
static bool open_any(struct sound_reader *r, struct reader *h, char *why,
                     size_t whylen)
{
    unsigned char magic[4] = {0};
    size_t got = mem_read(&h->m, magic, 4);
    if (mem_seek(&h->m, 0, SEEK_SET) != 0) {
        snprintf(why, whylen, "cannot be read again from its start");
        return false;
    }
    bool ok;
    if (got == 4 && memcmp(magic, "OggS", 4) == 0) {
        int opus = open_opus(r, h, why, whylen);
        /* Not Opus: Vorbis reads from the start again. */
        ok = opus > 0 || (opus == 0 && mem_seek(&h->m, 0, SEEK_SET) == 0 &&
                          open_vorbis(r, h, why, whylen));
    } else if (mp3_magic(magic, got)) {
        ok = open_mp3(r, h, why, whylen);
    } else {
        ok = open_sndfile(r, h, why, whylen);
    }
    /* sniff.h checked these; a decoder may read a header differently. */
    if (ok && (r->channels < 1 || r->channels > 8 || r->rate < 1)) {
        snprintf(why, whylen, "its header gives %d channels at %d Hz",
                 r->channels, r->rate);
        ok = false;
    }
    return ok;
}

static bool open_source(struct sound_reader *r, struct memfile m, char *why,
                        size_t whylen)
{
    *r = (struct sound_reader){0};
    struct reader *h = calloc(1, sizeof(*h));
    if (!h) {
        snprintf(why, whylen, "out of memory");
        return false;
    }
    h->m = m;
    r->impl = h;
    if (open_any(r, h, why, whylen))
        return true;
    sound_reader_close(r);
    return false;
}

bool sound_reader_open(struct sound_reader *r, const unsigned char *buf,
                       size_t len, char *why, size_t whylen)
{
    return open_source(
        r, (struct memfile){.buf = buf, .fd = -1, .len = (int64_t)len}, why,
        whylen);
}

bool sound_reader_open_fd(struct sound_reader *r, int fd, char *why,
                          size_t whylen)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "is not a regular file");
        return false;
    }
    if (lseek(fd, 0, SEEK_SET) < 0) {
        snprintf(why, whylen, "cannot be read: %s", strerror(errno));
        return false;
    }
    return open_source(r, (struct memfile){.fd = fd, .len = st.st_size}, why,
                       whylen);
}

long sound_reader_read(struct sound_reader *r, float *block, long frames,
                       char *why, size_t whylen)
{
    struct reader *h = r->impl;
    if (h->opus)
        return read_opus(h, block, frames, why, whylen);
    if (h->vorbis_open)
        return read_vorbis(r, h, block, frames, why, whylen);
    if (h->mp3)
        return read_mp3(r, h, block, frames, why, whylen);
    return read_sndfile(h, block, frames, why, whylen);
}

void sound_reader_close(struct sound_reader *r)
{
    struct reader *h = r->impl;
    if (!h)
        return;
    if (h->opus)
        op_free(h->opus);
    if (h->vorbis_open)
        ov_clear(&h->vorbis);
    if (h->sf)
        sf_close(h->sf);
    if (h->mp3) {
        mpg123_close(h->mp3);
        mpg123_delete(h->mp3);
    }
    free(h);
    r->impl = NULL;
}
