/* test_engine.c: commands cross from the window thread to the clock
 * thread through the lock-free queue, and the snapshot coming back is
 * always consistent, also while both threads run at full speed. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "../src/audio/engine.h"
#include "../src/audio/synth.h"

static const struct safety_profile profile = {.type = "breathing"};
static struct step steps[] = {
    {.kind = STEP_BREATHE, .pattern = {4, 4, 4, 4}, .cycles = 10},
};

struct fixture {
    struct session s;
    struct sound_set set;
    struct timeline t;
    struct player *p;
    struct mixer *m;
    struct engine *e;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    f->s = (struct session){
        .name = "e", .steps = steps, .n_steps = 1, .safety = &profile};
    struct timeline_options o = {.no_voice = true}; /* cue tones only */
    sound_set_init(&f->set);
    assert_true(sound_set_collect(&f->set, &f->s, &o));
    for (size_t i = 0; i < f->set.count; i++)
        assert_true(synth_generate(&f->set.items[i]));
    assert_int_equal(timeline_compile(&f->s, &f->set, &o, &f->t), 0);
    f->p = player_new(&f->t);
    f->m = mix_new(&f->set, f->p);
    f->e = engine_new(f->m, f->p);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    engine_free(f->e);
    mix_free(f->m);
    player_free(f->p);
    timeline_free(&f->t);
    sound_set_free(&f->set);
    free(f);
    return 0;
}

static void test_commands(void **state)
{
    struct fixture *f = *state;
    static float buf[1024 * 2];
    struct engine_snapshot snap;
    engine_render(f->e, buf, 1024);
    engine_snapshot(f->e, &snap);
    assert_int_equal(snap.position, 1024);
    assert_int_equal(snap.state, PLAYER_RUNNING);
    assert_int_equal(snap.frames_out, 1024);
    /* Pause lands on the next render: the fade, then a frozen clock. */
    assert_true(engine_send(f->e, ENGINE_PAUSE, 0));
    engine_render(f->e, buf, 1024);
    engine_render(f->e, buf, 1024);
    engine_snapshot(f->e, &snap);
    assert_int_equal(snap.state, PLAYER_PAUSED);
    assert_int_equal(snap.position, 1024 + PLAYER_PAUSE_FADE);
    assert_int_equal(snap.frames_out, 3072);
    assert_true(engine_send(f->e, ENGINE_VOLUME, 0.25f));
    assert_true(engine_send(f->e, ENGINE_RESUME, 0));
    engine_render(f->e, buf, 1024);
    engine_snapshot(f->e, &snap);
    assert_int_equal(snap.state, PLAYER_RUNNING);
    assert_float_equal(snap.volume, 0.25f, 1e-6);
    assert_true(engine_send(f->e, ENGINE_STOP, 0));
    engine_render(f->e, buf, 1024);
    engine_snapshot(f->e, &snap);
    assert_int_equal(snap.state, PLAYER_STOPPED);
}

static void test_queue_full(void **state)
{
    struct fixture *f = *state;
    int sent = 0;
    while (engine_send(f->e, ENGINE_VOLUME, 0.5f))
        sent++;
    assert_int_equal(sent, 64);
    static float buf[64 * 2];
    engine_render(f->e, buf, 64); /* drains it */
    assert_true(engine_send(f->e, ENGINE_PAUSE, 0));
}

static void *clock_thread(void *arg)
{
    struct fixture *f = arg;
    static float buf[256 * 2];
    struct engine_snapshot snap;
    do {
        engine_render(f->e, buf, 256);
        engine_snapshot(f->e, &snap);
    } while (snap.state != PLAYER_STOPPED && snap.state != PLAYER_FINISHED);
    return NULL;
}

/* Both threads at full speed: the window thread sees the clock only move
 * forward, never a torn snapshot, and its stop always arrives. */
static void test_threads(void **state)
{
    struct fixture *f = *state;
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, clock_thread, f), 0);
    struct engine_snapshot snap, last = {0};
    for (int i = 0; i < 20000; i++) {
        engine_snapshot(f->e, &snap);
        assert_true(snap.position >= last.position);
        assert_true(snap.frames_out >= last.frames_out);
        assert_true(snap.seq >= last.seq);
        assert_true((uint64_t)snap.position <= snap.frames_out);
        last = snap;
        if (i % 1000 == 0)
            engine_send(f->e, i % 2000 ? ENGINE_RESUME : ENGINE_PAUSE, 0);
    }
    while (!engine_send(f->e, ENGINE_STOP, 0))
        ;
    pthread_join(th, NULL);
    engine_snapshot(f->e, &snap);
    assert_true(snap.state == PLAYER_STOPPED || snap.state == PLAYER_FINISHED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_queue_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
