/* fuzz_captions.c: libFuzzer target for the captions reader. Arbitrary
 * bytes as a captions file, read against a recording of a length taken
 * from its last two bytes (or of none), must never crash, hang or leak;
 * and whatever it keeps must be sound: starts never decreasing, each end
 * at or after its start and inside the recording, each text one that
 * passes the say-line check and fits the limit, lines in order; it says
 * yes exactly when it reported nothing. What it accepts, made into a
 * session file (--captions-session), reads back in libconfig to the same
 * words and marks. */
#include <libconfig.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/captions.h"
#include "../../src/core/captions_session.h"
#include "../../src/core/utf8.h"

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c))                                                              \
            __builtin_trap();                                                  \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The session text of l reads back with its words and marks. */
static void round_trip(const struct caption_list *l)
{
    char *text = captions_session_text(l, "fuzz.vtt", NULL);
    CHECK(text);
    config_t cfg;
    config_init(&cfg);
    CHECK(config_read_string(&cfg, text));
    config_setting_t *steps = config_lookup(&cfg, "sessions.[0].steps");
    CHECK(steps && config_setting_length(steps) == (int)l->count);
    for (size_t i = 0; i < l->count; i++) {
        config_setting_t *st = config_setting_get_elem(steps, (unsigned)i);
        const char *say = NULL, *at = NULL;
        char want[CAPTIONS_SESSION_AT];
        captions_session_at(l->items[i].start, want, sizeof(want));
        CHECK(config_setting_lookup_string(st, "say", &say));
        CHECK(config_setting_lookup_string(st, "at", &at));
        CHECK(strcmp(say, l->items[i].text) == 0 && strcmp(at, want) == 0);
    }
    config_destroy(&cfg);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The recording's length from the last two bytes, which stay part of
     * the file (so the seeds are read as written, WEBVTT line and all): an
     * odd last-but-one byte, no known length; else up to ~27 minutes. */
    double length = -1;
    if (size >= 2 && !(data[size - 2] & 1))
        length = ((data[size - 2] << 8 | data[size - 1]) & 0x3fff) / 10.0;
    struct arena *a = arena_new();
    CHECK(a);
    struct diag_list d;
    diag_init(&d);
    struct caption_list l;
    bool ok =
        captions_parse((const char *)data, size, "fuzz", length, a, &l, &d);
    CHECK(ok == (diag_total(&d) == 0));
    CHECK(!ok || l.count > 0);
    CHECK(l.count <= CAPTIONS_MAX_COUNT);
    char why[128];
    for (size_t i = 0; i < l.count; i++) {
        const struct caption *c = &l.items[i];
        CHECK(c->start >= 0 && c->end >= c->start);
        CHECK(length < 0 || (c->start <= length && c->end <= length));
        CHECK(c->text && strlen(c->text) <= CAPTIONS_MAX_TEXT);
        CHECK(utf8_check_text(c->text, why, sizeof(why)));
        CHECK(c->line > 0);
        if (i > 0) {
            CHECK(c->start >= l.items[i - 1].start);
            CHECK(c->line > l.items[i - 1].line);
        }
    }
    if (ok && l.count <= CAPTIONS_SESSION_MAX_STEPS)
        round_trip(&l);
    arena_free(a);
    return 0;
}
