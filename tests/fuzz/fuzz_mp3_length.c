/* fuzz_mp3_length.c: libFuzzer target for an MP3's length told from its
 * frame headers (src/audio/mp3_length.c), against decoding it whole: for
 * any bytes, the scan must not crash, hang, leak or read out of bounds,
 * and whenever it tells a length that the recording then plays by (the
 * decoder saw the same rate and declared length: stream.c's condition),
 * decoding the bytes through sound_reader gives exactly that many frames
 * (or fails part-way, which the stream reports while it plays). Seeds:
 * tests/data/mp3/, short MP3s sox made (CBR and VBR, 8 to 44.1 kHz). */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../src/audio/mp3_length.h"
#include "../../src/audio/sound_reader.h"

static int fd = -1;

/* The frames decoding gives: -1 when it fails (to open, or part-way). */
static int64_t decoded(struct sound_reader *r)
{
    static float block[4096 * 8];
    char why[256];
    int64_t n = 0;
    long got;
    while ((got = sound_reader_read(r, block, 4096, why, sizeof(why))) > 0)
        n += got;
    return got < 0 ? -1 : n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0 && (fd = memfd_create("mp3", 0)) < 0)
        __builtin_trap();
    if (ftruncate(fd, 0) != 0 ||
        (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
        __builtin_trap();
    struct mp3_length len = {0};
    if (!mp3_length_scan(fd, &len))
        return 0;
    if (len.frames <= 0 || len.rate <= 0)
        __builtin_trap();
    struct sound_reader r;
    char why[256];
    if (!sound_reader_open_fd(&r, fd, why, sizeof(why)))
        return 0; /* refused before it plays */
    if (r.rate == len.rate && r.frames == len.declared) {
        int64_t n = decoded(&r);
        if (n >= 0 && n != len.frames) {
            fprintf(stderr, "scan %lld, decoded %lld\n", (long long)len.frames,
                    (long long)n);
            __builtin_trap();
        }
    }
    sound_reader_close(&r);
    return 0;
}
