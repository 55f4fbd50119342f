/* test_timeline.c: a session compiles into cues on exact sample positions,
 * and the player moves through them, pauses and stops as specified. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/audio/synth.h"
#include "../src/core/pace.h"
#include "../src/core/player.h"
#include "../src/core/timeline.h"

#define F(sec) pace_frames(sec)

static const struct safety_profile profile = {.type = "breathing"};

static struct step steps[] = {
    {.kind = STEP_SAY, .say = "Sit comfortably.", .seconds = 5},
    {.kind = STEP_BREATHE, .pattern = {4, 0, 6, 2}, .cycles = 2},
    {.kind = STEP_HOLD, .label = "Shoulder", .seconds = 10, .n_bells = 1},
    {.kind = STEP_SCAN,
     .label = "feet",
     .say = "Notice your feet.",
     .seconds = 20},
    {.kind = STEP_SILENCE, .seconds = 30},
};
static const double bells[] = {5};

static struct session make_session(void)
{
    steps[2].bells = bells;
    return (struct session){.name = "t",
                            .title = "T",
                            .type = "breathing",
                            .steps = steps,
                            .n_steps = 5,
                            .safety = &profile,
                            .ambient_volume = 0.3};
}

static void compile(const struct session *s, struct sound_set *set,
                    struct timeline *t, const struct timeline_options *o)
{
    sound_set_init(set);
    assert_true(sound_set_collect(set, s, o));
    for (size_t i = 0; i < set->count; i++)
        if (!set->items[i].text) /* speech: its place does not need it */
            assert_true(synth_generate(&set->items[i]));
    assert_int_equal(timeline_compile(s, set, o, t), 0);
}

/* The compiled example session most tests share. */
struct fixture {
    struct session s;
    struct sound_set set;
    struct timeline t;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    f->s = make_session();
    struct timeline_options o = {0};
    compile(&f->s, &f->set, &f->t, &o);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    timeline_free(&f->t);
    sound_set_free(&f->set);
    free(f);
    return 0;
}

static void test_positions(void **state)
{
    struct fixture *f = *state;
    const struct timeline *t = &f->t;
    const struct sound_set *set = &f->set;

    const struct cue *c = t->cues;
    /* The floor notice comes first, always. */
    assert_int_equal(c[0].kind, CUE_SAY);
    assert_int_equal(c[0].frame, 0);
    assert_string_equal(c[0].caption, SESSION_FLOOR_NOTICE);
    assert_int_equal(c[0].step, -1);
    int64_t pos = F(pace_reading_seconds(SESSION_FLOOR_NOTICE));
    /* say: the line's reading time, then its seconds. With no recording
     * it is spoken by the synthesizer; not made here (length 0), the
     * caption stays for its reading time. */
    assert_int_equal(c[1].kind, CUE_SAY);
    assert_int_equal(c[1].frame, pos);
    assert_true(c[1].sound >= 0);
    assert_string_equal(set->items[c[1].sound].text, "Sit comfortably.");
    assert_true(set->items[c[1].sound].stretch > 1.0); /* slower than flite */
    pos += F(pace_reading_seconds("Sit comfortably.")) + F(5);
    /* breathe: 4 in, (no hold), 6 out, 2 hold; twice. */
    static const enum cue_kind kinds[] = {CUE_INHALE, CUE_EXHALE, CUE_HOLD};
    static const double lens[] = {4, 6, 2};
    size_t i = 2;
    for (int cycle = 1; cycle <= 2; cycle++)
        for (int k = 0; k < 3; k++, i++) {
            assert_int_equal(c[i].kind, kinds[k]);
            assert_int_equal(c[i].frame, pos);
            assert_int_equal(c[i].frames, F(lens[k]));
            assert_int_equal(c[i].cycle, cycle);
            assert_true(c[i].sound >= 0);
            pos += F(lens[k]);
        }
    assert_int_equal(c[i - 1].phase, BREATH_HOLD_OUT);
    /* hold: a soft tone at its start, a bell inside, a bell at its end,
     * then three seconds to release. */
    assert_int_equal(c[i].kind, CUE_BEGIN);
    assert_int_equal(c[i].frame, pos);
    assert_string_equal(c[i].caption, "Shoulder");
    assert_int_equal(c[i + 1].kind, CUE_BELL);
    assert_int_equal(c[i + 1].frame, pos + F(5));
    assert_int_equal(c[i + 1].frames, 0);
    assert_int_equal(c[i + 2].kind, CUE_BELL);
    assert_int_equal(c[i + 2].frame, pos + F(10));
    assert_int_equal(c[i + 1].sound, c[i + 2].sound);
    pos += F(14);
    i += 3;
    assert_int_equal(c[i].kind, CUE_SCAN);
    assert_int_equal(c[i].frame, pos);
    assert_string_equal(c[i].caption, "Notice your feet.");
    pos += F(pace_reading_seconds("Notice your feet.")) + F(20);
    i++;
    assert_int_equal(c[i].kind, CUE_SILENCE);
    assert_int_equal(c[i].frame, pos);
    assert_int_equal(c[i].sound, -1);
    pos += F(30);
    i++;
    assert_int_equal(c[i].kind, CUE_END);
    assert_int_equal(c[i].frame, pos);
    assert_int_equal(t->end_frame, pos);
    assert_int_equal(t->total_frames, pos + set->items[c[i].sound].frames);
    assert_int_equal(t->count, i + 1);
    /* Sorted. */
    for (size_t k = 1; k < t->count; k++)
        assert_true(t->cues[k].frame >= t->cues[k - 1].frame);
}

/* A voice clip sets the line's length: the clip plus half a second. */
static void test_voice_length(void **state)
{
    (void)state;
    struct step st[] = {{.kind = STEP_SAY,
                         .say = "Hello there.",
                         .seconds = 2,
                         .voice = {.name = "v.ogg", .path = "/x/v.ogg"}}};
    struct session s = {
        .name = "v", .steps = st, .n_steps = 1, .safety = &profile};
    struct sound_set set;
    sound_set_init(&set);
    struct timeline_options o = {0};
    assert_true(sound_set_collect(&set, &s, &o));
    int v = sound_set_find_path(&set, "/x/v.ogg");
    assert_true(v >= 0);
    for (size_t i = 0; i < set.count; i++)
        if ((int)i != v && !set.items[i].text)
            assert_true(synth_generate(&set.items[i]));
    set.items[v].frames = 12345;
    set.items[v].pcm = calloc(12345, sizeof(int16_t));
    set.items[v].channels = 1;
    struct timeline t;
    assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
    assert_int_equal(t.cues[1].sound, v);
    assert_int_equal(t.cues[2].frame, t.cues[1].frame + 12345 + F(0.5) + F(2));
    timeline_free(&t);
    /* --no-voice: the caption stays, its reading time replaces the clip. */
    o.no_voice = true;
    assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
    assert_int_equal(t.cues[1].sound, -1);
    assert_string_equal(t.cues[1].caption, "Hello there.");
    assert_int_equal(t.cues[2].frame,
                     t.cues[1].frame + F(pace_reading_seconds("Hello there.")) +
                         F(2));
    timeline_free(&t);
    sound_set_free(&set);
}

static void test_ambient(void **state)
{
    (void)state;
    struct session s = make_session();
    s.ambient = (struct sound_ref){.name = "a.ogg", .path = "/x/a.ogg"};
    struct sound_set set;
    sound_set_init(&set);
    struct timeline_options o = {0};
    assert_true(sound_set_collect(&set, &s, &o));
    int a = sound_set_find_path(&set, "/x/a.ogg");
    assert_true(a >= 0);
    set.items[a].frames = 100;
    struct timeline t;
    assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
    assert_int_equal(t.cues[0].kind, CUE_AMBIENT);
    assert_int_equal(t.cues[0].sound, a);
    assert_true(t.cues[0].loop);
    assert_int_equal(t.cues[0].frames, t.total_frames);
    assert_true(t.cues[0].gain > 0.29f && t.cues[0].gain < 0.31f);
    timeline_free(&t);
    sound_set_free(&set);

    sound_set_init(&set);
    o.no_ambient = true;
    assert_true(sound_set_collect(&set, &s, &o));
    assert_int_equal(sound_set_find_path(&set, "/x/a.ogg"), -1);
    sound_set_free(&set);
}

static void test_phase_at(void **state)
{
    struct fixture *f = *state;
    const struct timeline *t = &f->t;
    assert_int_equal(timeline_phase_at(t, 0), 0);
    for (size_t i = 0; i < t->count; i++) {
        const struct cue *c = &t->cues[i];
        size_t p = timeline_phase_at(t, c->frame);
        if (c->frames > 0)
            assert_int_equal(p, i);
        else /* a bell inside a hold opens no phase */
            assert_int_equal(t->cues[p].kind, CUE_BEGIN);
    }
}

static void test_player_states(void **state)
{
    struct fixture *f = *state;
    const struct timeline *t = &f->t;
    struct player *p = player_new(t);
    struct player_span sp;
    /* Spans stop at the next cue. */
    player_next_span(p, 1 << 30, &sp);
    assert_int_equal(sp.n_cues, 1);
    assert_int_equal(sp.frames, t->cues[1].frame);
    player_advance(p, &sp);
    assert_int_equal(player_position(p), t->cues[1].frame);
    /* Pause: the clock runs through the fade, then freezes. */
    player_pause(p);
    player_next_span(p, 1 << 30, &sp);
    assert_int_equal(sp.frames, PLAYER_PAUSE_FADE);
    assert_true(sp.gain_step < 0);
    player_advance(p, &sp);
    assert_int_equal(player_state(p), PLAYER_PAUSED);
    int64_t frozen = player_position(p);
    for (int i = 0; i < 10; i++) {
        player_next_span(p, 4096, &sp);
        assert_true(sp.silent);
        player_advance(p, &sp);
    }
    assert_int_equal(player_position(p), frozen);
    player_resume(p);
    assert_int_equal(player_state(p), PLAYER_RUNNING);
    player_next_span(p, 1 << 30, &sp);
    assert_true(sp.gain_step > 0);
    player_advance(p, &sp);
    /* Stop: a short fade, then nothing more. */
    player_stop(p);
    while (!player_done(p)) {
        player_next_span(p, 100, &sp);
        player_advance(p, &sp);
    }
    assert_int_equal(player_state(p), PLAYER_STOPPED);
    assert_int_equal(player_position(p),
                     frozen + PLAYER_PAUSE_FADE + PLAYER_STOP_FADE);
    /* Stopping while paused is immediate. */
    player_free(p);
    p = player_new(t);
    player_pause(p);
    player_next_span(p, 1 << 30, &sp);
    player_advance(p, &sp);
    player_stop(p);
    assert_int_equal(player_state(p), PLAYER_STOPPED);
    player_free(p);
}

static void test_player_to_end(void **state)
{
    struct fixture *f = *state;
    const struct timeline *t = &f->t;
    struct player *p = player_new(t);
    struct player_span sp;
    size_t cues = 0;
    while (!player_done(p)) {
        player_next_span(p, 4096, &sp);
        cues += sp.n_cues;
        player_advance(p, &sp);
    }
    assert_int_equal(player_state(p), PLAYER_FINISHED);
    assert_int_equal(player_position(p), t->total_frames);
    assert_int_equal(cues, t->count);
    player_free(p);
}

static void test_skip(void **state)
{
    struct fixture *f = *state;
    const struct timeline *t = &f->t;
    struct player *p = player_new(t);
    player_skip(p); /* past the floor notice */
    assert_int_equal(player_position(p), t->cues[1].frame);
    struct player_span sp;
    player_next_span(p, 10, &sp);
    assert_int_equal(sp.first_cue, 1);
    assert_int_equal(sp.n_cues, 1);
    player_free(p);
}

/* A play step: the recording whole in one cue as long as it lasts, each
 * caption at its start for its own time (one past the end left out, one
 * running over it cut), the next step after the recording; with no
 * voice, the same places and nothing heard. */
static void test_play_step(void **state)
{
    (void)state;
    static const struct caption caps[] = {
        {.start = 0, .end = 4, .text = "First"},
        {.start = 10.5, .end = 12, .text = "Second"},
        {.start = 598, .end = 620, .text = "Over the end"},
        {.start = 700, .end = 701, .text = "Past the end"},
    };
    struct step play[] = {
        {.kind = STEP_SAY, .say = "Listen.", .seconds = 1},
        {.kind = STEP_PLAY,
         .recording = {.name = "scan.mp3", .path = "/x/scan.mp3", .line = 5},
         .captions = caps,
         .n_captions = 4},
        {.kind = STEP_SILENCE, .seconds = 10},
    };
    struct session s = make_session();
    s.steps = play;
    s.n_steps = 3;
    for (int quiet = 0; quiet < 2; quiet++) {
        struct timeline_options o = {.no_voice = quiet};
        struct sound_set set;
        sound_set_init(&set);
        assert_true(sound_set_collect(&set, &s, &o));
        int rec = sound_set_find_play(&set, 1);
        assert_true(rec >= 0);
        assert_true(set.items[rec].streamed);
        assert_int_equal(sound_set_find_path(&set, "/x/scan.mp3"), -1);
        set.items[rec].length = F(600); /* as the decoder measures it */
        for (size_t i = 0; i < set.count; i++)
            if (!set.items[i].text && !set.items[i].streamed)
                assert_true(synth_generate(&set.items[i]));
        struct timeline t;
        assert_int_equal(timeline_compile(&s, &set, &o, &t), 0);
        size_t p = 0;
        while (p < t.count && t.cues[p].kind != CUE_PLAY)
            p++;
        assert_true(p + 4 < t.count);
        const struct cue *c = &t.cues[p];
        int64_t at = c->frame;
        assert_int_equal(c->frames, F(600));
        assert_int_equal(c->sound, quiet ? -1 : rec);
        assert_int_equal(c[1].kind, CUE_CAPTION);
        assert_int_equal(c[1].frame, at);
        assert_int_equal(c[1].frames, F(4));
        assert_string_equal(c[1].caption, "First");
        assert_int_equal(c[2].frame, at + F(10.5));
        assert_int_equal(c[3].frame, at + F(598));
        assert_int_equal(c[3].frames, F(2));      /* cut at the end */
        assert_int_equal(c[4].kind, CUE_SILENCE); /* "Past the end": out */
        assert_int_equal(c[4].frame, at + F(600));
        assert_int_equal(timeline_phase_at(&t, at + F(11)), p + 2);
        assert_string_equal(timeline_kind_name(CUE_CAPTION), "caption");
        timeline_free(&t);
        sound_set_free(&set);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
        cmocka_unit_test(test_voice_length),
        cmocka_unit_test(test_ambient),
        cmocka_unit_test_setup_teardown(test_phase_at, setup, teardown),
        cmocka_unit_test_setup_teardown(test_player_states, setup, teardown),
        cmocka_unit_test_setup_teardown(test_player_to_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_skip, setup, teardown),
        cmocka_unit_test(test_play_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
