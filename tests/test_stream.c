/* test_stream.c: a recording streamed from its file gives the very
 * samples decoding it whole gives (every format, filled by the render
 * loop or by the worker), stops at its planned length, and a reader that
 * finds the ring empty hears silence, counts an underrun and then skips
 * what it missed, so the recording keeps to the clock. A file damaged
 * midway, or cut since it was measured, fails there: told once, where
 * and why, silence after. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sndfile.h>

#include "../src/audio/decode_pcm.h"
#include "../src/audio/stream.h"
#include "../src/core/pace.h"
#include "tmpdir.h"

static int setup(void **state)
{
    return tmpdir_setup(state, "stream", "long.wav");
}

/* Writes seconds of a stereo 44.1 kHz sweep (left and right differ) to
 * path. */
static void write_wav(const char *path, int seconds)
{
    SF_INFO info = {.samplerate = 44100,
                    .channels = 2,
                    .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    assert_non_null(f);
    static float block[4410 * 2];
    for (int b = 0; b < seconds * 10; b++) {
        for (int i = 0; i < 4410; i++) {
            double t = (b * 4410 + i) / 44100.0;
            block[2 * i] = (float)(0.4 * sin(2 * 3.14159 * (200 + 30 * t) * t));
            block[2 * i + 1] = (float)(0.3 * sin(2 * 3.14159 * 555 * t));
        }
        assert_int_equal(sf_writef_float(f, block, 4410), 4410);
    }
    sf_close(f);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(*len);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, *len, f), *len);
    fclose(f);
    return buf;
}

/* Reads the stream out in odd-sized pieces into a buffer of frames;
 * fill: by this thread (as --render does), else its worker. */
static int16_t *read_all(struct stream *s, int64_t frames, bool fill)
{
    int ch = stream_channels(s);
    int16_t *out = calloc((size_t)(frames + 1) * (size_t)ch, sizeof(int16_t));
    assert_non_null(out);
    int64_t at = 0;
    while (at < frames) {
        size_t n = 1000 + (size_t)(at % 777);
        if ((int64_t)n > frames - at)
            n = (size_t)(frames - at);
        if (fill)
            stream_fill(s);
        else /* the worker keeps ahead of a reader at a few times real
                time */
            nanosleep(&(struct timespec){0, 8000000}, NULL);
        stream_read(s, out + at * ch, n);
        at += (int64_t)n;
    }
    return out;
}

static void same_as_whole(const char *path, bool fill)
{
    size_t len;
    unsigned char *bytes = slurp(path, &len);
    struct decoded d;
    char why[256] = "";
    assert_int_equal(
        decode_pcm(bytes, len, 20 * 60 * SOUND_RATE, &d, why, sizeof(why)),
        DECODE_PCM_OK);
    int64_t frames = 0;
    assert_true(
        stream_measure(path, STREAM_LENGTH_DECODED, &frames, why, sizeof(why)));
    assert_int_equal(frames, d.frames);
    struct stream *s = stream_open(path, frames, why, sizeof(why));
    assert_non_null(s);
    assert_int_equal(stream_channels(s), d.channels);
    if (!fill)
        assert_true(stream_start(s));
    int16_t *got = read_all(s, frames, fill);
    for (int64_t i = 0; i < frames * d.channels; i++)
        if (got[i] != d.pcm[i])
            fail_msg("%s: sample %lld is %d, decoded whole %d", path,
                     (long long)i, got[i], d.pcm[i]);
    if (fill)
        assert_int_equal(stream_underruns(s), 0);
    stream_close(s);
    free(got);
    decode_pcm_free(&d);
    free(bytes);
}

static void test_wav_same_as_whole(void **state)
{
    struct tmpdir *t = *state;
    write_wav(t->path, 30);
    same_as_whole(t->path, true);
    write_wav(t->path, 5);
    same_as_whole(t->path, false);
}

/* Every format, read from its descriptor (Opus and Vorbis through their
 * own callbacks, the rest through libsndfile's). */
static void test_formats(void **state)
{
    (void)state;
    const char *names[] = {"tone.wav", "tone.ogg", "tone.flac", "tone.opus",
                           "tone.mp3"};
    const char *dir = getenv("TEST_DATA");
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/sounds/%s", dir ? dir : "tests/data",
                 names[i]);
        same_as_whole(path, true);
    }
}

/* The planned length is the end, even when the file is longer. */
static void test_stops_at_length(void **state)
{
    struct tmpdir *t = *state;
    write_wav(t->path, 3);
    char why[256];
    struct stream *s = stream_open(t->path, SOUND_RATE, why, sizeof(why));
    assert_non_null(s);
    static int16_t out[2 * SOUND_RATE * 2];
    stream_fill(s);
    assert_int_equal(stream_read(s, out, 2 * SOUND_RATE), SOUND_RATE);
    assert_int_equal(stream_underruns(s), 0); /* the end is no underrun */
    stream_close(s);
}

/* An empty ring: silence now, counted; the frames missed are skipped
 * when they come, so what follows is where the clock is. */
static void test_underrun_keeps_time(void **state)
{
    struct tmpdir *t = *state;
    write_wav(t->path, 3);
    char why[256];
    int64_t frames = 0;
    assert_true(stream_measure(t->path, STREAM_LENGTH_DECLARED, &frames, why,
                               sizeof(why)));
    struct stream *a = stream_open(t->path, frames, why, sizeof(why));
    struct stream *b = stream_open(t->path, frames, why, sizeof(why));
    assert_non_null(a);
    assert_non_null(b);
    static int16_t x[4800 * 2], y[4800 * 2];
    memset(x, 1, sizeof(x));
    assert_int_equal(stream_read(a, x, 4800), 0);
    for (size_t i = 0; i < 4800 * 2; i++)
        assert_int_equal(x[i], 0);
    assert_int_equal(stream_underruns(a), 1);
    stream_fill(a);
    stream_fill(b);
    assert_int_equal(stream_read(b, y, 4800), 4800); /* b heard these */
    assert_int_equal(stream_read(a, x, 4800), 4800);
    assert_int_equal(stream_read(b, y, 4800), 4800);
    assert_memory_equal(x, y, sizeof(x)); /* both at 0.1 s to 0.2 s */
    stream_close(a);
    stream_close(b);
}

/* Reads the stream through, a second at a time, filled as --render does. */
static void play_through(struct stream *s, int64_t frames)
{
    static int16_t out[SOUND_RATE * 2];
    for (int64_t at = 0; at < frames; at += SOUND_RATE) {
        stream_fill(s);
        stream_read(s, out, SOUND_RATE);
    }
}

/* A recording damaged in its middle passes every check before the session
 * (its length is what its header declares) and fails where the damage is:
 * the stream says so once, with where and why, and plays silence on. */
static void test_damaged_told_once(void **state)
{
    struct tmpdir *t = *state;
    char path[160], cmd[1024];
    snprintf(path, sizeof(path), "%s/damaged.ogg", t->dir);
    snprintf(cmd, sizeof(cmd),
             "sox -n -r 44100 -c 2 '%s' synth 60 sine 300 vol 0.3 && "
             "head -c 3000 /dev/zero | tr '\\0' x | dd of='%s' bs=1 "
             "seek=$(( $(stat -c %%s '%s') / 2 )) conv=notrunc status=none",
             path, path, path);
    assert_int_equal(system(cmd), 0);
    char why[256] = "";
    int64_t frames = 0, at = -1;
    assert_true(stream_measure(path, STREAM_LENGTH_DECLARED, &frames, why,
                               sizeof(why)));
    assert_int_equal(frames, 60 * SOUND_RATE);
    struct stream *s = stream_open(path, frames, why, sizeof(why));
    assert_non_null(s);
    assert_false(stream_failure(s, &at, why, sizeof(why)));
    play_through(s, frames);
    assert_true(stream_failure(s, &at, why, sizeof(why)));
    assert_string_equal(why, "Ogg pages are missing or damaged (Vorbis)");
    /* The damage is half way through the bytes: 20 to 40 s in. */
    if (at < 20 * SOUND_RATE || at > 40 * SOUND_RATE)
        fail_msg("failed %lld frames in", (long long)at);
    assert_false(stream_failure(s, &at, why, sizeof(why))); /* told once */
    static int16_t out[4800 * 2];
    memset(out, 1, sizeof(out));
    assert_int_equal(stream_read(s, out, 4800), 0);
    assert_int_equal(out[0], 0);
    stream_close(s);
}

/* A file cut after it was measured (a card pulled out, a copy still under
 * way) ends short of its length: that is a failure too, told where. */
static void test_cut_since_measured(void **state)
{
    struct tmpdir *t = *state;
    write_wav(t->path, 4);
    char why[256] = "";
    int64_t frames = 0, at = -1;
    assert_true(stream_measure(t->path, STREAM_LENGTH_DECLARED, &frames, why,
                               sizeof(why)));
    struct stream *s = stream_open(t->path, frames, why, sizeof(why));
    assert_non_null(s);
    assert_int_equal(truncate(t->path, 44 + 44100 * 4 * 3 / 2), 0); /* 1.5 s */
    play_through(s, frames);
    assert_true(stream_failure(s, &at, why, sizeof(why)));
    assert_string_equal(
        why,
        "the file ends there, short of the 4.0 s measured before it played");
    if (at < 3 * SOUND_RATE / 2 - 100 || at > 3 * SOUND_RATE / 2 + 100)
        fail_msg("failed %lld frames in", (long long)at);
    stream_close(s);
    /* Whole, it ends where it was measured to: no failure. */
    write_wav(t->path, 4);
    s = stream_open(t->path, frames, why, sizeof(why));
    assert_non_null(s);
    play_through(s, frames + SOUND_RATE);
    assert_false(stream_failure(s, &at, why, sizeof(why)));
    stream_close(s);
}

static void test_refusals(void **state)
{
    struct tmpdir *t = *state;
    char why[256] = "";
    FILE *f = fopen(t->path, "wb");
    assert_non_null(f);
    fputs("not a sound at all, just text", f);
    fclose(f);
    assert_null(stream_open(t->path, 100, why, sizeof(why)));
    assert_non_null(strstr(why, "cannot be decoded"));
    assert_null(stream_open(t->dir, 100, why, sizeof(why)));
    assert_non_null(strstr(why, "not a regular file"));
    int64_t n;
    assert_false(stream_measure("/nonexistent.wav", STREAM_LENGTH_DECLARED, &n,
                                why, sizeof(why)));
    assert_non_null(strstr(why, "cannot be read"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_wav_same_as_whole, setup,
                                        tmpdir_teardown),
        cmocka_unit_test(test_formats),
        cmocka_unit_test_setup_teardown(test_stops_at_length, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_underrun_keeps_time, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_told_once, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_cut_since_measured, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_refusals, setup, tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
