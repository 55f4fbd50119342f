/* wav_onsets.c: prints the onsets in a 16-bit PCM WAV file, one a line as
 * "FRAME SECONDS": the first sample above a threshold after at least
 * 20 ms below it. Used by the end-to-end tests to compare a render with
 * its --schedule. A file without a RIFF header is read as raw 16-bit
 * 48 kHz stereo (what SDL's disk audio driver writes).
 * Usage: wav_onsets FILE [THRESHOLD_DBFS] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t le32(const unsigned char *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: wav_onsets FILE.wav [THRESHOLD_DBFS]\n");
        return 2;
    }
    double db = argc > 2 ? atof(argv[2]) : -66.0;
    int threshold = (int)(32768.0 * pow(10.0, db / 20.0));
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    unsigned char h[44];
    int channels = 2, bits = 16;
    uint32_t rate = 48000;
    size_t got = fread(h, 1, 44, f);
    if (got >= 4 && memcmp(h, "RIFF", 4) == 0) {
        if (got != 44 || memcmp(h + 8, "WAVEfmt ", 8) ||
            memcmp(h + 36, "data", 4)) {
            fprintf(stderr, "%s: not a canonical WAV file\n", argv[1]);
            return 1;
        }
        channels = h[22] | h[23] << 8;
        rate = le32(h + 24);
        bits = h[34] | h[35] << 8;
    } else {
        rewind(f); /* raw samples */
    }
    if (bits != 16 || channels < 1 || channels > 8) {
        fprintf(stderr, "%s: expected 16-bit PCM\n", argv[1]);
        return 1;
    }
    long quiet_needed = (long)rate / 50, quiet = quiet_needed, frame = 0;
    int16_t buf[4096 * 8];
    size_t n;
    while ((n = fread(buf, sizeof(int16_t) * (size_t)channels, 4096, f)) > 0) {
        for (size_t i = 0; i < n; i++, frame++) {
            int level = 0;
            for (int c = 0; c < channels; c++) {
                int v = abs(buf[i * (size_t)channels + (size_t)c]);
                level = v > level ? v : level;
            }
            if (level > threshold) {
                if (quiet >= quiet_needed)
                    printf("%ld %.6f\n", frame, (double)frame / rate);
                quiet = 0;
            } else {
                quiet++;
            }
        }
    }
    fclose(f);
    return 0;
}
