/* voice_text.c: the spoken text of a step, the program's own spoken lines,
 * and the hash that names a line's recorded clip. */
#include "voice_text.h"

/* Spoken lines that come from the program, not from a session file. Add a
 * line here and `scripts/make-voice` records it. */
static const char *const program_lines[] = {
    SESSION_FLOOR_NOTICE,
};

uint64_t voice_text_hash(const char *text)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a 64 offset basis */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3u; /* FNV 64 prime */
    }
    return h;
}

char *voice_text_hash_hex(const char *text, char out[VOICE_HASH_HEX])
{
    static const char digits[] = "0123456789abcdef";
    uint64_t h = voice_text_hash(text);
    for (int i = VOICE_HASH_HEX - 2; i >= 0; i--) {
        out[i] = digits[h & 0xf];
        h >>= 4;
    }
    out[VOICE_HASH_HEX - 1] = '\0';
    return out;
}

const char *voice_text_of_step(const struct step *st)
{
    if (st->say && st->say[0])
        return st->say;
    if (st->kind == STEP_SCAN && st->label && st->label[0])
        return st->label;
    return NULL;
}

const char *voice_text_program_line(size_t i)
{
    return i < sizeof(program_lines) / sizeof(program_lines[0])
               ? program_lines[i]
               : NULL;
}
