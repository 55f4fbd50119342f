/* history_fields.h: inside src/core/ only, the rules the history's
 * writer (history.c) and reader (history_read.c) share, so they agree on
 * what a history file and each of its fields may hold. */
#ifndef STILLPOINT_HISTORY_FIELDS_H
#define STILLPOINT_HISTORY_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

enum history_first_line {
    HISTORY_FIRST_HEADER,     /* the header: a history */
    HISTORY_FIRST_CUT_HEADER, /* its beginning: a first write cut short */
    HISTORY_FIRST_EXPORT,     /* HISTORY_EXPORT_HEADER: read, never added to */
    HISTORY_FIRST_OTHER,      /* not a history */
};

/* What a file's first line (len bytes, without its '\n' and a '\r'
 * before it) says of the file. */
enum history_first_line history_first_line_kind(const char *line, size_t len);

/* A started stamp: YYYY-MM-DDTHH:MM:SS then +HH:MM, -HH:MM or Z. */
bool history_valid_stamp(const char *s, size_t len);

/* Seconds as the writer writes them: digits, optionally '.' and at most
 * five more. */
bool history_parse_seconds(const char *s, size_t len, double *out);

/* A C0 control or DEL. */
bool history_is_control(unsigned char c);

/* Whether a text field (len bytes) gets an apostrophe in front, so a
 * spreadsheet never runs it (see history.c). */
bool history_needs_apostrophe(const char *s, size_t len);

/* The outcome column's word for an entry (enum history_entry) other
 * than the outcome ("rated-before", ...), NULL for the outcome. */
const char *history_entry_word(int what);

/* The note as the file holds it: each backslash doubled, each '\n' as
 * \n, any other control character a space. out needs 2 * strlen + 1
 * bytes (2 * HISTORY_NOTE_BYTES always do). */
void history_escape_note(const char *note, char *out);

/* Undoes history_escape_note() in place on s (len bytes, unterminated;
 * a backslash before anything else stays as it is). Returns the new
 * length. */
size_t history_unescape_note(char *s, size_t len);

/* Characters in s (len bytes): each UTF-8 character one, each byte that
 * is not UTF-8 one. */
size_t history_count_chars(const char *s, size_t len);

/* Fills st for fd; when fd is not a regular file, says so in err, closes
 * it and returns false. */
bool history_regular_or_close(int fd, struct stat *st, const char *path,
                              char *err, size_t errlen);

#endif
