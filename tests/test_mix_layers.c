/* test_mix_layers.c: the ambient bed ducks smoothly under the voice (and
 * under a screen read aloud over the session) and comes back after it; each
 * layer has its own volume; a line still being synthesized is left out rather
 * than played half made. Measured in rendered audio. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/audio/mix.h"
#include "../src/core/timeline.h"

enum { AMB = 4000, VOX = 6000 };

static const struct safety_profile profile = {.type = "breathing"};
static struct step steps[] = {
    {.kind = STEP_SILENCE, .seconds = 5},
    {.kind = STEP_SAY,
     .say = "Rest.",
     .voice = {.name = "v.ogg", .path = "/v.ogg"},
     .seconds = 3},
};

/* While the clock is between these (seconds), a screen is read aloud over
 * the session (mix_duck). */
static double read_from = -1, read_to = -1;

struct fixture {
    struct session s;
    struct sound_set set;
    struct timeline t;
    float *out;
    size_t total;
};

/* The ambient bed is a constant level; the voice a square wave at the
 * highest frequency, so the mean of two neighbouring samples is the bed
 * and half their difference the voice. */
static void fill(struct sound *snd, int64_t frames, int kind)
{
    snd->frames = frames;
    snd->channels = 1;
    snd->pcm = calloc((size_t)frames, sizeof(int16_t));
    for (int64_t k = 0; k < frames; k++)
        snd->pcm[k] = kind == 'a'   ? AMB
                      : kind == 'v' ? (k % 2 ? -VOX : VOX)
                                    : 0;
    atomic_store(&snd->ready, 1);
}

static void setup(struct fixture *f, bool voice_ready, float voice_volume,
                  float ambient_volume)
{
    f->s = (struct session){.name = "l",
                            .steps = steps,
                            .n_steps = 2,
                            .safety = &profile,
                            .ambient = {.name = "a.ogg", .path = "/a.ogg"},
                            .ambient_volume = 1.0};
    struct timeline_options o = {0};
    sound_set_init(&f->set);
    assert_true(sound_set_collect(&f->set, &f->s, &o));
    for (size_t i = 0; i < f->set.count; i++) {
        struct sound *snd = &f->set.items[i];
        if (snd->path && strcmp(snd->path, "/a.ogg") == 0)
            fill(snd, 4800, 'a');
        else if (snd->text || (snd->path && strcmp(snd->path, "/v.ogg") == 0))
            fill(snd, 2 * 48000, 'v'); /* the floor notice and the line */
        else
            fill(snd, 4800, 0);
    }
    if (!voice_ready)
        for (size_t i = 0; i < f->set.count; i++)
            if (f->set.items[i].path &&
                strcmp(f->set.items[i].path, "/v.ogg") == 0)
                atomic_store(&f->set.items[i].ready, 0);
    assert_int_equal(timeline_compile(&f->s, &f->set, &o, &f->t), 0);
    f->total = (size_t)f->t.total_frames;
    f->out = calloc(f->total * 2, sizeof(float));
    struct player *p = player_new(&f->t);
    struct mixer *m = mix_new(&f->set, p);
    mix_set_layer_volume(m, MIX_VOICE, voice_volume);
    mix_set_layer_volume(m, MIX_AMBIENT, ambient_volume);
    for (size_t done = 0; done < f->total; done += 1000) {
        double t = (double)done / 48000;
        mix_duck(m, t >= read_from && t < read_to);
        mix_render(m, f->out + done * 2,
                   f->total - done < 1000 ? f->total - done : 1000);
    }
    mix_free(m);
    player_free(p);
}

static void teardown(struct fixture *f)
{
    free(f->out);
    timeline_free(&f->t);
    sound_set_free(&f->set);
}

/* The bed's and the voice's level around second t (left channel). */
static double bed_at(const struct fixture *f, double t)
{
    size_t i = (size_t)(t * 48000) & ~(size_t)1;
    return (f->out[2 * i] + f->out[2 * i + 2]) / 2 * 32768 / AMB;
}

static double voice_at(const struct fixture *f, double t)
{
    size_t i = (size_t)(t * 48000) & ~(size_t)1;
    return fabs(f->out[2 * i] - f->out[2 * i + 2]) / 2 * 32768 / VOX;
}

/* Where the say step's line starts, in seconds. */
static double line_start(const struct fixture *f)
{
    for (size_t i = 0; i < f->t.count; i++)
        if (f->t.cues[i].kind == CUE_SAY && f->t.cues[i].step == 1)
            return (double)f->t.cues[i].frame / 48000;
    fail();
    return 0;
}

static void test_ducks_under_voice(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true, 1.0f, 1.0f);
    double at = line_start(&f);
    /* Full before the line (the fade-in is over at 4 s). */
    assert_true(fabs(bed_at(&f, at - 0.5) - 1.0) < 0.01);
    /* Down by about 10 dB while the voice speaks, the voice untouched. */
    assert_true(fabs(bed_at(&f, at + 1.0) - MIX_DUCK_GAIN) < 0.01);
    assert_true(fabs(voice_at(&f, at + 1.0) - 1.0) < 0.01);
    /* Gliding down, not stepping: half way after about half the attack. */
    double mid = bed_at(&f, at + 0.15);
    assert_true(mid > MIX_DUCK_GAIN + 0.1 && mid < 0.9);
    /* Back up within the release after the voice ends (2 s long). */
    double back = bed_at(&f, at + 2.0 + 1.2);
    assert_true(fabs(back - 1.0) < 0.01);
    /* No click anywhere: the bed moves by far less than one step of
     * 1/100 of its level from one pair of samples to the next. */
    double worst = 0;
    for (double t = 0.1; t < (double)f.total / 48000 - 0.1; t += 1.0 / 24000) {
        double d = fabs(bed_at(&f, t + 1.0 / 24000) - bed_at(&f, t));
        worst = d > worst ? d : worst;
    }
    assert_true(worst < 0.002);
    teardown(&f);
}

static void test_fades_in_and_out(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true, 1.0f, 1.0f);
    /* The floor notice speaks at the start, so the bed is ducked and
     * fading in there; it ends at silence. */
    assert_true(bed_at(&f, 0.01) < 0.02);
    assert_true(bed_at(&f, (double)f.total / 48000 - 0.01) < 0.02);
    teardown(&f);
}

static void test_layer_volumes(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, true, 0.5f, 0.25f);
    double at = line_start(&f);
    assert_true(fabs(voice_at(&f, at + 1.0) - 0.5) < 0.01);
    assert_true(fabs(bed_at(&f, at - 0.5) - 0.25) < 0.01);
    teardown(&f);
}

static void test_unready_line_is_left_out(void **state)
{
    (void)state;
    struct fixture f;
    setup(&f, false, 1.0f, 1.0f);
    double at = line_start(&f);
    assert_true(voice_at(&f, at + 1.0) < 0.001);
    /* Nothing speaks, so nothing ducks. */
    assert_true(fabs(bed_at(&f, at + 1.0) - 1.0) < 0.01);
    teardown(&f);
}

static void test_ducks_under_a_screen_read_aloud(void **state)
{
    (void)state;
    struct fixture f;
    read_from = 5.0; /* in the quiet step, the bed's fade-in over */
    read_to = 6.5;
    setup(&f, false, 1.0f, 1.0f);
    read_from = read_to = -1;
    assert_true(fabs(bed_at(&f, 4.9) - 1.0) < 0.01);
    assert_true(fabs(bed_at(&f, 6.2) - MIX_DUCK_GAIN) < 0.01);
    double mid = bed_at(&f, 5.15); /* gliding, not stepping */
    assert_true(mid > MIX_DUCK_GAIN + 0.1 && mid < 0.9);
    assert_true(fabs(bed_at(&f, 7.7) - 1.0) < 0.01); /* back after it */
    teardown(&f);
}

static void test_voice_steps_back_under_a_reading(void **state)
{
    (void)state;
    struct fixture f;
    const double from = 7.6, to = 8.4; /* over the line, 7 s to 9 s */
    read_from = from;
    read_to = to;
    setup(&f, true, 1.0f, 1.0f);
    read_from = read_to = -1;
    assert_true(fabs(line_start(&f) - 7.0) < 0.6);
    assert_true(fabs(voice_at(&f, from - 0.1) - 1.0) < 0.01);
    assert_true(fabs(voice_at(&f, to - 0.05) - MIX_DUCK_GAIN) < 0.01);
    /* the bed ducks once, not twice */
    assert_true(fabs(bed_at(&f, to - 0.05) - MIX_DUCK_GAIN) < 0.01);
    teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ducks_under_voice),
        cmocka_unit_test(test_fades_in_and_out),
        cmocka_unit_test(test_layer_volumes),
        cmocka_unit_test(test_unready_line_is_left_out),
        cmocka_unit_test(test_ducks_under_a_screen_read_aloud),
        cmocka_unit_test(test_voice_steps_back_under_a_reading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
