/* prescan.h: byte-level checks on a session or preferences file before
 * libconfig sees it, and the copy it parses: text only (valid UTF-8 in
 * code, strings and after every backslash; no NUL), no @include directive
 * (libconfig 1.5 would follow it to any path), no nesting deeper than a
 * small limit and no oversized string literal. A leading UTF-8 byte-order
 * mark is dropped. A whole number libconfig 1.5 would silently wrap (past
 * 32 bits, or 64 with an L) is handed to it as a decimal with a fraction,
 * so the range checks see its full value. Fast: one pass over the bytes. */
#ifndef STILLPOINT_PRESCAN_H
#define STILLPOINT_PRESCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"

enum {
    PRESCAN_MAX_DEPTH = 12,
    PRESCAN_MAX_STRING = 4096,
};

/* Returns the NUL-terminated text libconfig is to parse (free() it), or
 * NULL with problems added to d under the name file when text must not be
 * parsed. */
char *prescan_text(const char *file, const char *text, size_t len,
                   struct diag_list *d);

#endif
