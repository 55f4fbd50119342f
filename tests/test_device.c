/* test_device.c: live playback through SDL_mixer (on SDL's disk driver,
 * which captures what the device would play) puts every cue on exactly
 * the sample the player clock gives it, as --render does, and a pause
 * reaches silence within the fade. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../src/audio/decode.h"
#include "../src/audio/device.h"
#include "../src/audio/engine.h"
#include "../src/audio/live.h"
#include "../src/audio/synth.h"

static const struct safety_profile profile = {.type = "breathing"};
static struct step steps[] = {
    {.kind = STEP_BREATHE, .pattern = {1.0, 0.5, 1.25, 0.25}, .cycles = 3},
};

static void nap(void)
{
    struct timespec ts = {0, 2 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

static int16_t *read_capture(const char *path, size_t *frames)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    int16_t *pcm = malloc((size_t)bytes);
    assert_int_equal(fread(pcm, 1, (size_t)bytes, f), (size_t)bytes);
    fclose(f);
    *frames = (size_t)bytes / 4;
    return pcm;
}

/* Opens the device on SDL's disk driver, capturing into a new temporary
 * file named in path; realtime keeps the pace of a sound card. */
static void open_capture(char *path, bool realtime)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", path, 1);
    if (realtime)
        unsetenv("SDL_DISKAUDIODELAY");
    else
        setenv("SDL_DISKAUDIODELAY", "0", 1);
    bool silent;
    char err[256];
    assert_true(device_open(&silent, err, sizeof(err)));
    assert_false(silent);
}

/* Readies the session's sounds through the device's decoders. */
static void collect(const struct session *s, struct sound_set *set)
{
    struct timeline_options o = {.no_voice = true}; /* cue tones only */
    sound_set_init(set);
    assert_true(sound_set_collect(set, s, &o));
    struct diag_list d;
    diag_init(&d);
    assert_true(decode_sound_set(set, &d, NULL));
}

static void test_live_onsets(void **state)
{
    (void)state;
    char path[] = "/tmp/stillpoint-disk-XXXXXX";
    open_capture(path, false);
    struct session s = {
        .name = "d", .steps = steps, .n_steps = 1, .safety = &profile};
    struct timeline_options o = {.no_voice = true}; /* cue tones only */
    struct sound_set set;
    collect(&s, &set);
    struct timeline t;
    assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
    /* The chain the window plays a session through. */
    static const struct live_volumes full = {1, 1, 1, 1};
    struct live *l = live_new(&t, &set, &full);
    assert_non_null(l);
    live_play(l);
    struct engine_snapshot snap;
    do {
        nap();
        live_snapshot(l, &snap);
    } while (snap.state != PLAYER_FINISHED);
    live_free(l);
    device_close();

    size_t frames;
    int16_t *pcm = read_capture(path, &frames);
    /* The same session rendered offline. */
    struct player *p2 = player_new(&t);
    struct mixer *m2 = mix_new(&set, p2);
    size_t total = (size_t)t.total_frames;
    float *ref = malloc(total * 2 * sizeof(float));
    int16_t *ref16 = malloc(total * 2 * sizeof(int16_t));
    mix_render(m2, ref, total);
    mix_to_s16(ref, ref16, total * 2);
    /* Frames the device played before the session started: align the
     * first sound of both. */
    size_t cap_first = 0, ref_first = 0;
    while (cap_first < frames && pcm[2 * cap_first] == 0)
        cap_first++;
    while (ref_first < total && ref16[2 * ref_first] == 0)
        ref_first++;
    assert_true(ref_first < total && cap_first >= ref_first);
    size_t lead = cap_first - ref_first;
    assert_true(frames >= lead + total);
    /* The live capture is the render, sample for sample, so every cue
     * sounds on its exact frame of the player clock. */
    assert_memory_equal(pcm + 2 * lead, ref16, total * 2 * sizeof(int16_t));
    free(ref);
    free(ref16);
    free(pcm);
    mix_free(m2);
    player_free(p2);
    timeline_free(&t);
    sound_set_free(&set);
    unlink(path);
}

/* Stop while a sound plays, in real time: the captured sound falls silent
 * within the buffers already on their way plus the stop fade. */
static void test_stop_latency(void **state)
{
    (void)state;
    char path[] = "/tmp/stillpoint-stop-XXXXXX";
    open_capture(path, true);
    static struct step one[] = {
        {.kind = STEP_BREATHE, .pattern = {4, 0, 4, 0}, .cycles = 1},
    };
    struct session s = {
        .name = "s", .steps = one, .n_steps = 1, .safety = &profile};
    struct timeline_options o = {.no_voice = true}; /* cue tones only */
    struct sound_set set;
    collect(&s, &set);
    /* The inhale cue becomes a steady 4-second level: sounding, and
     * nonzero from its very first sample. */
    struct sound *in = &set.items[sound_set_find_synth(&set, SYNTH_INHALE)];
    free(in->pcm);
    in->frames = 4 * SOUND_RATE;
    in->channels = 1;
    in->pcm = malloc((size_t)in->frames * sizeof(int16_t));
    for (int64_t i = 0; i < in->frames; i++)
        in->pcm[i] = 8000;
    struct timeline t;
    assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
    int64_t inhale = t.cues[1].frame;
    static const struct live_volumes full = {1, 1, 1, 1};
    struct live *l = live_new(&t, &set, &full);
    assert_non_null(l);
    live_play(l);
    struct engine_snapshot snap;
    do {
        nap();
        live_snapshot(l, &snap);
    } while (snap.position < inhale + SOUND_RATE / 2);
    uint64_t sent_at = snap.frames_out;
    live_send(l, ENGINE_STOP, 0);
    do {
        nap();
        live_snapshot(l, &snap);
    } while (snap.state != PLAYER_STOPPED);
    for (int i = 0; i < 20; i++)
        nap();
    live_free(l);
    device_close();

    size_t frames;
    int16_t *pcm = read_capture(path, &frames);
    size_t first = 0, last = 0;
    while (first < frames && pcm[2 * first] == 0)
        first++;
    for (size_t i = first; i < frames; i++)
        if (pcm[2 * i] != 0)
            last = i;
    /* Device frame of engine frame 0: the sound starts on the inhale. */
    size_t lead = first - (size_t)inhale;
    long latency = (long)last + 1 - (long)(lead + sent_at);
    print_message("stop: silent %ld frames (%.1f ms) after the command; "
                  "bound %d\n",
                  latency, latency * 1000.0 / SOUND_RATE,
                  2 * DEVICE_BUFFER_FRAMES + PLAYER_STOP_FADE + 1);
    assert_true(latency > 0);
    assert_true(latency <= 2 * DEVICE_BUFFER_FRAMES + PLAYER_STOP_FADE + 1);
    free(pcm);
    timeline_free(&t);
    sound_set_free(&set);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_onsets),
        cmocka_unit_test(test_stop_latency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
