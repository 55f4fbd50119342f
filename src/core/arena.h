/* arena.h: a grow-only allocator. Everything loaded from one catalog of
 * session files lives in one arena and is freed at once, so a loader that
 * stops half way through a hostile file never leaks or double-frees. */
#ifndef STILLPOINT_ARENA_H
#define STILLPOINT_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zeroed memory aligned for any type; NULL only when out of memory. */
void *arena_alloc(struct arena *a, size_t size);
/* A copy of s (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
