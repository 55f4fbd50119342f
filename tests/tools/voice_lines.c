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

#include "../../src/core/screen_words.h"
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

/* Prints the stock lines of w (those a recording may voice). */
static bool emit_words(struct seen *s, const struct screen_words *w,
                       const char *where)
{
    bool ok = true;
    for (size_t i = 0; i < w->count; i++)
        if (w->lines[i].stock)
            ok = emit(s, w->lines[i].text, where) && ok;
    return ok;
}

/* Every screen read aloud (core/screen_words.c) of profile p: each
 * screen before the session as the flow meets it, each question as the
 * one that blocked, the running panel in each of its states, and the
 * after screen for each ending. */
static bool emit_screens(struct seen *s, const struct safety_profile *p)
{
    static struct screen_words w;
    bool ok = true;
    struct safety_flow f;
    safety_flow_start(&f, p);
    for (int guard = 0; guard < 200; guard++) {
        for (int scans = 0; scans < 2; scans++) {
            screen_words_before(&w, &f, scans);
            ok = emit_words(s, &w, p->type) && ok;
        }
        if (f.screen == FLOW_READY || f.screen == FLOW_BLOCKED)
            break;
        /* past every question without blocking */
        safety_flow_input(&f, f.screen == FLOW_CONTRAINDICATION ? FLOW_NO
                              : f.screen == FLOW_CLEARANCE      ? FLOW_YES
                                                           : FLOW_CONTINUE);
    }
    const struct text_list *asked[] = {&p->contraindications, &p->clearance};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < asked[k]->count; i++) {
            f = (struct safety_flow){.profile = p,
                                     .screen = FLOW_BLOCKED,
                                     .blocked_by = asked[k]->items[i]};
            screen_words_blocked(&w, &f);
            ok = emit_words(s, &w, p->type) && ok;
        }
    f = (struct safety_flow){.profile = p, .screen = FLOW_BLOCKED};
    screen_words_blocked(&w, &f);
    ok = emit_words(s, &w, p->type) && ok;
    for (int st = SCREEN_STATUS_SIGNS; st <= SCREEN_STATUS_MISSED; st++) {
        screen_words_running(&w, p, (enum screen_status)st);
        ok = emit_words(s, &w, p->type) && ok;
    }
    for (int o = 0; o < HISTORY_OUTCOMES; o++)
        for (int offer = 0; offer < 8; offer++) {
            struct screen_after_offers offers = {offer & 1, offer & 2,
                                                 offer & 4};
            screen_words_after(&w, p, (enum history_outcome)o, &offers);
            ok = emit_words(s, &w, p->type) && ok;
        }
    return ok;
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
    /* The screens read aloud: each built-in type's, and the menu's
     * titles. */
    const struct safety_profile *done[64];
    size_t n_done = 0;
    static struct screen_words w;
    screen_words_offer(&w);
    if (!emit_words(&seen, &w, "the offer to read screens aloud"))
        status = 1;
    for (int v = -1; v <= HISTORY_RATING_MAX; v++) {
        screen_words_rating(&w, v);
        if (!emit_words(&seen, &w, "the rating question"))
            status = 1;
    }
    for (int g = 0; g < 2; g++) {
        screen_words_rating_pause(&w, g);
        if (!emit_words(&seen, &w, "the words at a rating's pause"))
            status = 1;
    }
    screen_words_note(&w);
    if (!emit_words(&seen, &w, "the note box"))
        status = 1;
    for (size_t i = 0; i < catalog_count(lib.catalog); i++) {
        const struct session *s = catalog_get(lib.catalog, i);
        screen_words_menu(&w, s);
        if (!emit_words(&seen, &w, s->source))
            status = 1;
        bool known = false;
        for (size_t k = 0; k < n_done; k++)
            known |= done[k] == s->safety;
        if (known || n_done == 64)
            continue;
        done[n_done++] = s->safety;
        if (!emit_screens(&seen, s->safety))
            status = 1;
    }
    free(seen.items);
    library_free(&lib);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
