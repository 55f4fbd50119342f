/* fuzz_captions.c: libFuzzer target for the captions reader. Arbitrary
 * bytes as a captions file, read against a recording of a length taken
 * from the first two bytes (or of none), must never crash, hang or leak;
 * and whatever it keeps must be sound: starts never decreasing, each end
 * at or after its start and inside the recording, each text one that
 * passes the say-line check and fits the limit, lines in order; it says
 * yes exactly when it reported nothing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/core/captions.h"
#include "../../src/core/utf8.h"

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c))                                                              \
            __builtin_trap();                                                  \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    double length = -1;
    if (size >= 2) {
        /* An odd first byte: no known length; else up to ~27 minutes. */
        if (!(data[0] & 1))
            length = ((data[0] << 8 | data[1]) & 0x3fff) / 10.0;
        data += 2;
        size -= 2;
    }
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
    arena_free(a);
    return 0;
}
