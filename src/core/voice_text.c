/* voice_text.c: the spoken text of a step, the program's own spoken lines,
 * and the hash that names a line's recorded clip. */
#include "voice_text.h"

#include "adapt.h"
#include "breath_count.h"

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

/* Spoken lines that come from the program, not from a session file: the
 * floor notice, the anchors that take a left-out region's place, the
 * eyes-open line, the words of the spoken count. Add a line here and
 * scripts/make-voice records it. */
const char *voice_text_program_line(size_t i)
{
    if (i == 0)
        return SESSION_FLOOR_NOTICE;
    if (i - 1 < ADAPT_ANCHOR_COUNT)
        return ADAPT_ANCHORS[i - 1].say;
    if (i - 1 == ADAPT_ANCHOR_COUNT)
        return ADAPT_EYES_OPEN_LINE;
    return breath_count_line(i - 2 - ADAPT_ANCHOR_COUNT);
}
