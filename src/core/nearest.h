/* nearest.h: "did you mean ...?" — the known name closest to a misspelt
 * one, by edit distance. Used for unknown settings, regions and styles. */
#ifndef STILLPOINT_NEAREST_H
#define STILLPOINT_NEAREST_H

#include <stddef.h>

/* The name among names[0..n) nearest to name, or NULL when none is close
 * enough to be what was meant (at most a third of name's letters, or 2,
 * differ). */
const char *nearest_name(const char *const *names, size_t n, const char *name);

/* Edit distance between a and b, a swap of two neighbouring letters
 * counting as one edit ("haed" is 1 from "head"), or 64 when either is
 * longer than 64 bytes. */
size_t nearest_distance(const char *a, const char *b);

#endif
