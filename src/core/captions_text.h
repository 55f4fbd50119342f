/* captions_text.h: a caption's words as they are shown, built from the
 * lines of a captions file: markup left out (WebVTT tags like <v Name>,
 * <i>, <c.class>, <00:01:02.000>; SubRip's <i>, <font ...> and {\an8}),
 * character references decoded (&amp; &lt; &gt; &quot; &apos; &nbsp;
 * &#233; &#xE9;; &lrm; and &rlm; dropped), lines joined and runs of spaces
 * and tabs made one space. Bounded: past the buffer, only the length
 * grows. Pure C. */
#ifndef STILLPOINT_CAPTIONS_TEXT_H
#define STILLPOINT_CAPTIONS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Room for a caption's longest text (CAPTIONS_MAX_TEXT, captions.h) and a
 * little more, to tell a text that is too long. */
enum { CAPTIONS_TEXT_BUF = 512 };

/* The text built so far: the bytes kept (buf) and how many there would be
 * (len, which may pass CAPTIONS_TEXT_BUF; then buf holds only the
 * first). Not NUL-terminated. */
struct captions_text {
    char buf[CAPTIONS_TEXT_BUF];
    size_t len;
};

/* Adds the len bytes at p, one line of a caption (vtt: WebVTT's markup
 * rules, else SubRip's), after a space when t already holds text. */
void captions_text_line(struct captions_text *t, const char *p, size_t len,
                        bool vtt);

/* Drops a space at the end. */
void captions_text_trim(struct captions_text *t);

/* Rolling captions (YouTube's automatic ones) repeat the lines of the
 * caption before at the top of the next; at most this many lines are
 * looked for. */
enum { CAPTIONS_ROLL_LINES = 8 };

/* A caption's lines as shown, each with its line in the file: kept apart
 * to find the lines a rolling caption repeats, joined with a space in
 * text. Each line holds a byte and a space at least, so a text that fits
 * CAPTIONS_TEXT_BUF has at most half as many lines. */
struct captions_lines {
    struct captions_text text;
    unsigned short start[CAPTIONS_TEXT_BUF / 2]; /* of each line in text */
    int no[CAPTIONS_TEXT_BUF / 2];               /* its line in the file */
    size_t count;
};

void captions_lines_clear(struct captions_lines *c);

/* Adds line's text (trimmed, not empty), written on line no of the
 * file. */
void captions_lines_add(struct captions_lines *c,
                        const struct captions_text *line, int no);

/* How many of c's first lines (up to CAPTIONS_ROLL_LINES) are the last
 * lines of prev, in the same order: the most that are. 0 when either
 * text did not fit its buffer. */
size_t captions_lines_repeated(const struct captions_lines *c,
                               const struct captions_lines *prev);

#endif
