/* captions_session.h: the text of a session file made from a captions
 * file, for a therapist to read through and finish: one `say` step per
 * caption at its time (`at`), or one `play` step for a recording with its
 * captions. Names, titles and texts are made fit for the format (a valid
 * session name, nothing a terminal obeys, quotes and backslashes
 * escaped). Pure C, no I/O. */
#ifndef STILLPOINT_CAPTIONS_SESSION_H
#define STILLPOINT_CAPTIONS_SESSION_H

#include <stddef.h>

#include "captions.h"

enum {
    CAPTIONS_SESSION_MAX_STEPS = 1000, /* a session's steps (config/README.md,
                                          Limits) */
    CAPTIONS_SESSION_AT = 24,          /* room for a time mark's text */
};

/* Seconds as a time mark: "M:SS" below an hour, "H:MM:SS" from one on,
 * then a fraction of up to three digits with trailing zeros left out
 * ("0:08", "1:02.25", "1:02:03.456"). Rounded to the millisecond. */
void captions_session_at(double seconds, char *buf, size_t n);

/* A valid session name (session_name_valid) from a file's name: its base
 * name without the extension, lowercased, every run of anything but
 * letters and digits made one dash, at most 48 bytes; "captions" when
 * nothing is left. out holds at least 49 bytes. */
void captions_session_name(const char *file, char *out, size_t n);

/* The session file's text (malloc'd; NULL when out of memory) for the
 * captions l read from the file named captions (its base name is used):
 * with recording NULL, a say step per caption; else one play step of
 * recording with captions. The caller has checked that l has at most
 * CAPTIONS_SESSION_MAX_STEPS captions when recording is NULL, and that
 * recording passes utf8_check_text. */
char *captions_session_text(const struct caption_list *l, const char *captions,
                            const char *recording);

#endif
