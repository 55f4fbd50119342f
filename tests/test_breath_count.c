/* test_breath_count.c: with spoken_count, each breath phase gets its word
 * on its first second and "Two", "Three"... on each second after, on the
 * voice layer's timeline 10 dB under the voice; a word that would run
 * past its phase's end is left out; without the choice, or with no
 * voice, nothing is counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/audio/mix.h"
#include "../src/audio/synth.h"
#include "../src/core/breath_count.h"
#include "../src/core/pace.h"
#include "../src/core/timeline.h"
#include "../src/core/voice_text.h"

#define F(sec) pace_frames(sec)

static const struct safety_profile profile = {.type = "breathing"};

/* A breathing step of in 4, hold 2.5, out 2.3, hold 0.3. */
static struct step steps[] = {
    {.kind = STEP_BREATHE, .pattern = {4, 2.5, 2.3, 0.3}, .cycles = 1}};

struct compiled {
    struct session s;
    struct sound_set set;
    struct timeline t;
};

/* Compiles the step; each spoken word's recording is 0.4 s long. */
static void compile(struct compiled *c, const struct timeline_options *o)
{
    c->s = (struct session){.name = "t",
                            .title = "T",
                            .type = "breathing",
                            .steps = steps,
                            .n_steps = 1,
                            .safety = &profile};
    sound_set_init(&c->set);
    assert_true(sound_set_collect(&c->set, &c->s, o));
    for (size_t i = 0; i < c->set.count; i++) {
        if (c->set.items[i].text)
            c->set.items[i].length = F(0.4);
        else
            assert_true(synth_generate(&c->set.items[i]));
    }
    assert_int_equal(timeline_compile(&c->s, &c->set, o, &c->t), 0);
}

static void release(struct compiled *c)
{
    timeline_free(&c->t);
    sound_set_free(&c->set);
}

static void counts_each_second(void **state)
{
    (void)state;
    struct timeline_options o = {.spoken_count = true};
    struct compiled c;
    compile(&c, &o);
    static const char *const want[] = {"In",   "Two",  "Three", "Four",
                                       "Hold", "Two",  "Three", "Out",
                                       "Two",  "Three"};
    static const double at[] = {0, 1, 2, 3, 4, 5, 6, 6.5, 7.5, 8.5};
    int64_t in = -1;
    size_t n = 0;
    for (size_t i = 0; i < c.t.count; i++) {
        const struct cue *q = &c.t.cues[i];
        if (q->kind == CUE_INHALE && in < 0)
            in = q->frame;
        if (q->kind != CUE_COUNT)
            continue;
        assert_true(n < 9);
        assert_int_equal(q->frames, 0); /* it opens no phase */
        assert_true(q->gain > 0.31f && q->gain < 0.32f);
        assert_int_equal(mix_layer_of(q), MIX_VOICE);
        assert_string_equal(c.set.items[q->sound].text, want[n]);
        assert_int_equal(q->frame - in, F(at[n]));
        n++;
    }
    /* the out's "Three" at 2 s has 0.3 s left: too short for its word,
     * and so is the last hold (0.3 s) for "Hold" */
    assert_int_equal(n, 9);
    /* the count changes nothing on screen: the phases are the breath's */
    assert_int_equal(c.t.cues[timeline_phase_at(&c.t, in + F(1))].kind,
                     CUE_INHALE);
    release(&c);
}

static void off_by_default_and_without_voice(void **state)
{
    (void)state;
    struct timeline_options off = {0},
                            mute = {.spoken_count = true, .no_voice = true};
    const struct timeline_options *opts[] = {&off, &mute};
    for (int k = 0; k < 2; k++) {
        struct compiled c;
        compile(&c, opts[k]);
        for (size_t i = 0; i < c.t.count; i++)
            assert_int_not_equal(c.t.cues[i].kind, CUE_COUNT);
        release(&c);
    }
}

/* Every word is one the program records (scripts/make-voice). */
static void words_are_recorded_lines(void **state)
{
    (void)state;
    assert_null(breath_count_word(BREATH_IN, 0));
    assert_null(breath_count_word(BREATH_IN, BREATH_COUNT_MAX + 1));
    assert_string_equal(breath_count_word(BREATH_HOLD_OUT, 1), "Hold");
    assert_string_equal(breath_count_word(BREATH_OUT, 10), "Ten");
    for (int ph = 0; ph < 4; ph++)
        for (int k = 1; k <= BREATH_COUNT_MAX; k++) {
            const char *w = breath_count_word((enum breath_phase)ph, k);
            bool found = false;
            for (size_t i = 0; voice_text_program_line(i); i++)
                found |= strcmp(voice_text_program_line(i), w) == 0;
            assert_true(found);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_each_second),
        cmocka_unit_test(off_by_default_and_without_voice),
        cmocka_unit_test(words_are_recorded_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
