/* utf8.h: the rules every text from a file must pass, and the escaping of
 * text on its way to a terminal. A text may hold any visible character of
 * any script; it must not hold what a terminal obeys or what reorders or
 * hides what is shown (C0 and C1 controls, bidi embeddings, overrides and
 * isolates, invalid UTF-8), and it must show at least one character. */
#ifndef STILLPOINT_UTF8_H
#define STILLPOINT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the UTF-8 sequence at p (avail bytes there, avail > 0): returns
 * its length and fills *cp, or returns 0 when it is not valid UTF-8
 * (overlong, a surrogate, past U+10FFFF, cut short). */
size_t utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp);

/* Whether code point cp shows nothing on its own: a space of any width,
 * a zero-width or joiner character, a format character (Unicode's Cf), a
 * variation selector, a filler, or the blank braille pattern. */
bool utf8_invisible(uint32_t cp);

/* Whether code point cp must never appear in a text: a C0 or C1 control,
 * DEL, or a bidi embedding, override or isolate (U+202A..U+202E,
 * U+2066..U+2069). */
bool utf8_forbidden(uint32_t cp);

/* Checks the NUL-terminated text s. Returns true when it is valid UTF-8,
 * holds nothing utf8_forbidden and at least one visible character;
 * otherwise false with why filled ("control character U+001B", "invalid
 * UTF-8 (byte 0xff)", "shows nothing: only spaces or invisible
 * characters"). */
bool utf8_check_text(const char *s, char *why, size_t whylen);

/* Copies s into out (n bytes, n > 0), always NUL-terminated, with every
 * byte of invalid UTF-8 written as \xHH and every forbidden code point
 * as \u{HHHH} (a backslash itself stays), so that nothing a file holds
 * can move the cursor, change colours or reorder a line when printed.
 * Never cuts an escape or a character in two. Returns out. */
char *utf8_escape(const char *s, char *out, size_t n);

#endif
