/* mp3_length.c: an MP3's length from its frame headers, by libmpg123
 * (see mp3_length.h). */
#include "mp3_length.h"

#include "mp3_handle.h"

#include <unistd.h>

/* A handle on fd, set up as decoding sets up its own. */
static mpg123_handle *open_handle(int fd)
{
    if (lseek(fd, 0, SEEK_SET) != 0)
        return NULL;
    mpg123_handle *mh = mp3_handle_new();
    if (mh && mpg123_open_fd(mh, fd) == MPG123_OK)
        return mh;
    if (mh)
        mpg123_delete(mh);
    return NULL;
}

static void close_handle(mpg123_handle *mh)
{
    if (mh) {
        mpg123_close(mh);
        mpg123_delete(mh);
    }
}

enum { HEAD_SAMPLES = 8192 }; /* past any encoder's delay (4095 + 529) */

struct count {
    long rate;
    int channels, spf;
    int64_t declared; /* by an Info frame (decoding stops there), or -1 */
    int64_t dropped;  /* samples gapless decoding drops at the start */
};

/* Bytes in a frame of output in encoding enc, or 0. */
static size_t frame_bytes(int enc, int channels)
{
    int size = mpg123_encsize(enc);
    return size > 0 && channels > 0 ? (size_t)size * (size_t)channels : 0;
}

/* Decodes the first frames: how many samples of them the decoder drops,
 * against what they hold. enc: the output's encoding. */
static bool decode_head(mpg123_handle *mh, struct count *c, int enc)
{
    int64_t in = 0, out = 0;
    size_t size = frame_bytes(enc, c->channels);
    while (in < HEAD_SAMPLES && size) {
        off_t num = 0;
        unsigned char *audio = NULL;
        size_t bytes = 0;
        int e = mpg123_decode_frame(mh, &num, &audio, &bytes);
        if (e == MPG123_NEW_FORMAT) { /* the frame comes next call */
            long rate = 0;
            int channels = 0;
            size = mpg123_getformat(mh, &rate, &channels, &enc) == MPG123_OK &&
                           rate == c->rate && channels == c->channels
                       ? frame_bytes(enc, channels)
                       : 0;
            continue;
        }
        if (e != MPG123_OK || num < 0)
            return false; /* a damaged or tiny file: decoding will say */
        in = ((int64_t)num + 1) * c->spf;
        out += (int64_t)(bytes / size);
    }
    c->dropped = in - out;
    return size && c->dropped >= 0;
}

/* Reads every frame after the head as the decoder would, decoding none:
 * the samples they all hold, or -1 when the decoder would fail on one or
 * the format changes midway. */
static int64_t read_rest(mpg123_handle *mh, const struct count *c)
{
    int e;
    while ((e = mpg123_framebyframe_next(mh)) == MPG123_OK)
        ;
    if (e != MPG123_DONE || mpg123_spf(mh) != c->spf)
        return -1;
    off_t frames = mpg123_framelength(mh); /* all read, at the end */
    return frames > 0 ? (int64_t)frames * c->spf : -1;
}

bool mp3_length_scan(int fd, struct mp3_length *len)
{
    mpg123_handle *mh = open_handle(fd);
    struct count c = {0};
    int enc = 0;
    /* As the decoder opens it: its format and the length it declares. */
    bool ok = mh &&
              mpg123_getformat(mh, &c.rate, &c.channels, &enc) == MPG123_OK &&
              c.rate > 0 && c.channels > 0;
    c.declared = ok ? mp3_handle_declared(mh) : -1;
    c.spf = ok ? mpg123_spf(mh) : 0;
    /* A short file is quickly decoded: the caller does (without an Info
     * frame the length is unknown: the head decides). */
    ok = ok && c.spf > 0 && (c.declared < 0 || c.declared > 2 * HEAD_SAMPLES) &&
         decode_head(mh, &c, enc);
    int64_t held = ok ? read_rest(mh, &c) : -1;
    ok = ok && held > c.dropped;
    if (ok) {
        /* What the frames hold less what the decoder drops at the start,
         * up to the end it trims to when an Info frame declares it (a
         * length declared without one is only a guess from the file's
         * size: decoding goes on to the last frame). */
        int64_t all = held - c.dropped;
        len->frames = c.declared >= 0 && c.declared < all ? c.declared : all;
        len->rate = c.rate;
        len->declared = c.declared;
    }
    close_handle(mh);
    return ok;
}
