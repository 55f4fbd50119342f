/* test_breath_view.c: the running screen's breathing visual grows over an
 * in, stays over a hold and shrinks over an out; calm motion's bar and
 * count follow the phase; and no session, even one of 0.1 s phases,
 * makes anything on the screen change more than three times a second. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/audio/synth.h"
#include "../src/core/breath_view.h"
#include "../src/core/pace.h"
#include "../src/core/timeline.h"

#define F(sec) pace_frames(sec)

static const struct safety_profile profile = {.type = "breathing"};

struct compiled {
    struct session s;
    struct sound_set set;
    struct timeline t;
};

static void compile(struct compiled *c, struct step *steps, size_t n)
{
    c->s = (struct session){.name = "t",
                            .title = "T",
                            .type = "breathing",
                            .steps = steps,
                            .n_steps = n,
                            .safety = &profile};
    struct timeline_options o = {0};
    sound_set_init(&c->set);
    assert_true(sound_set_collect(&c->set, &c->s, &o));
    for (size_t i = 0; i < c->set.count; i++)
        if (!c->set.items[i].text)
            assert_true(synth_generate(&c->set.items[i]));
    assert_int_equal(timeline_compile(&c->s, &c->set, &o, &c->t), 0);
}

static void release(struct compiled *c)
{
    timeline_free(&c->t);
    sound_set_free(&c->set);
}

/* The first cue of kind k. */
static const struct cue *first(const struct timeline *t, enum cue_kind k)
{
    for (size_t i = 0; i < t->count; i++)
        if (t->cues[i].kind == k)
            return &t->cues[i];
    fail_msg("no %s cue", timeline_kind_name(k));
    return NULL;
}

static void box_breathing(void **state)
{
    (void)state;
    struct step steps[] = {
        {.kind = STEP_BREATHE, .pattern = {4, 4, 4, 4}, .cycles = 2}};
    struct compiled c;
    compile(&c, steps, 1);
    int64_t in = first(&c.t, CUE_INHALE)->frame;
    struct breath_view v;
    assert_false(breath_view_at(&c.t, in - 1, &v)); /* the floor notice */
    assert_true(breath_view_at(&c.t, in, &v));
    assert_int_equal(v.phase, BREATH_IN);
    assert_string_equal(breath_view_word(v.phase), "In");
    assert_true(v.size < 0.01);
    assert_int_equal(v.count, 1);
    assert_int_equal(v.seconds, 4);
    assert_true(breath_view_at(&c.t, in + F(2), &v));
    assert_true(v.size > 0.49 && v.size < 0.51);
    assert_true(v.fill > 0.49 && v.fill < 0.51);
    assert_int_equal(v.count, 3);
    assert_true(breath_view_at(&c.t, in + F(3.99), &v));
    assert_int_equal(v.count, 4);
    assert_true(v.size > 0.99);
    /* the hold after the in keeps it large; its own bar and count */
    assert_true(breath_view_at(&c.t, in + F(5.5), &v));
    assert_int_equal(v.phase, BREATH_HOLD_IN);
    assert_string_equal(breath_view_word(v.phase), "Hold");
    assert_true(v.size > 0.99);
    assert_int_equal(v.count, 2);
    assert_true(v.fill > 0.37 && v.fill < 0.38);
    /* the out shrinks it, the hold after keeps it small */
    assert_true(breath_view_at(&c.t, in + F(10), &v));
    assert_string_equal(breath_view_word(v.phase), "Out");
    assert_true(v.size > 0.49 && v.size < 0.51);
    assert_true(breath_view_at(&c.t, in + F(15), &v));
    assert_int_equal(v.phase, BREATH_HOLD_OUT);
    assert_true(v.size < 0.01);
    assert_true(breath_view_at(&c.t, in + F(17), &v)); /* cycle 2 */
    assert_int_equal(v.phase, BREATH_IN);
    assert_true(v.size > 0.14 && v.size < 0.15);
    assert_false(breath_view_at(&c.t, in + F(32), &v)); /* the end */
    release(&c);
}

/* A still screen's changes in any one second: a series of what it shows,
 * sampled at 100 a second. */
enum { HZ = 100 };

/* The most turns (a value that rose and now falls, or the other way) in
 * any one second of v[0..n). */
static int most_turns(const double *v, size_t n)
{
    int *turn = calloc(n, sizeof(int));
    int dir = 0, most = 0;
    for (size_t i = 1; i < n; i++) {
        int d = v[i] > v[i - 1] + 1e-9 ? 1 : v[i] < v[i - 1] - 1e-9 ? -1 : 0;
        if (d && dir && d != dir)
            turn[i] = 1;
        if (d)
            dir = d;
    }
    for (size_t i = 0; i < n; i++) {
        int k = 0;
        for (size_t j = i; j < n && j < i + HZ; j++)
            k += turn[j];
        most = k > most ? k : most;
    }
    free(turn);
    return most;
}

/* The most changes of the phase shown (its word, caption and kind of
 * visual) in any one second. */
static int most_changes(const size_t *v, size_t n)
{
    int most = 0;
    for (size_t i = 0; i < n; i++) {
        int k = 0;
        for (size_t j = i + 1; j < n && j < i + HZ; j++)
            k += v[j] != v[j - 1];
        most = k > most ? k : most;
    }
    return most;
}

/* Every sample of a timeline: the circle's size, the bar's fill, the
 * count and the phase shown. */
static void measure(const struct timeline *t, int *size_turns, int *fill_turns,
                    int *count_changes, int *shown_changes)
{
    size_t n = (size_t)(t->total_frames * HZ / SOUND_RATE);
    double *size = calloc(n, sizeof(double)), *fill = calloc(n, sizeof(double));
    size_t *shown = calloc(n, sizeof(size_t)),
           *count = calloc(n, sizeof(size_t));
    for (size_t i = 0; i < n; i++) {
        int64_t frame = (int64_t)i * SOUND_RATE / HZ;
        struct breath_view v = {0};
        if (breath_view_at(t, frame, &v)) {
            size[i] = 0.3 + v.size;
            fill[i] = v.fill;
            count[i] = (size_t)v.count;
        }
        shown[i] = breath_view_steady(t, frame);
    }
    *size_turns = most_turns(size, n);
    *fill_turns = most_turns(fill, n);
    *count_changes = most_changes(count, n);
    *shown_changes = most_changes(shown, n);
    free(size);
    free(fill);
    free(shown);
    free(count);
}

static void nothing_flashes(void **state)
{
    (void)state;
    struct step steps[] = {
        {.kind = STEP_SAY, .say = "Short phases.", .seconds = 1},
        {.kind = STEP_BREATHE, .pattern = {0.1, 0.1, 0.1, 0.1}, .cycles = 20},
        {.kind = STEP_BREATHE, .pattern = {0.2, 0, 0.1, 0}, .cycles = 20},
        {.kind = STEP_BREATHE, .pattern = {2, 0.2, 0.1, 0.2}, .cycles = 4},
        {.kind = STEP_BREATHE, .pattern = {0.1, 0.3, 2, 0.1}, .cycles = 4},
        {.kind = STEP_BREATHE, .pattern = {0.36, 0, 0.36, 0}, .cycles = 10},
        {.kind = STEP_SILENCE, .seconds = 0.1},
        {.kind = STEP_BREATHE, .pattern = {0.1, 0, 0.1, 0}, .cycles = 1},
        {.kind = STEP_SILENCE, .seconds = 0.1},
        {.kind = STEP_BREATHE, .pattern = {0.1, 0, 0.1, 0}, .cycles = 1},
        {.kind = STEP_BREATHE, .pattern = {4, 0.2, 4, 0.2}, .cycles = 2},
    };
    struct compiled c;
    compile(&c, steps, sizeof(steps) / sizeof(steps[0]));
    int size_turns, fill_turns, count_changes, shown_changes;
    measure(&c.t, &size_turns, &fill_turns, &count_changes, &shown_changes);
    print_message("most a second: size turns %d, bar turns %d, count changes "
                  "%d, phase shown changes %d\n",
                  size_turns, fill_turns, count_changes, shown_changes);
    assert_in_range(size_turns, 0, 3);
    assert_in_range(fill_turns, 0, 3);
    assert_in_range(count_changes, 0, 3);
    assert_in_range(shown_changes, 0, 3);
    /* and it still breathes where the phases are long enough */
    assert_true(size_turns >= 2);
    release(&c);
}

/* Slow breathing keeps its motion whole: each in grows the circle all
 * the way, each out shrinks it, with a 0.2 s hold between. */
static void short_holds_keep_the_shape(void **state)
{
    (void)state;
    struct step steps[] = {
        {.kind = STEP_BREATHE, .pattern = {3, 0.2, 3, 0.2}, .cycles = 2}};
    struct compiled c;
    compile(&c, steps, 1);
    int64_t in = first(&c.t, CUE_INHALE)->frame;
    struct breath_view v;
    /* in the 0.2 s hold the in stays on screen, its bar full */
    assert_true(breath_view_at(&c.t, in + F(3.1), &v));
    assert_int_equal(v.phase, BREATH_IN);
    assert_true(v.size > 0.99 && v.fill > 0.99);
    assert_int_equal(v.count, 3);
    assert_true(breath_view_at(&c.t, in + F(3.2), &v));
    assert_int_equal(v.phase, BREATH_OUT);
    assert_true(v.size > 0.99);
    release(&c);
}

/* A recording's captions, 0.4 s each with 0.1 s between (or 0.2 s with
 * 0.05 s between): the caption on screen changes at most three times a
 * second, and a caption shows through a gap too short to see. */
static void captions_do_not_blink(void **state)
{
    (void)state;
    enum { N = 40 };
    struct cue cues[1 + N];
    struct timeline t = {.cues = cues, .count = 1 + N};
    for (int pass = 0; pass < 2; pass++) {
        double on = pass ? 0.2 : 0.4, off = pass ? 0.05 : 0.1;
        cues[0] = (struct cue){.kind = CUE_PLAY, .frames = F(N * (on + off))};
        for (int i = 0; i < N; i++)
            cues[1 + i] = (struct cue){.kind = CUE_CAPTION,
                                       .frame = F(i * (on + off)),
                                       .frames = F(on),
                                       .caption = i % 2 ? "odd" : "even"};
        t.total_frames = cues[0].frames;
        size_t n = (size_t)(t.total_frames * HZ / SOUND_RATE);
        size_t *shown = calloc(n, sizeof(size_t));
        for (size_t i = 0; i < n; i++) {
            int64_t frame = (int64_t)i * SOUND_RATE / HZ;
            size_t k = breath_view_steady(&t, frame);
            shown[i] = breath_view_caption_shows(&t.cues[k], frame) ? k : 0;
        }
        int most = most_changes(shown, n);
        print_message("captions %.2f s on, %.2f s off: %d changes a second\n",
                      on, off, most);
        /* (captions of 0.2 s are too short to show at all) */
        assert_in_range(most, pass ? 0 : 1, 3);
        free(shown);
    }
    /* in the gap after the first 0.4 s caption, it still shows */
    cues[0].frames = F(N * 0.5);
    for (int i = 0; i < N; i++) {
        cues[1 + i].frame = F(i * 0.5);
        cues[1 + i].frames = F(0.4);
    }
    size_t k = breath_view_steady(&t, F(0.45));
    assert_int_equal(k, 1);
    assert_true(breath_view_caption_shows(&t.cues[k], F(0.45)));
    /* and stops a moment after the last */
    k = breath_view_steady(&t, F(N * 0.5 + 0.3));
    assert_false(breath_view_caption_shows(&t.cues[k], F(N * 0.5 + 0.3)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(box_breathing),
        cmocka_unit_test(nothing_flashes),
        cmocka_unit_test(short_holds_keep_the_shape),
        cmocka_unit_test(captions_do_not_blink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
