/* voice_lines.c: lists every line the built-in sessions and the program
 * itself speak, one a row as "HASH<TAB>TEXT" (HASH: voice_text_hash in 16
 * hex digits), each distinct line once, in the order first spoken. It
 * loads the built-in sessions exactly as stillpoint does (the same data
 * folder, the same loader), so scripts/make-voice records what the program
 * will look for, and tests/e2e/voice_manifest.sh checks that every line
 * has its clip. Which words of a step are spoken, and the program's own
 * lines, are decided in src/core/voice_text.c, not here.
 * Usage: voice_lines   (exit 1 when a built-in file is broken) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/voice_text.h"
#include "../../src/load/library.h"

struct seen {
    const char **items;
    size_t count, cap;
};

static bool seen_add(struct seen *s, const char *text)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i], text) == 0)
            return false;
    if (s->count == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        const char **n = realloc(s->items, ncap * sizeof(*n));
        if (!n) {
            fputs("voice_lines: out of memory\n", stderr);
            exit(1);
        }
        s->items = n;
        s->cap = ncap;
    }
    s->items[s->count++] = text;
    return true;
}

/* Prints a new line; returns false for text a TSV row cannot hold. */
static bool emit(struct seen *s, const char *text, const char *where)
{
    if (strpbrk(text, "\t\r\n")) {
        fprintf(stderr,
                "voice_lines: %s: a spoken line holds a tab or a "
                "line break\n",
                where);
        return false;
    }
    if (seen_add(s, text)) {
        char hex[VOICE_HASH_HEX];
        printf("%s\t%s\n", voice_text_hash_hex(text, hex), text);
    }
    return true;
}

int main(void)
{
    struct library lib;
    char err[512];
    if (!library_load_builtin(&lib, err, sizeof(err))) {
        fprintf(stderr, "voice_lines: %s\n", err);
        return 1;
    }
    int status = 0;
    for (size_t i = 0; i < lib.broken.count; i++) {
        fprintf(stderr, "voice_lines: %s\n", lib.broken.msgs[i]);
        status = 1;
    }
    if (catalog_count(lib.catalog) == 0) {
        fprintf(stderr, "voice_lines: no built-in sessions in %s\n",
                lib.data_dir);
        status = 1;
    }
    struct seen seen = {0};
    const char *text;
    for (size_t i = 0; (text = voice_text_program_line(i)); i++)
        if (!emit(&seen, text, "the program's own lines"))
            status = 1;
    for (size_t i = 0; i < catalog_count(lib.catalog); i++) {
        const struct session *s = catalog_get(lib.catalog, i);
        for (size_t j = 0; j < s->n_steps; j++) {
            char where[600];
            snprintf(where, sizeof(where), "%s:%d", s->source,
                     s->steps[j].line);
            if ((text = voice_text_of_step(&s->steps[j])) &&
                !emit(&seen, text, where))
                status = 1;
            /* The wording for open eyes is said instead, when chosen. */
            if ((text = s->steps[j].eyes_open) && !emit(&seen, text, where))
                status = 1;
        }
    }
    free(seen.items);
    library_free(&lib);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
