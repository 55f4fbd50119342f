/* test_decode_pcm.c: every format a session may carry decodes to its
 * whole length at 48 kHz, nothing of its end lost to the decoder or the
 * resampler; and decoding needs nothing the audio thread holds: it ends
 * while SDL_mixer's device lock is held elsewhere, so the window can
 * decode a file while a session plays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_mixer.h>

#include "../src/audio/decode_pcm.h"
#include "../src/core/sound_set.h"

static unsigned char *load(const char *name, size_t *len)
{
    const char *dir = getenv("TEST_DATA");
    char path[1024];
    snprintf(path, sizeof(path), "%s/sounds/%s", dir ? dir : "tests/data",
             name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char buf[1 << 16];
    *len = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    return buf;
}

/* tone.*: half a second of a soft 660 Hz tone, mono, 16 kHz (Opus: its
 * own 48 kHz). Each must come out exactly 24000 frames long, mono, with
 * the tone in it. */
static void test_whole_lengths(void **state)
{
    (void)state;
    const char *names[] = {"tone.wav", "tone.ogg", "tone.flac", "tone.opus"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t len;
        const unsigned char *buf = load(names[i], &len);
        struct decoded d;
        char why[256] = "";
        int rc = decode_pcm(buf, len, 60 * SOUND_RATE, &d, why, sizeof(why));
        /* Opus is read as stereo (sound_file.c folds equal channels). */
        int channels = strstr(names[i], "opus") ? 2 : 1;
        if (rc != DECODE_PCM_OK || d.frames != 24000 || d.channels != channels)
            fail_msg("%s: status %d, %lld frames, %d channels (%s)", names[i],
                     rc, (long long)d.frames, d.channels, why);
        int peak = 0;
        for (int64_t k = 0; k < d.frames; k++)
            peak = abs(d.pcm[k]) > peak ? abs(d.pcm[k]) : peak;
        if (peak < 8000) /* the tone is at -8 dBFS */
            fail_msg("%s: peak %d", names[i], peak);
        decode_pcm_free(&d);
    }
}

/* A limit shorter than the sound: too long, nothing kept. */
static void test_too_long(void **state)
{
    (void)state;
    size_t len;
    const unsigned char *buf = load("tone.flac", &len);
    struct decoded d;
    char why[256];
    assert_int_equal(
        decode_pcm(buf, len, SOUND_RATE / 10, &d, why, sizeof(why)),
        DECODE_PCM_TOO_LONG);
    assert_null(d.pcm);
}

struct job {
    const char *name;
    atomic_int done;
};

static int decode_job(void *arg)
{
    struct job *j = arg;
    size_t len;
    const unsigned char *buf = load(j->name, &len);
    struct decoded d;
    char why[256];
    if (decode_pcm(buf, len, 60 * SOUND_RATE, &d, why, sizeof(why)) ==
        DECODE_PCM_OK)
        decode_pcm_free(&d);
    atomic_store(&j->done, 1);
    return 0;
}

/* SDL_mixer's own loader takes the device's lock for the whole decode of
 * an Ogg, FLAC or MP3 file; ours must not wait for it. */
static void test_no_audio_lock(void **state)
{
    (void)state;
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_AUDIO), 0);
    assert_int_equal(
        Mix_OpenAudioDevice(SOUND_RATE, AUDIO_S16SYS, 2, 512, NULL, 0), 0);
    SDL_AudioDeviceID id = 0;
    for (SDL_AudioDeviceID k = 2; k < 64 && !id; k++)
        if (SDL_GetAudioDeviceStatus(k) == SDL_AUDIO_PLAYING)
            id = k;
    assert_int_not_equal(id, 0);
    const char *names[] = {"tone.ogg", "tone.flac", "tone.mp3", "tone.opus"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        struct job j = {.name = names[i]};
        SDL_LockAudioDevice(id); /* as the audio thread holds it */
        SDL_Thread *t = SDL_CreateThread(decode_job, "decode", &j);
        assert_non_null(t);
        for (int ms = 0; ms < 3000 && !atomic_load(&j.done); ms += 5)
            SDL_Delay(5);
        int done = atomic_load(&j.done);
        SDL_UnlockAudioDevice(id);
        SDL_WaitThread(t, NULL);
        if (!done)
            fail_msg("%s: decoding waited for the audio lock", names[i]);
    }
    Mix_CloseAudio();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_lengths),
        cmocka_unit_test(test_too_long),
        cmocka_unit_test(test_no_audio_lock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
