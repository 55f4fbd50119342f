/* strbuf.h: a string that grows as text is appended, for output built in
 * memory (the history table, the report page). Out of memory is sticky:
 * once an append fails everything after is dropped and strbuf_finish
 * says so. Pure; no I/O. */
#ifndef STILLPOINT_STRBUF_H
#define STILLPOINT_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
    char *p; /* NUL-terminated once anything was appended */
    size_t len, cap;
    bool failed; /* out of memory: everything after is dropped */
};

void strbuf_put_bytes(struct strbuf *b, const char *s, size_t n);
void strbuf_put(struct strbuf *b, const char *s);
/* Appends printf-formatted text. */
void strbuf_putf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The string (to free()), or NULL when out of memory or nothing was
 * appended; b is empty again. */
char *strbuf_finish(struct strbuf *b);

#endif
