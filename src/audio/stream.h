/* stream.h: a recording played while it is decoded, never held whole in
 * memory: its file is read from disk a block at a time (sound_reader.h),
 * folded to mono or stereo and converted to SOUND_RATE (resample.h) into
 * a ring of a few seconds, which the mixer reads. One producer fills the
 * ring (a worker thread while a session plays live, or the render loop
 * itself before each block, so a render never runs dry), one consumer
 * (the mixer) empties it: no lock, no allocation, no I/O on the reading
 * side. A live reader that finds the ring empty plays silence for the
 * missing frames, counts an underrun, and skips as many frames when they
 * come, so the recording keeps to the session clock. */
#ifndef STILLPOINT_STREAM_H
#define STILLPOINT_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { STREAM_SECONDS = 4 }; /* the ring holds this much sound */

struct stream;

/* How stream_measure learns a recording's length. */
enum stream_length {
    STREAM_LENGTH_DECLARED, /* what its decoder declares (WAV, FLAC, Ogg) */
    STREAM_LENGTH_MP3,      /* an MP3: counted from its frame headers
                               (mp3_length.h), or decoded when libmpg123
                               cannot tell */
    STREAM_LENGTH_DECODED,  /* decoded through once, nothing kept */
};

/* The length of the recording at path in frames at SOUND_RATE, learnt as
 * how says (decoded whenever its decoder declares none). False with why
 * filled (to follow "sound file 'NAME' ") when it cannot be decoded. */
bool stream_measure(const char *path, enum stream_length how, int64_t *frames,
                    char *why, size_t whylen);

/* Opens the recording at path to give out its first `length` frames at
 * SOUND_RATE (silence after, should it decode shorter). The ring is empty
 * until filled. NULL with why filled. */
struct stream *stream_open(const char *path, int64_t length, char *why,
                           size_t whylen);

/* Starts the worker thread that keeps the ring full (live play). */
bool stream_start(struct stream *s);

/* Fills the ring in the calling thread, as full as it goes or to the end
 * (--render, before each block: then a read never runs dry). Never with a
 * worker. */
void stream_fill(struct stream *s);

/* 1 or 2: the channels of every frame read. */
int stream_channels(const struct stream *s);

/* The mixer: writes `frames` frames to out (silence for any the ring did
 * not have) and returns how many were sound. */
size_t stream_read(struct stream *s, int16_t *out, size_t frames);

/* Reads that found the ring empty before the end (read by any thread). */
long stream_underruns(const struct stream *s);

/* Once the producer stopped on a damaged file, or on one that ends
 * short of its length (cut or changed since it was measured): true the
 * first time it is asked (by any thread), with why and the frames given
 * out before (*at). */
bool stream_failure(struct stream *s, int64_t *at, char *why, size_t whylen);

/* Stops the worker (if any) and frees everything. NULL is fine. */
void stream_close(struct stream *s);

#endif
