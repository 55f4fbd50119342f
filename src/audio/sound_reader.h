/* sound_reader.h: reads the samples of a sound file, held in memory or
 * read from its descriptor as it goes (a recording), a block at a time, as
 * floats at the file's own rate. Ogg Opus goes to opusfile and Ogg Vorbis to
 * vorbisfile, the reference decoders (which trim a stream to the length its
 * last page declares and clean up after a damaged one, where libsndfile 1.2
 * drops an Opus file's last milliseconds and leaks on a damaged Vorbis header);
 * MP3 to libmpg123 (libsndfile 1.2 stops an MP3 without an Info frame at a
 * length guessed from its size); WAV and FLAC go to libsndfile. None takes a
 * lock the audio thread needs.
 */
#ifndef STILLPOINT_SOUND_READER_H
#define STILLPOINT_SOUND_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sound_reader {
    int channels;   /* in each block read: 1 to 8 */
    int rate;       /* samples per second */
    int64_t frames; /* the length the file declares; -1: none */
    void *impl;
};

/* Opens the len bytes at buf (which must outlive the reader). False with
 * why filled when no decoder takes them. */
bool sound_reader_open(struct sound_reader *r, const unsigned char *buf,
                       size_t len, char *why, size_t whylen);

/* Opens the regular file open at fd (the caller closes it after
 * sound_reader_close), read from its start as the decoder asks: nothing
 * holds the whole file. */
bool sound_reader_open_fd(struct sound_reader *r, int fd, char *why,
                          size_t whylen);

/* Reads up to frames frames, interleaved, into block: how many it read,
 * 0 at the end, -1 with why filled when the sound is damaged. */
long sound_reader_read(struct sound_reader *r, float *block, long frames,
                       char *why, size_t whylen);

void sound_reader_close(struct sound_reader *r);

#endif
