/* test_mp3_length.c: an MP3's length counted from its frame headers
 * (mp3_length.h) is exactly the number of frames decoding it gives
 * through sound_reader.h (libmpg123), for MP3s sox makes at every rate
 * an MP3 has, mono and stereo, constant and variable bit rate, of odd
 * lengths; and for the MP3s people and attackers make of them: two glued
 * together, one cut short mid-frame, one with an ID3v2 tag in front, one
 * written to a pipe (no Info frame), one with garbage in its middle. So
 * measuring a recording no longer decodes it, and plays what it said. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/audio/mp3_length.h"
#include "../src/audio/sound_reader.h"
#include "../src/audio/stream.h"
#include "../src/core/pace.h"
#include "tmpdir.h"

static int setup(void **state)
{
    return tmpdir_setup(state, "mp3len", "x.mp3");
}

/* Runs a shell command (sox, cat, dd) that must succeed. */
static void run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    if (system(cmd) != 0)
        fail_msg("failed: %s", cmd);
}

/* The frames sound_reader gives, decoding it through, and its rate;
 * -1 when decoding fails part-way. */
static int64_t decoded_frames(const char *path, int *rate, int *channels)
{
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    struct sound_reader r;
    char why[256];
    if (!sound_reader_open_fd(&r, fd, why, sizeof(why)))
        fail_msg("%s: %s", path, why);
    static float block[4096 * 8];
    int64_t n = 0;
    long got;
    while ((got = sound_reader_read(&r, block, 4096, why, sizeof(why))) > 0)
        n += got;
    *rate = r.rate;
    *channels = r.channels;
    sound_reader_close(&r);
    close(fd);
    return got < 0 ? -1 : n;
}

/* Scans path: true with its frames and rate, false when libmpg123 could
 * not tell. */
static bool scanned(const char *path, int64_t *frames, long *rate)
{
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    struct mp3_length len = {0};
    bool ok = mp3_length_scan(fd, &len);
    close(fd);
    *frames = len.frames;
    *rate = len.rate;
    return ok;
}

/* The heart of it: the scan must be exact (must_scan: and must be had,
 * but for a file of a moment);
 * and stream_measure, which plays by it, agrees with a full decode, or
 * refuses the file as decoding it would. */
static void same_count(const char *path, bool must_scan, long want_rate,
                       int want_channels)
{
    int rate = 0, channels = 0;
    int64_t decoded = decoded_frames(path, &rate, &channels);
    int64_t frames = -1;
    long srate = 0;
    bool ok = scanned(path, &frames, &srate);
    /* A short one is decoded: it takes no time. */
    if (must_scan && decoded > 3 * 8192 && !ok)
        fail_msg("%s: libmpg123 could not count it", path);
    if (ok && (frames != decoded || srate != rate))
        fail_msg("%s: headers count %lld frames at %ld Hz, it decodes to "
                 "%lld at %d Hz",
                 path, (long long)frames, srate, (long long)decoded, rate);
    if (want_rate) {
        assert_int_equal(rate, want_rate);
        assert_int_equal(channels, want_channels);
    }
    char why[256];
    int64_t quick = 0, slow = 0;
    bool quick_ok =
             stream_measure(path, STREAM_LENGTH_MP3, &quick, why, sizeof(why)),
         slow_ok = stream_measure(path, STREAM_LENGTH_DECODED, &slow, why,
                                  sizeof(why));
    assert_int_equal(quick_ok, decoded >= 0);
    assert_int_equal(slow_ok, decoded >= 0);
    if (decoded >= 0) {
        assert_int_equal(quick, slow);
        assert_int_equal(slow, (decoded * SOUND_RATE + rate / 2) / rate);
    }
}

struct made {
    long rate;
    int channels;
    const char *quality; /* sox -C: kbit/s (CBR) or -V.q (VBR) */
    const char *length;  /* sox synth: seconds, or samples ending in s */
    const char *sound;
};

static const struct made kinds[] = {
    {44100, 2, "128", "3.3", "pinknoise"},
    {48000, 2, "-4.2", "7.777", "pinknoise"},
    {22050, 1, "-2", "5.01", "sine 300"},
    {22050, 2, "64", "0.001", "pinknoise"},
    {48000, 1, "96", "12345s", "sine 440"},
    {44100, 1, "-6.5", "20.0013", "pinknoise"},
    {32000, 2, "160", "2.5", "sine 200 sine 300"},
    {24000, 2, "-0.5", "4.321", "pinknoise"},
    {16000, 1, "32", "1.1", "sine 1000"},
    {11025, 1, "-4", "3.03", "pinknoise"},
    {8000, 2, "16", "2", "pinknoise"},
    {44100, 2, "320", "1151s", "pinknoise"},
    {44100, 2, "-9.99", "1153s", "pinknoise"},
};

static void make(const char *path, const struct made *m)
{
    run("sox -n -r %ld -c %d -C %s '%s' synth %s %s vol 0.3", m->rate,
        m->channels, m->quality, path, m->length, m->sound);
}

static void test_what_sox_makes(void **state)
{
    struct tmpdir *t = *state;
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        make(t->path, &kinds[i]);
        same_count(t->path, true, kinds[i].rate, kinds[i].channels);
    }
}

/* cat a.mp3 b.mp3: the decoder stops where the first's Info frame says
 * (libsndfile asks for no Frankenstein streams); the count must too. */
static void test_glued(void **state)
{
    struct tmpdir *t = *state;
    char a[160], b[160];
    snprintf(a, sizeof(a), "%s/a.mp3", t->dir);
    snprintf(b, sizeof(b), "%s/b.mp3", t->dir);
    make(a, &kinds[0]);
    make(b, &kinds[0]);
    run("cat '%s' '%s' > '%s'", a, b, t->path);
    same_count(t->path, false, 0, 0);
    make(b, &kinds[1]); /* another rate: a stream that changes midway */
    run("cat '%s' '%s' > '%s'", a, b, t->path);
    same_count(t->path, false, 0, 0);
    make(b, &kinds[2]); /* and VBR mono after CBR stereo */
    run("cat '%s' '%s' > '%s'", b, a, t->path);
    same_count(t->path, false, 0, 0);
}

/* Cut short: fewer frames than its Info frame announces, the last one
 * cut anywhere, even in the last frames, whose samples the encoder's
 * padding and the decoder's trimming decide. */
static void test_cut_short(void **state)
{
    struct tmpdir *t = *state;
    char a[160];
    snprintf(a, sizeof(a), "%s/a.mp3", t->dir);
    const size_t keep[] = {4000, 20001, 60007};
    const struct made *kind[] = {&kinds[1], &kinds[5], &kinds[0]};
    for (size_t k = 0; k < 3; k++) {
        make(a, kind[k]);
        for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
            run("head -c %zu '%s' > '%s'", keep[i], a, t->path);
            same_count(t->path, false, 0, 0);
        }
        for (int cut = 1; cut < 2400; cut += 239) {
            run("head -c -%d '%s' > '%s'", cut, a, t->path);
            same_count(t->path, false, 0, 0);
        }
    }
}

/* An ID3v2 tag (a title and 3000 bytes of padding) in front of the
 * frames. */
static void test_id3_in_front(void **state)
{
    struct tmpdir *t = *state;
    char a[160], tag[160];
    snprintf(a, sizeof(a), "%s/a.mp3", t->dir);
    snprintf(tag, sizeof(tag), "%s/tag", t->dir);
    static const unsigned char head[] = {
        'I', 'D', '3', 3,   0, 0, 0, 0, 0x17, 0x46, /* 3014 bytes */
        'T', 'I', 'T', '2', 0, 0, 0, 4, 0,    0,    0, 'S', 'e', 'a'};
    FILE *f = fopen(tag, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(head, 1, sizeof(head), f), sizeof(head));
    for (int i = 0; i < 3000; i++)
        fputc(0, f);
    fclose(f);
    for (size_t k = 0; k < 3; k++) {
        make(a, &kinds[k]);
        run("cat '%s' '%s' > '%s'", tag, a, t->path);
        same_count(t->path, true, kinds[k].rate, kinds[k].channels);
    }
}

/* Written to a pipe, lame cannot go back to fill in its Info frame: only
 * the frames themselves tell the length. */
static void test_no_info_frame(void **state)
{
    struct tmpdir *t = *state;
    for (size_t k = 0; k < 3; k++) {
        const struct made *m = &kinds[k];
        run("sox -n -r %ld -c %d -C %s -t mp3 - synth %s %s vol 0.3 "
            "| cat > '%s'",
            m->rate, m->channels, m->quality, m->length, m->sound, t->path);
        same_count(t->path, true, m->rate, m->channels);
        /* ...and all of it plays (libsndfile 1.2 stopped at a length
         * guessed from the file's size: 2.6 s of the 7.8 s VBR one). */
        int rate = 0, channels = 0;
        double heard = (double)decoded_frames(t->path, &rate, &channels) / rate;
        double made = atof(m->length);
        if (heard < made - 0.03 || heard > made + 0.1)
            fail_msg("%s: %.3f s made, %.3f s decoded", t->path, made, heard);
    }
}

/* Garbage over the middle of the file: both skip it alike. */
static void test_garbage_inside(void **state)
{
    struct tmpdir *t = *state;
    for (size_t k = 0; k < 3; k++) {
        make(t->path, &kinds[k == 2 ? 5 : k]);
        struct stat st;
        assert_int_equal(stat(t->path, &st), 0);
        run("head -c 9000 /dev/urandom | dd of='%s' bs=1 seek=%lld "
            "conv=notrunc status=none",
            t->path, (long long)st.st_size / 2);
        same_count(t->path, false, 0, 0);
    }
}

/* What is not MPEG audio at all: the scan says it cannot tell. */
static void test_not_mpeg(void **state)
{
    struct tmpdir *t = *state;
    FILE *f = fopen(t->path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 5000; i++)
        fputc((i * 7919) & 0x7f, f);
    fclose(f);
    int64_t frames = 0;
    long rate = 0;
    assert_false(scanned(t->path, &frames, &rate));
    f = fopen(t->path, "wb");
    assert_non_null(f);
    fclose(f);
    assert_false(scanned(t->path, &frames, &rate));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_what_sox_makes, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_glued, setup, tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_cut_short, setup, tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_id3_in_front, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_no_info_frame, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_garbage_inside, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_not_mpeg, setup, tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
