/* fuzz_sound.c: libFuzzer target for sound files, the one binary input a
 * shared session carries. Arbitrary bytes go the way a session's sound
 * goes: read and judged by their content (sniff.c), measured from their
 * header, then decoded by libsndfile within the limits (sound_file.c).
 * Nothing may crash, hang, leak or read out of bounds, every refusal
 * names the file and line, and a sound that decodes keeps to the limits. */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../src/audio/sound_file.h"
#include "../../src/core/diag.h"

static int fd = -1;
static char path[64];

/* A refusal must say which file, where: "fuzz.cfg:7: sound file 'x' ...". */
static void check_refusal(const struct diag_list *d)
{
    if (d->count != 1 ||
        strncmp(d->msgs[0], "fuzz.cfg:7: sound file 'x' ", 27) != 0)
        __builtin_trap();
}

/* A decoded sound: samples there, mono or stereo, within ten minutes. */
static void check_sound(const struct sound *snd)
{
    if (!snd->pcm || (snd->channels != 1 && snd->channels != 2) ||
        snd->frames <= 0 ||
        snd->frames > (int64_t)SOUND_FILE_MAX_SECONDS * SOUND_RATE)
        __builtin_trap();
    /* Every sample is there to read (ASan checks the bounds). */
    volatile int16_t last = snd->pcm[snd->frames * snd->channels - 1];
    (void)last;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("sound", 0);
        if (fd < 0)
            __builtin_trap();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 ||
        (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
        __builtin_trap();
    struct sound snd = {
        .name = "x", .path = path, .source = "fuzz.cfg", .line = 7};
    struct diag_list d;
    diag_init(&d);
    if (!sound_file_measure(&snd, &d)) {
        check_refusal(&d);
    } else if (snd.length < 0 ||
               snd.length > (int64_t)SOUND_FILE_MAX_SECONDS * SOUND_RATE) {
        __builtin_trap(); /* measured, yet past the limits */
    } else if (!snd.pcm && !sound_file_decode(&snd, &d)) {
        check_refusal(&d);
    } else {
        check_sound(&snd);
    }
    free(snd.pcm);
    return 0;
}
