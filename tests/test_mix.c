/* test_mix.c: the mixer puts each cue on its exact sample whatever the
 * block size, pause and stop fade without a click and reach silence in
 * time, and the synthesized cue tones are soft, click-free and distinct. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/audio/mix.h"
#include "../src/audio/synth.h"
#include "../src/core/timeline.h"

static const struct safety_profile profile = {.type = "breathing"};
static struct step steps[] = {
    {.kind = STEP_BREATHE, .pattern = {1.001, 0.5, 1.2345, 0.25}, .cycles = 3},
    {.kind = STEP_HOLD, .label = "Shoulder", .seconds = 2, .n_bells = 0},
};

struct fixture {
    struct session s;
    struct sound_set set;
    struct timeline t;
};

static void setup(struct fixture *f, bool dc_sounds)
{
    f->s = (struct session){
        .name = "m", .steps = steps, .n_steps = 2, .safety = &profile};
    struct timeline_options o = {.no_voice = true}; /* cue tones only */
    sound_set_init(&f->set);
    assert_true(sound_set_collect(&f->set, &f->s, &o));
    for (size_t i = 0; i < f->set.count; i++) {
        struct sound *snd = &f->set.items[i];
        if (dc_sounds) { /* a constant level shows the first sample exactly */
            snd->frames = 2000;
            snd->channels = 1;
            snd->pcm = malloc(2000 * sizeof(int16_t));
            for (int k = 0; k < 2000; k++)
                snd->pcm[k] = 8000;
        } else {
            assert_true(synth_generate(snd));
        }
        atomic_store(&snd->ready, 1);
    }
    assert_int_equal(timeline_compile(&f->s, &f->set, &o, &f->t), 0);
}

static void teardown(struct fixture *f)
{
    timeline_free(&f->t);
    sound_set_free(&f->set);
}

/* Renders the whole session in blocks of `block` frames. */
static float *render_all(struct fixture *f, size_t block)
{
    size_t total = (size_t)f->t.total_frames;
    float *out = calloc(total * 2, sizeof(float));
    struct player *p = player_new(&f->t);
    struct mixer *m = mix_new(&f->set, p);
    for (size_t done = 0; done < total; done += block) {
        size_t n = total - done < block ? total - done : block;
        mix_render(m, out + done * 2, n);
    }
    assert_int_equal(player_state(p), PLAYER_FINISHED);
    mix_free(m);
    player_free(p);
    return out;
}

static void test_exact_onsets(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true);
    float *out = render_all(&f, 333); /* cues fall inside blocks */
    for (size_t i = 0; i < f.t.count; i++) {
        const struct cue *c = &f.t.cues[i];
        if (c->sound < 0)
            continue;
        /* Silent just before (the previous sound ended long before), and
         * sounding on exactly its frame. */
        assert_true(c->frame >= 1);
        assert_float_equal(out[2 * (c->frame - 1)], 0.0f, 1e-9);
        assert_true(out[2 * c->frame] > 0.2f);
        assert_true(out[2 * c->frame + 1] > 0.2f);
    }
    free(out);
    teardown(&f);
}

/* The same output whatever the block size: live and render agree. */
static void test_block_size_independent(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, false);
    float *a = render_all(&f, 4096);
    float *b = render_all(&f, 127);
    float *c = render_all(&f, 1);
    size_t n = (size_t)f.t.total_frames * 2;
    assert_memory_equal(a, b, n * sizeof(float));
    assert_memory_equal(a, c, n * sizeof(float));
    free(a);
    free(b);
    free(c);
    teardown(&f);
}

static float peak(const float *x, size_t frames)
{
    float p = 0;
    for (size_t i = 0; i < frames * 2; i++)
        p = fabsf(x[i]) > p ? fabsf(x[i]) : p;
    return p;
}

/* Pause fades out within PLAYER_PAUSE_FADE frames and the sound resumes
 * from the exact sample it stopped on; stop reaches silence in
 * PLAYER_STOP_FADE frames. No step between samples is a click. */
static void test_pause_and_stop(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true);
    struct player *p = player_new(&f.t);
    struct mixer *m = mix_new(&f.set, p);
    int64_t first = f.t.cues[1].frame; /* the first inhale */
    float *buf = calloc((size_t)first + 48000, 2 * sizeof(float));
    mix_render(m, buf, (size_t)first + 500);
    assert_true(buf[2 * (first + 499)] > 0.2f);
    float level = buf[2 * (first + 499)];
    player_pause(p);
    mix_render(m, buf, 4800);
    for (int i = 1; i < PLAYER_PAUSE_FADE; i++)
        assert_true(fabsf(buf[2 * i] - buf[2 * (i - 1)]) < level / 100);
    assert_true(peak(buf + 2 * PLAYER_PAUSE_FADE, 4800 - PLAYER_PAUSE_FADE) ==
                0.0f);
    int64_t frozen = player_position(p);
    assert_int_equal(frozen, first + 500 + PLAYER_PAUSE_FADE);
    mix_render(m, buf, 48000);
    assert_true(peak(buf, 48000) == 0.0f);
    assert_int_equal(player_position(p), frozen);
    player_resume(p);
    mix_render(m, buf, 1000);
    assert_true(buf[0] < level / 50);
    assert_float_equal(buf[2 * 999], level, 1e-6);
    player_stop(p);
    mix_render(m, buf, 4800);
    assert_true(peak(buf + 2 * PLAYER_STOP_FADE, 4800 - PLAYER_STOP_FADE) ==
                0.0f);
    assert_int_equal(player_state(p), PLAYER_STOPPED);
    free(buf);
    mix_free(m);
    player_free(p);
    teardown(&f);
}

static void test_volume(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true);
    struct player *p = player_new(&f.t);
    struct mixer *m = mix_new(&f.set, p);
    mix_set_volume(m, 0.5f);
    int64_t first = f.t.cues[1].frame;
    float *buf = calloc((size_t)first + 48000, 2 * sizeof(float));
    mix_render(m, buf, (size_t)first + 1500);
    float full = 8000.0f / 32768.0f;
    assert_float_equal(buf[2 * (first + 1400)], full * 0.5f, 1e-5);
    free(buf);
    mix_free(m);
    player_free(p);
    teardown(&f);
}

static void test_synth_tones(void **state)
{
    (void)state;
    double first_half_rate[SYNTH_COUNT], last_half_rate[SYNTH_COUNT];
    for (int k = 0; k < SYNTH_COUNT; k++) {
        struct sound s = {.synth = (enum synth_kind)k};
        assert_true(synth_generate(&s));
        assert_int_equal(s.channels, 1);
        int pk = 0;
        for (int64_t i = 0; i < s.frames; i++)
            pk = abs(s.pcm[i]) > pk ? abs(s.pcm[i]) : pk;
        double dbfs = 20 * log10(pk / 32767.0);
        assert_true(dbfs <= -6.0);
        assert_true(dbfs > synth_peak_dbfs(k) - 0.2);
        /* Starts and ends on silence: no click. */
        assert_int_equal(s.pcm[0], 0);
        assert_true(abs(s.pcm[s.frames - 1]) <= 1);
        assert_true(abs(s.pcm[1]) < 200);
        /* Zero crossings per frame in each half (pitch up or down). */
        int64_t half = s.frames / 2, zc[2] = {0, 0};
        for (int64_t i = 1; i < s.frames; i++)
            zc[i >= half] += (s.pcm[i - 1] < 0) != (s.pcm[i] < 0);
        first_half_rate[k] = (double)zc[0] / (double)half;
        last_half_rate[k] = (double)zc[1] / (double)(s.frames - half);
        free(s.pcm);
    }
    /* Inhale rises, exhale falls, the hold tone stays put... */
    assert_true(last_half_rate[SYNTH_INHALE] >
                first_half_rate[SYNTH_INHALE] * 1.1);
    assert_true(last_half_rate[SYNTH_EXHALE] <
                first_half_rate[SYNTH_EXHALE] / 1.1);
    assert_true(fabs(last_half_rate[SYNTH_HOLD] / first_half_rate[SYNTH_HOLD] -
                     1) < 0.15);
    /* ...and is lower than both, quieter and shorter: three sounds one
     * tells apart with the eyes closed. */
    assert_true(first_half_rate[SYNTH_HOLD] * 1.4 <
                first_half_rate[SYNTH_INHALE]);
    assert_true(last_half_rate[SYNTH_HOLD] * 1.4 <
                last_half_rate[SYNTH_EXHALE]);
    assert_true(synth_peak_dbfs(SYNTH_HOLD) <=
                synth_peak_dbfs(SYNTH_INHALE) - 4);
    assert_true(synth_frames(SYNTH_HOLD) < synth_frames(SYNTH_INHALE));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_onsets),
        cmocka_unit_test(test_block_size_independent),
        cmocka_unit_test(test_pause_and_stop),
        cmocka_unit_test(test_volume),
        cmocka_unit_test(test_synth_tones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
