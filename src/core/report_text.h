/* report_text.h: a growing string for the HTML report, and text put into
 * it escaped: whatever a session file or a person wrote can only ever be
 * text on the page, never markup. Pure; no I/O. */
#ifndef STILLPOINT_REPORT_TEXT_H
#define STILLPOINT_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct report_buf {
    char *p;
    size_t len, cap;
    bool failed; /* out of memory: everything after is dropped */
};

/* Appends s as it is (markup stillpoint writes itself). */
void report_put(struct report_buf *b, const char *s);

/* Appends printf-formatted markup (numbers; never text from a file). */
void report_putf(struct report_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends s as text: & < > " and ' as character references; C0 and C1
 * controls, DEL and bidi embeddings, overrides and isolates as spaces
 * (a line break stays one when keep_lines, for a page that shows it
 * with white-space: pre-wrap); bytes that are not UTF-8 as U+FFFD. */
void report_put_text(struct report_buf *b, const char *s, bool keep_lines);

/* The string (to free()), or NULL when out of memory. */
char *report_finish(struct report_buf *b);

#endif
