/* voice_text.h: which words are spoken aloud, and the name of their
 * recording. A spoken line is named by the FNV-1a 64 hash of its UTF-8
 * bytes, so a recorded clip (assets/voice/HASH.ogg, made offline by
 * scripts/make-voice) belongs to exactly one wording: change a line and
 * its old clip no longer matches. The program and the tool that lists the
 * lines to record (tests/tools/voice_lines.c) both use these rules. */
#ifndef STILLPOINT_VOICE_TEXT_H
#define STILLPOINT_VOICE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "session.h"

/* 16 lowercase hex digits and a NUL. */
enum { VOICE_HASH_HEX = 17 };

/* FNV-1a 64 over the bytes of text (up to its NUL). */
uint64_t voice_text_hash(const char *text);

/* The hash as 16 lowercase hex digits; returns out. */
char *voice_text_hash_hex(const char *text, char out[VOICE_HASH_HEX]);

/* The words a step speaks: its say line; for a scan step without one, its
 * region label; otherwise NULL (the step speaks nothing). */
const char *voice_text_of_step(const struct step *st);

/* Lines the program speaks itself, outside any session file (the floor
 * notice first). Returns the i-th, or NULL past the last. New lines of
 * the program's own go in this one table, and scripts/make-voice records
 * them with the sessions' lines. */
const char *voice_text_program_line(size_t i);

#endif
