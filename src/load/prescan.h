/* prescan.h: byte-level checks on a session file before libconfig sees
 * it: text only (valid UTF-8, no NUL), no @include directive (libconfig
 * 1.5 would follow it to any path), no nesting deeper than a small limit
 * and no oversized string literal. Fast: one pass over the bytes. */
#ifndef STILLPOINT_PRESCAN_H
#define STILLPOINT_PRESCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"

enum {
    PRESCAN_MAX_DEPTH = 12,
    PRESCAN_MAX_STRING = 4096,
};

/* Returns false (with problems added to d under the name file) when text
 * must not be parsed. */
bool prescan_text(const char *file, const char *text, size_t len,
                  struct diag_list *d);

#endif
