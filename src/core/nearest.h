/* nearest.h: "did you mean ...?" — the known name closest to a misspelt
 * one, by edit distance. Used for unknown settings, regions and styles. */
#ifndef STILLPOINT_NEAREST_H
#define STILLPOINT_NEAREST_H

#include <stddef.h>

/* The name among names[0..n) nearest to name, or NULL when none is close
 * enough to be what was meant (at most a third of name's letters, or 2,
 * differ). */
const char *nearest_name(const char *const *names, size_t n, const char *name);

#endif
