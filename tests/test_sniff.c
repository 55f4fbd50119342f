/* test_sniff.c: a sound file is judged by its bytes before any decoder
 * sees them: its real format whatever its name, a name that says another
 * format refused, and every header walked within the bytes, so a file cut
 * at any byte, or with a header that lies, is named for what it is and
 * never read past its end; a length is exact only where the header can
 * say it exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/sniff.h"

struct buf {
    unsigned char b[4096];
    size_t len;
};

static void put(struct buf *o, const void *p, size_t n)
{
    memcpy(o->b + o->len, p, n);
    o->len += n;
}

static void put_le(struct buf *o, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        o->b[o->len++] = (unsigned char)(v >> (8 * i));
}

/* A PCM WAV: 16-bit, its data chunk holding data_len bytes of zeros but
 * declaring declared bytes. */
static void wav(struct buf *o, uint32_t rate, int channels, uint32_t data_len,
                uint32_t declared)
{
    o->len = 0;
    put(o, "RIFF", 4);
    put_le(o, 36 + data_len, 4);
    put(o, "WAVEfmt ", 8);
    put_le(o, 16, 4);
    put_le(o, 1, 2);
    put_le(o, (uint64_t)channels, 2);
    put_le(o, rate, 4);
    put_le(o, rate * 2u * (uint32_t)channels, 4);
    put_le(o, 2u * (uint32_t)channels, 2);
    put_le(o, 16, 2);
    put(o, "data", 4);
    put_le(o, declared, 4);
    memset(o->b + o->len, 0, data_len);
    o->len += data_len;
}

/* One Ogg page with one packet of n bytes (n < 255). */
static void ogg_page(struct buf *o, int flags, int64_t granule,
                     const void *packet, size_t n)
{
    put(o, "OggS", 4);
    o->b[o->len++] = 0;
    o->b[o->len++] = (unsigned char)flags;
    put_le(o, (uint64_t)granule, 8);
    put_le(o, 0x1234, 4); /* serial */
    put_le(o, 0, 4);      /* sequence */
    put_le(o, 0, 4);      /* CRC: not checked here */
    o->b[o->len++] = 1;
    o->b[o->len++] = (unsigned char)n;
    put(o, packet, n);
}

/* An Ogg Vorbis file of three pages lasting `frames` at 44.1 kHz. */
static void ogg(struct buf *o, int64_t frames, bool eos)
{
    unsigned char id[30] = "\x01vorbis";
    id[11] = 2;                               /* channels */
    id[12] = 0x44, id[13] = 0xAC, id[14] = 0; /* 44100 */
    o->len = 0;
    ogg_page(o, 2, 0, id, sizeof(id));
    ogg_page(o, 0, -1, "\x03vorbis", 7);
    ogg_page(o, eos ? 4 : 0, frames, "\0\0\0\0", 4);
}

/* A FLAC header: STREAMINFO (rate, channels, total) then one padding
 * block, then a few bytes standing for the frames. */
static void flac(struct buf *o, uint32_t rate, int channels, uint64_t total)
{
    o->len = 0;
    put(o, "fLaC", 4);
    put(o, "\x00\x00\x00\x22", 4);
    unsigned char si[34] = {0x10, 0x00, 0x10, 0x00}; /* 4096-sample blocks */
    si[10] = (unsigned char)(rate >> 12);
    si[11] = (unsigned char)(rate >> 4);
    si[12] = (unsigned char)((rate & 0xF) << 4 | (channels - 1) << 1);
    si[13] = (unsigned char)(0xF0 | (total >> 32 & 0xF)); /* 16 bits */
    si[14] = (unsigned char)(total >> 24);
    si[15] = (unsigned char)(total >> 16);
    si[16] = (unsigned char)(total >> 8);
    si[17] = (unsigned char)total;
    put(o, si, sizeof(si));
    put(o, "\x81\x00\x00\x04\0\0\0\0", 8); /* last block: 4 bytes padding */
    put(o, "\xFF\xF8\x69\x08", 4);
}

static char why[300];

static bool check(const char *name, const struct buf *o, struct sniff_info *in)
{
    why[0] = '\0';
    return sniff_sound(name, o->b, o->len, in, why, sizeof(why));
}

static void refused(const char *name, const struct buf *o, const char *want)
{
    struct sniff_info in;
    assert_false(check(name, o, &in));
    assert_string_equal(why, want);
}

static void test_good_files_declare_their_length(void **state)
{
    (void)state;
    struct buf o;
    struct sniff_info in;
    wav(&o, 16000, 1, 3200, 3200);
    assert_true(check("a.wav", &o, &in));
    assert_int_equal(in.format, SNIFF_WAV);
    assert_int_equal(in.rate, 16000);
    assert_int_equal(in.channels, 1);
    assert_int_equal(in.frames, 1600);
    assert_true(in.exact);
    o.b[20] = 0x11; /* IMA ADPCM: the length is an upper bound */
    assert_true(check("a.wav", &o, &in));
    assert_false(in.exact);

    ogg(&o, 441000, true);
    assert_true(check("voice/b.ogg", &o, &in));
    assert_int_equal(in.format, SNIFF_OGG);
    assert_int_equal(in.rate, 44100);
    assert_int_equal(in.channels, 2);
    assert_int_equal(in.frames, 441000);
    assert_true(in.exact);

    flac(&o, 48000, 2, 0x123456789ULL);
    assert_true(check("c.FLAC", &o, &in));
    assert_int_equal(in.format, SNIFF_FLAC);
    assert_int_equal(in.rate, 48000);
    assert_int_equal(in.channels, 2);
    assert_int_equal(in.frames, 0x123456789LL);
    assert_true(in.exact);
    flac(&o, 8000, 1, 0); /* 0: the encoder did not know */
    assert_true(check("c.flac", &o, &in));
    assert_int_equal(in.frames, -1);
    assert_false(in.exact);

    o.len = 0;
    put(&o, "ID3\x04\0\0\0\0\0\0\0\0", 12);
    assert_true(check("d.mp3", &o, &in));
    assert_int_equal(in.format, SNIFF_MP3);
    assert_int_equal(in.frames, -1);
    assert_false(in.exact);
}

/* The content decides; a known extension must agree, another or none
 * says nothing. */
static void test_names_and_contents(void **state)
{
    (void)state;
    struct buf o;
    struct sniff_info in;
    wav(&o, 16000, 1, 100, 100);
    refused("bell.ogg", &o, "holds WAV audio, not Ogg: name it .wav");
    refused("bell.mp3", &o, "holds WAV audio, not MP3: name it .wav");
    assert_true(check("bell", &o, &in));
    assert_true(check("bell.snd", &o, &in));
    assert_true(check("bell.WAV", &o, &in));
    assert_true(check("v.1/bell", &o, &in)); /* a dot in the folder */

    o.len = 0;
    put(&o, "\xFF\xFB\x90\x64\0\0\0\0\0\0\0\0", 12);
    refused("x.ogg", &o, "holds MP3 audio, not Ogg: name it .mp3");
    ogg(&o, 100, true);
    refused("x.flac", &o, "holds Ogg audio, not FLAC: name it .ogg");
    assert_true(check("x.opus", &o, &in));
    assert_true(check("x.oga", &o, &in));

    const char *const strangers[] = {
        "MThd\0\0\0\6\0\0\0\1", /* MIDI: would reach a synthesizer */
        "Extended Module:",     /* XM: would reach a tracker */
        "RIFF\0\0\0\0AVI LIST", /* RIFF, but not WAVE */
        "FORM\0\0\0\0AIFF",     /* AIFF: not one of ours */
        "<html><body>",
    };
    for (size_t i = 0; i < sizeof(strangers) / sizeof(*strangers); i++) {
        o.len = 0;
        put(&o, strangers[i], 12);
        refused("x.ogg", &o,
                "holds no sound stillpoint can play (Ogg Vorbis or Opus, "
                "FLAC, WAV or MP3)");
    }
    o.len = 0;
    refused("x.ogg", &o, "is empty");
}

static void test_wav_headers(void **state)
{
    (void)state;
    struct buf o;
    struct sniff_info in;
    wav(&o, 16000, 1, 1000, 0xFFFFFFF0u);
    refused("a.wav", &o,
            "is cut short: its header declares 4294967280 bytes of sound but "
            "the file holds 1000");
    wav(&o, 16000, 1, 1000, 1001);
    refused("a.wav", &o,
            "is cut short: its header declares 1001 bytes of sound but the "
            "file holds 1000");
    wav(&o, 16000, 1, 0, 0);
    o.len = 36; /* no data chunk */
    refused("a.wav", &o,
            "is cut short: it ends after 36 bytes; its header declares 44");
    o.b[4] = 28; /* ... as its RIFF header says */
    refused("a.wav", &o, "holds no sound: it has no data chunk");
    o.len = 40; /* half a chunk header */
    refused("a.wav", &o, "is cut short: it ends inside a chunk header");
    wav(&o, 16000, 0, 100, 100);
    refused("a.wav", &o,
            "is damaged: its format chunk declares 0 channels, 16 bits and "
            "0-byte blocks");
    /* An absurd rate or channel count is reported, for decode.c to judge. */
    wav(&o, 1, 200, 100, 100);
    assert_true(check("a.wav", &o, &in));
    assert_int_equal(in.rate, 1);
    assert_int_equal(in.channels, 200);
    /* A chunk before fmt that claims more than the file. */
    o.len = 0;
    put(&o, "RIFF\0\0\0\0WAVELIST\xff\xff\xff\x7f", 20);
    refused("a.wav", &o,
            "is cut short: its 'LIST' chunk declares 2147483647 bytes but the "
            "file holds 0");
    o.len = 0;
    put(&o, "RIFF\0\0\0\0WAVE", 12);
    refused("a.wav", &o, "is damaged: it has no format (fmt) chunk");
}

static void test_ogg_pages(void **state)
{
    (void)state;
    struct buf o;
    ogg(&o, 1000, false);
    refused("a.ogg", &o,
            "is cut short: its Ogg stream stops before its last page");
    ogg(&o, 1000, true);
    o.b[58] = 'X'; /* the second page's capture pattern */
    refused("a.ogg", &o, "is damaged: no Ogg page at byte 58");
    ogg(&o, 1000, true);
    struct buf other = o;
    memcpy(other.b + 28, "\x01speex\0", 7);
    refused("a.ogg", &other,
            "holds Ogg data that is neither Vorbis nor Opus audio");
    /* Bytes after the stream's end are left alone. */
    put(&o, "TAG", 3);
    struct sniff_info in;
    assert_true(check("a.ogg", &o, &in));
}

static void test_flac_blocks(void **state)
{
    (void)state;
    struct buf o;
    flac(&o, 44100, 2, 1000);
    o.b[4] = 4; /* the first block is a comment */
    refused("a.flac", &o,
            "is damaged: its FLAC header does not start with the stream "
            "information");
    flac(&o, 44100, 2, 1000);
    o.b[4 + 4 + 34 + 1] = 0x10; /* padding of a megabyte */
    refused("a.flac", &o, "is cut short: it ends in its FLAC header");
}

/* Every prefix of every good file is refused or accepted without reading
 * past its end (ASan watches): a file cut at any byte. */
static void test_every_cut(void **state)
{
    (void)state;
    struct buf files[4];
    wav(&files[0], 16000, 1, 64, 64);
    ogg(&files[1], 1000, true);
    flac(&files[2], 44100, 2, 1000);
    files[3].len = 0;
    put(&files[3], "ID3\x04\0\0\0\0\0\0\0\0\0\0", 14);
    const char *names[] = {"a.wav", "a.ogg", "a.flac", "a.mp3"};
    for (int f = 0; f < 4; f++)
        for (size_t cut = 0; cut < files[f].len; cut++) {
            unsigned char *copy = malloc(cut ? cut : 1);
            memcpy(copy, files[f].b, cut);
            struct sniff_info in;
            bool ok = sniff_sound(names[f], copy, cut, &in, why, sizeof(why));
            free(copy);
            /* A WAV or Ogg file cut anywhere is refused; a FLAC or MP3
             * cut in its frames is found out by decoding. */
            if (f < 2 || cut < 12)
                assert_false(ok);
            if (!ok && cut > 0)
                assert_true(strstr(why, "cut short") != NULL);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_files_declare_their_length),
        cmocka_unit_test(test_names_and_contents),
        cmocka_unit_test(test_wav_headers),
        cmocka_unit_test(test_ogg_pages),
        cmocka_unit_test(test_flac_blocks),
        cmocka_unit_test(test_every_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
