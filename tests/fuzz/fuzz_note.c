/* fuzz_note.c: libFuzzer target typing arbitrary bytes into the note
 * (core/rating's struct rating_note) as SDL would hand them over: the
 * input is split at NUL bytes into pieces of typed text, a piece that is
 * a single 0x08 is a Backspace. Whatever is typed, the note must stay
 * valid UTF-8 without a control character other than a line break, hold
 * at most RATING_NOTE_CHARS characters and count them and its bytes
 * truly, and always make one line of the history file. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/history.h"
#include "../../src/core/rating.h"
#include "../../src/core/utf8.h"

static void check(const struct rating_note *n)
{
    if (n->len != strlen(n->text) || n->chars > RATING_NOTE_CHARS)
        __builtin_trap();
    const unsigned char *p = (const unsigned char *)n->text;
    size_t chars = 0;
    for (size_t i = 0; i < n->len; chars++) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, n->len - i, &cp);
        if (k == 0 || (cp != '\n' && utf8_forbidden(cp)))
            __builtin_trap();
        i += k;
    }
    if (chars != n->chars)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rating_note n;
    rating_note_clear(&n);
    char piece[256], why[96];
    size_t at = 0;
    while (at < size) {
        size_t len = 0;
        while (at + len < size && data[at + len] != 0 && len < 255)
            len++;
        memcpy(piece, data + at, len);
        piece[len] = '\0';
        at += len + 1;
        if (len == 1 && piece[0] == 0x08)
            rating_note_backspace(&n);
        else
            rating_note_add(&n, piece, why, sizeof why);
        check(&n);
    }
    static struct history_row row;
    static char line[HISTORY_LINE_MAX];
    memset(&row, 0, sizeof row);
    memcpy(row.started, "2026-11-29T09:00:00+01:00", 26);
    memcpy(row.session, "s", 2);
    memcpy(row.note, n.text, n.len + 1);
    size_t k =
        history_format_entry(&row, HISTORY_ENTRY_NOTE, line, sizeof line);
    if (k == 0 || line[k - 1] != '\n' || memchr(line, '\n', k - 1))
        __builtin_trap();
    return 0;
}
