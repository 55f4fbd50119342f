/* sniff.h: looks at a sound file's bytes before any decoder does. It
 * names the format from the content (never from the name), refuses a name
 * that says another format, and reads what the headers declare (rate,
 * channels, length), walking every WAV chunk, Ogg page and FLAC metadata
 * block within the bytes, so a file cut short or damaged is named as such.
 * Pure C: no SDL; the limits are judged by the caller (decode.c). */
#ifndef STILLPOINT_SNIFF_H
#define STILLPOINT_SNIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sniff_format {
    SNIFF_UNKNOWN,
    SNIFF_WAV,
    SNIFF_OGG,
    SNIFF_FLAC,
    SNIFF_MP3
};

struct sniff_info {
    enum sniff_format format;
    long rate;      /* samples per second the header declares; 0: none */
    int channels;   /* 0: the header does not say */
    int64_t frames; /* declared length, in frames at rate; -1: unknown */
    bool exact;     /* frames is exact; else at most an upper bound */
};

/* "WAV", "Ogg", "FLAC", "MP3" or "unknown". */
const char *sniff_format_name(enum sniff_format f);

/* Checks the len bytes of the sound file called name (only its extension
 * is used) and fills out. Returns false with why filled when the file is
 * empty, is no format stillpoint plays, holds another format than its
 * name says, or is cut short or damaged; why continues "sound file
 * 'NAME' ", e.g. "is cut short: ...". */
bool sniff_sound(const char *name, const unsigned char *buf, size_t len,
                 struct sniff_info *out, char *why, size_t whylen);

/* The same for a file too long to read whole (a recording): head is its
 * first len bytes, size its size. Names the format (by content, agreeing
 * with the name) and reads what the first headers declare: WAV's format
 * and data chunks (data may run up to size), FLAC's stream information,
 * an Ogg stream's first page (channels and rate; the length is the
 * decoder's to find); an MP3 declares nothing. */
bool sniff_sound_head(const char *name, const unsigned char *head, size_t len,
                      uint64_t size, struct sniff_info *out, char *why,
                      size_t whylen);

#endif
