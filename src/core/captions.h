/* captions.h: reads a captions file, WebVTT (.vtt) or SubRip (.srt), into
 * timed lines, checking it as every shared file is checked: a size limit,
 * times that parse, increase and stay inside the recording, texts that
 * pass the same check as a `say` line (utf8_check_text). Every problem is
 * reported as FILE:LINE: message. Pure C, no I/O: the caller reads the
 * bytes. */
#ifndef STILLPOINT_CAPTIONS_H
#define STILLPOINT_CAPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "session.h"

enum {
    CAPTIONS_MAX_BYTES = 4 << 20, /* a caption file's size */
    CAPTIONS_MAX_COUNT = 20000,   /* captions in one file */
    CAPTIONS_MAX_TEXT = 500,      /* bytes of one caption's text, as a say
                                     line's */
};

enum captions_format { CAPTIONS_VTT, CAPTIONS_SRT };

struct caption_list {
    const struct caption *items; /* in the arena; starts never decrease */
    size_t count;
    enum captions_format format;
};

/* Parses the len bytes at data (the file's name, for messages, is file).
 * The format is told by the content (a "WEBVTT" first line, else SubRip).
 * length_seconds is the recording's length (captions must start inside
 * it; an end past it is cut to it), or < 0 when unknown. A caption that
 * shows nothing is left out, and so are the lines a rolling caption
 * repeats from the one it follows on screen (a caption with nothing new
 * is left out too). Texts and the table are copied into a. Returns false
 * when anything was wrong, with each problem added to d. */
bool captions_parse(const char *data, size_t len, const char *file,
                    double length_seconds, struct arena *a,
                    struct caption_list *out, struct diag_list *d);

#endif
