/* rating.c: the rules of the rating question and of the note's text
 * (see rating.h). */
#include "rating.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

bool rating_wanted(const struct session *s, bool chosen)
{
    return chosen || (s && (s->rating || (s->safety && s->safety->rating)));
}

int rating_step(int value, int delta)
{
    if (value < 0 || value > RATING_MAX)
        return 0;
    int v = value + (delta > 0 ? 1 : delta < 0 ? -1 : 0);
    return v < 0 ? 0 : v > RATING_MAX ? RATING_MAX : v;
}

int rating_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : RATING_NONE;
}

bool rating_pause_reached(const struct safety_profile *p, int value)
{
    return p && p->has_rating_pause && value >= 0 && value <= RATING_MAX &&
           value >= p->rating_pause;
}

void rating_note_clear(struct rating_note *n)
{
    memset(n, 0, sizeof(*n));
}

bool rating_note_add(struct rating_note *n, const char *text, char *why,
                     size_t whylen)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t len = strlen(text), chars = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, len - i, &cp);
        if (k == 0) {
            snprintf(why, whylen, "invalid UTF-8 (byte 0x%02x)", p[i]);
            return false;
        }
        if (cp != '\n' && utf8_forbidden(cp)) {
            snprintf(why, whylen, "control character U+%04X", (unsigned)cp);
            return false;
        }
        i += k;
        chars++;
    }
    if (n->chars + chars > RATING_NOTE_CHARS ||
        n->len + len >= sizeof(n->text)) {
        snprintf(why, whylen, "the note is full (%d characters)",
                 RATING_NOTE_CHARS);
        return false;
    }
    memcpy(n->text + n->len, text, len + 1);
    n->len += len;
    n->chars += chars;
    return true;
}

bool rating_note_backspace(struct rating_note *n)
{
    if (n->len == 0)
        return false;
    size_t i = n->len - 1;
    while (i > 0 && ((unsigned char)n->text[i] & 0xC0) == 0x80)
        i--; /* back over continuation bytes to the sequence's start */
    n->text[i] = '\0';
    n->len = i;
    n->chars--;
    return true;
}

bool rating_note_worth_saving(const struct rating_note *n)
{
    const unsigned char *p = (const unsigned char *)n->text;
    for (size_t i = 0; i < n->len;) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, n->len - i, &cp);
        if (k == 0)
            return false;
        if (cp != '\n' && !utf8_invisible(cp))
            return true;
        i += k;
    }
    return false;
}
